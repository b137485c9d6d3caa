package org.avgym.it;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A WebSocket client on a bare socket, for what well-behaved clients never send: one frame of any
 * size, fragments, any opcode, payloads that are not UTF-8. Frames the server sends arrive in a
 * queue read by a daemon thread, so a close is seen while a large frame is still being written.
 */
public final class RawWebSocket implements AutoCloseable {

  public static final int CONTINUATION = 0;
  public static final int TEXT = 1;
  public static final int BINARY = 2;
  public static final int CLOSE = 8;
  public static final int PING = 9;
  public static final int PONG = 10;

  /** A frame from the server; for a close, {@code code} is its status (-1 for none or EOF). */
  public record Frame(int opcode, byte[] payload, int code) {
    public String text() {
      return new String(payload, StandardCharsets.UTF_8);
    }

    public boolean isClose() {
      return opcode == CLOSE;
    }
  }

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Frame EOF = new Frame(CLOSE, new byte[0], -1);

  private final Socket socket;
  private final OutputStream out;
  private final String status;
  private final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
  private volatile boolean writeFailed;

  private RawWebSocket(URI uri, Map<String, String> headers, int receiveBuffer, boolean reading) {
    try {
      socket = new Socket();
      if (receiveBuffer > 0) {
        socket.setReceiveBufferSize(receiveBuffer);
      }
      socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 10_000);
      socket.setSoTimeout(10_000); // for the handshake's answer
      out = socket.getOutputStream();
      byte[] nonce = new byte[16];
      RANDOM.nextBytes(nonce);
      String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
      StringBuilder request =
          new StringBuilder()
              .append("GET ")
              .append(path)
              .append(" HTTP/1.1\r\nHost: ")
              .append(uri.getHost())
              .append(':')
              .append(uri.getPort())
              .append("\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ")
              .append(Base64.getEncoder().encodeToString(nonce))
              .append("\r\nSec-WebSocket-Version: 13\r\n");
      headers.forEach((k, v) -> request.append(k).append(": ").append(v).append("\r\n"));
      out.write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      String response = readHeaders(in);
      status = response.lines().findFirst().orElse("");
      socket.setSoTimeout(0);
      if (upgraded() && reading) {
        Thread reader = new Thread(() -> read(new DataInputStream(in)), "raw-ws-reader");
        reader.setDaemon(true);
        reader.start();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Opens a connection; check {@link #upgraded()} before sending frames. */
  public static RawWebSocket open(URI uri, Map<String, String> headers) {
    return new RawWebSocket(uri, headers, 0, true);
  }

  /**
   * A client that never reads after the handshake, with a small receive buffer: what the server
   * sends piles up in the server's buffers, as for a dashboard whose reader hangs.
   */
  public static RawWebSocket neverReading(URI uri, Map<String, String> headers) {
    return new RawWebSocket(uri, headers, 2048, false);
  }

  /** The status line of the handshake's answer, e.g. {@code HTTP/1.1 101 …}. */
  public String status() {
    return status;
  }

  public boolean upgraded() {
    return status.startsWith("HTTP/1.1 101");
  }

  public void sendText(String text) {
    send(true, TEXT, text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Sends one masked frame. A write the server cut off (it closed the connection) is remembered,
   * not thrown: {@link #writeFailed()}.
   */
  public void send(boolean fin, int opcode, byte[] payload) {
    try {
      synchronized (out) {
        out.write(header(fin, opcode, payload.length));
        byte[] mask = new byte[4];
        RANDOM.nextBytes(mask);
        out.write(mask);
        byte[] masked = new byte[Math.min(payload.length, 64 * 1024)];
        for (int offset = 0; offset < payload.length; offset += masked.length) {
          int n = Math.min(masked.length, payload.length - offset);
          for (int i = 0; i < n; i++) {
            masked[i] = (byte) (payload[offset + i] ^ mask[(offset + i) & 3]);
          }
          out.write(masked, 0, n);
        }
        out.flush();
      }
    } catch (IOException e) {
      writeFailed = true;
    }
  }

  /** Bytes exactly as given, no framing: a broken frame, or half of one. */
  public void sendBytes(byte[] bytes) {
    try {
      synchronized (out) {
        out.write(bytes);
        out.flush();
      }
    } catch (IOException e) {
      writeFailed = true;
    }
  }

  public boolean writeFailed() {
    return writeFailed;
  }

  /** The next frame from the server (pings included), or null when none came in time. */
  public Frame next(Duration timeout) {
    try {
      return frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** The next text frame, skipping pings; null when none came in time or the session closed. */
  public String nextText(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      Frame frame = left <= 0 ? null : next(Duration.ofNanos(left));
      if (frame == null || frame.isClose()) {
        if (frame != null) {
          frames.add(frame); // keep the close for awaitClose
        }
        return null;
      }
      if (frame.opcode() == TEXT) {
        return frame.text();
      }
    }
  }

  /** The close code the server sent (-1 when the connection ended without one). */
  public int awaitClose(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("not closed within " + timeout);
      }
      Frame frame = next(Duration.ofNanos(left));
      if (frame != null && frame.isClose()) {
        return frame.code();
      }
    }
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // already gone
    }
  }

  private void read(DataInputStream in) {
    try {
      while (true) {
        int b0 = in.readUnsignedByte();
        int b1 = in.readUnsignedByte();
        long length = b1 & 0x7f;
        if (length == 126) {
          length = in.readUnsignedShort();
        } else if (length == 127) {
          length = in.readLong();
        }
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        int opcode = b0 & 0x0f;
        int code =
            opcode == CLOSE && payload.length >= 2
                ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff)
                : -1;
        frames.add(new Frame(opcode, payload, code));
        if (opcode == CLOSE) {
          return;
        }
      }
    } catch (EOFException e) {
      frames.add(EOF);
    } catch (IOException e) {
      frames.add(EOF);
    }
  }

  private static byte[] header(boolean fin, int opcode, int length) {
    int first = (fin ? 0x80 : 0) | opcode;
    if (length < 126) {
      return new byte[] {(byte) first, (byte) (0x80 | length)};
    }
    if (length < 65536) {
      return new byte[] {(byte) first, (byte) (0x80 | 126), (byte) (length >> 8), (byte) length};
    }
    byte[] header = new byte[10];
    header[0] = (byte) first;
    header[1] = (byte) (0x80 | 127);
    for (int i = 0; i < 8; i++) {
      header[9 - i] = (byte) (((long) length) >> (8 * i));
    }
    return header;
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
}
