package org.avgym.dashboard.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.avgym.checkin.boundary.Checkins;
import org.avgym.checkin.entity.CheckinFilter;
import org.avgym.checkin.entity.CheckinView;
import org.avgym.dashboard.control.CheckinCsv;
import org.avgym.dashboard.control.CheckinLogQuery;
import org.avgym.locations.boundary.Locations;
import org.avgym.locations.entity.Location;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The check-in log as CSV, with the log page's filters from the same address parameters: every
 * matching check-in, newest first, read page by page by keyset and written as it comes, up to
 * {@code avgym.checkin-log.export-max-rows}. Behind the staff login like every page (web.xml).
 */
@WebServlet("/checkins.csv")
public class CheckinExport extends HttpServlet {

  private static final long serialVersionUID = 1L;

  /** Rows read per query while exporting. */
  static final int CHUNK = 500;

  @Inject Checkins checkins;
  @Inject Locations locations;

  @Inject
  @ConfigProperty(name = "avgym.checkin-log.export-max-rows", defaultValue = "10000")
  int maxRows;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Map<String, String> parameters = new HashMap<>();
    for (String name : CheckinLogQuery.NAMES) {
      parameters.put(name, request.getParameter(name));
    }
    CheckinLogQuery.Parsed parsed =
        CheckinLogQuery.parse(
            parameters, code -> locations.find(code).map(Location::getId), ZoneId.systemDefault());
    if (!parsed.ok()) {
      response.sendError(HttpServletResponse.SC_BAD_REQUEST, parsed.problem());
      return;
    }
    response.setContentType("text/csv");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader("Content-Disposition", "attachment; filename=\"checkins.csv\"");
    Writer out = response.getWriter();
    out.write(CheckinCsv.HEADER);
    CheckinFilter.Cursor cursor = null;
    int written = 0;
    while (written < maxRows) {
      CheckinFilter.Slice slice =
          checkins.log(parsed.filter(), cursor, Math.min(CHUNK, maxRows - written));
      for (CheckinView row : slice.items()) {
        out.write(CheckinCsv.record(row));
        written++;
      }
      if (!slice.more() || slice.items().isEmpty()) {
        break;
      }
      CheckinView last = slice.items().get(slice.items().size() - 1);
      cursor = new CheckinFilter.Cursor(last.at(), last.id());
    }
    out.flush();
  }
}
