package org.avgym.platform.boundary;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.avgym.platform.control.JsonShape;
import org.avgym.platform.entity.Problem;
import org.avgym.platform.entity.Problem.FieldError;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Every JSON body of every /api resource passes here before JSON-B binds it: at most {@code
 * avgym.api.max-body-bytes} (413 past it), decoded in its declared charset (UTF-8 when none), and
 * of an acceptable shape ({@link JsonShape}; 400 otherwise). The binder then gets the same JSON as
 * UTF-8, the one encoding it reads whatever the request declared. A refused body reaches no
 * resource, so it changes nothing.
 */
@Provider
public class JsonBodyGuard implements ReaderInterceptor {

  private static final Logger LOG = Logger.getLogger(JsonBodyGuard.class.getName());

  private final int maxBytes;
  private final int maxDepth;
  private final int maxDigits;

  public JsonBodyGuard() {
    Config config = ConfigProvider.getConfig();
    maxBytes = config.getValue("avgym.api.max-body-bytes", Integer.class);
    maxDepth = config.getValue("avgym.api.max-json-depth", Integer.class);
    maxDigits = config.getValue("avgym.api.max-number-digits", Integer.class);
  }

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    MediaType type = context.getMediaType();
    if (type == null || !isJson(type)) {
      return context.proceed(); // images have their own limit (avgym.members.photo.max-bytes)
    }
    String length = context.getHeaders().getFirst(HttpHeaders.CONTENT_LENGTH);
    if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > maxBytes) {
      throw tooLarge();
    }
    byte[] bytes = context.getInputStream().readNBytes(maxBytes + 1);
    if (bytes.length > maxBytes) {
      throw tooLarge();
    }
    if (bytes.length > 0) {
      String json = decode(bytes, type);
      Optional<String> refusal = JsonShape.refusal(json, maxDepth, maxDigits);
      if (refusal.isPresent()) {
        LOG.log(Level.FINE, "Refused a JSON body: {0}", refusal.get());
        throw refused("The request body is " + refusal.get());
      }
      bytes = json.getBytes(StandardCharsets.UTF_8);
      context.setMediaType(type.withCharset(StandardCharsets.UTF_8.name()));
    }
    context.setInputStream(new ByteArrayInputStream(bytes));
    return context.proceed();
  }

  private static boolean isJson(MediaType type) {
    return type.getSubtype().equalsIgnoreCase("json")
        || type.getSubtype().toLowerCase().endsWith("+json");
  }

  /** The body as text in its declared charset, strictly, without a leading byte order mark. */
  private static String decode(byte[] bytes, MediaType type) {
    String declared = type.getParameters().get(MediaType.CHARSET_PARAMETER);
    Charset charset;
    try {
      charset = declared == null ? StandardCharsets.UTF_8 : Charset.forName(declared);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw refused("The request body declares an unknown charset");
    }
    try {
      String text =
          charset
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw refused("The request body is not valid " + charset.name());
    }
  }

  private WebApplicationException tooLarge() {
    return new WebApplicationException(
        Problems.response(
            413, "Content Too Large", "The request body is larger than " + maxBytes + " bytes"));
  }

  private static WebApplicationException refused(String detail) {
    return new WebApplicationException(
        Problems.response(Problem.validation(detail, List.of(new FieldError("body", detail)))));
  }
}
