package org.avgym.platform.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.CharArrayWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.avgym.platform.control.PrometheusText;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Payara serves {@code /metrics} from a servlet inside the web module at the root context, so this
 * filter sees its answers: it puts the application's timer quantiles in seconds and adds the HELP
 * lines Payara 6 leaves out ({@link PrometheusText}). Only a successful Prometheus text answer is
 * touched; JSON, errors and everything else pass through as Payara wrote them.
 */
@WebFilter(urlPatterns = {"/metrics", "/metrics/*"})
public class PrometheusCorrection extends HttpFilter {

  private static final String SECONDS = "_seconds";

  @Inject MetricRegistry registry;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!"GET".equals(request.getMethod())) {
      chain.doFilter(request, response);
      return;
    }
    Captured captured = new Captured(response);
    chain.doFilter(request, captured);
    captured.finish(text -> PrometheusText.corrected(text, timerFamilies()));
  }

  /** The Prometheus names of the application's timers: {@code name_seconds}. */
  private Set<String> timerFamilies() {
    return registry.getTimers().keySet().stream()
        .map(MetricID::getName)
        .map(name -> name.endsWith(SECONDS) ? name : name + SECONDS)
        .collect(Collectors.toSet());
  }

  /** Holds what the metrics servlet writes until it is complete. */
  private static final class Captured extends HttpServletResponseWrapper {

    private final HttpServletResponse real;
    private final CharArrayWriter chars = new CharArrayWriter(64 * 1024);
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private PrintWriter writer;
    private ServletOutputStream stream;

    Captured(HttpServletResponse real) {
      super(real);
      this.real = real;
    }

    @Override
    public PrintWriter getWriter() {
      if (writer == null) {
        writer = new PrintWriter(chars);
      }
      return writer;
    }

    @Override
    public ServletOutputStream getOutputStream() {
      if (stream == null) {
        stream =
            new ServletOutputStream() {
              @Override
              public void write(int b) {
                bytes.write(b);
              }

              @Override
              public void write(byte[] b, int off, int len) {
                bytes.write(b, off, len);
              }

              @Override
              public boolean isReady() {
                return true;
              }

              @Override
              public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException("the metrics answer is written at once");
              }
            };
      }
      return stream;
    }

    // The length is that of the completed text, set in finish().
    @Override
    public void setContentLength(int length) {}

    @Override
    public void setContentLengthLong(long length) {}

    @Override
    public void flushBuffer() {}

    @Override
    public void resetBuffer() {
      chars.reset();
      bytes.reset();
    }

    @Override
    public void reset() {
      resetBuffer();
      super.reset();
    }

    void finish(UnaryOperator<String> correction) throws IOException {
      if (writer != null) {
        writer.flush();
      }
      if (real.isCommitted() && chars.size() == 0 && bytes.size() == 0) {
        return; // an error page was sent directly
      }
      Charset charset = charset();
      String text = chars.size() > 0 ? chars.toString() : new String(bytes.toByteArray(), charset);
      String type = String.valueOf(real.getContentType());
      if (real.getStatus() == HttpServletResponse.SC_OK && type.startsWith("text/plain")) {
        text = correction.apply(text);
      }
      byte[] body = text.getBytes(charset);
      real.setContentLength(body.length);
      real.getOutputStream().write(body);
      real.getOutputStream().flush();
    }

    private Charset charset() {
      try {
        String name = real.getCharacterEncoding();
        return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
      } catch (IllegalArgumentException unknown) {
        return StandardCharsets.UTF_8;
      }
    }
  }
}
