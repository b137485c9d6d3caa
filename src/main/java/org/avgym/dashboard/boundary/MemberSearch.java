package org.avgym.dashboard.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.avgym.members.boundary.Members;
import org.avgym.members.entity.MemberView;
import org.avgym.platform.control.Fields;

/**
 * Member quick search by name, email or exact credential value. View scoped so that paging and
 * sorting the results does not search again.
 */
@Named
@ViewScoped
public class MemberSearch implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Enough for a desk to scan by eye; a narrower search finds the rest. */
  static final int LIMIT = 200;

  @Inject Members members;

  private String text;
  private List<MemberView> results;
  private long total;

  /** Runs the search given in the page's {@code q} parameter once, when the page opens. */
  public void open() {
    if (results == null && text != null && !text.isBlank()) {
      search();
    }
  }

  public void search() {
    var page = members.search(text, new Fields.Paging(0, LIMIT));
    total = page.total();
    results = page.items().stream().map(MemberView::of).toList();
  }

  public boolean isSearched() {
    return results != null;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }

  public List<MemberView> getResults() {
    return results == null ? List.of() : results;
  }

  public long getTotal() {
    return total;
  }

  public boolean isTruncated() {
    return total > getResults().size();
  }
}
