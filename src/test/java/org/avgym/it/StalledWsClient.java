package org.avgym.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * A WebSocket client that subscribes and then never reads again, with a tiny receive buffer: the
 * "stalled dashboard" whose server-side backlog grows until the server gives up on it.
 */
public final class StalledWsClient implements AutoCloseable {

  private final Socket socket;

  public StalledWsClient(URI uri, Map<String, String> headers, String firstFrame) {
    try {
      socket = new Socket();
      socket.setReceiveBufferSize(2048);
      socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 10_000);
      socket.setSoTimeout(10_000);
      byte[] nonce = new byte[16];
      new SecureRandom().nextBytes(nonce);
      StringBuilder request =
          new StringBuilder()
              .append("GET ")
              .append(uri.getRawPath())
              .append(" HTTP/1.1\r\n")
              .append("Host: ")
              .append(uri.getHost())
              .append(':')
              .append(uri.getPort())
              .append("\r\n")
              .append("Upgrade: websocket\r\nConnection: Upgrade\r\n")
              .append("Sec-WebSocket-Key: ")
              .append(Base64.getEncoder().encodeToString(nonce))
              .append("\r\n")
              .append("Sec-WebSocket-Version: 13\r\n");
      headers.forEach((k, v) -> request.append(k).append(": ").append(v).append("\r\n"));
      request.append("\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String response = readHeaders(socket.getInputStream());
      if (!response.startsWith("HTTP/1.1 101")) {
        throw new IllegalStateException(
            "upgrade refused: " + response.lines().findFirst().orElse(""));
      }
      out.write(maskedText(firstFrame));
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String readHeaders(InputStream in) throws IOException {
    ByteArrayOutputStream headers = new ByteArrayOutputStream();
    int matched = 0;
    int b;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < 4 && (b = in.read()) >= 0) {
      headers.write(b);
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return headers.toString(StandardCharsets.US_ASCII);
  }

  private static byte[] maskedText(String text) {
    byte[] payload = text.getBytes(StandardCharsets.UTF_8);
    if (payload.length > 125) {
      throw new IllegalArgumentException("keep the first frame short");
    }
    byte[] mask = new byte[4];
    new SecureRandom().nextBytes(mask);
    byte[] frame = new byte[2 + 4 + payload.length];
    frame[0] = (byte) 0x81;
    frame[1] = (byte) (0x80 | payload.length);
    System.arraycopy(mask, 0, frame, 2, 4);
    for (int i = 0; i < payload.length; i++) {
      frame[6 + i] = (byte) (payload[i] ^ mask[i % 4]);
    }
    return frame;
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // best effort
    }
  }
}
