package org.avgym.platform.control;

/**
 * The size limit of incoming WebSocket messages (PROTOCOL.md §1 and §2), in bytes of UTF-8.
 *
 * <p>Two layers hold it. The container holds at most {@link #CONTAINER_FRAME_BUFFER} bytes read
 * from one connection and not yet handled (web.xml's {@code
 * org.glassfish.tyrus.servlet.incoming-buffer-size}; Tyrus' default is 4 MiB): a larger frame is
 * cut off while it arrives, before or after authentication, on every endpoint; Tyrus closes the
 * connection with 1011 "Buffer overflow." and reports it to the endpoint's {@code @OnError} as an
 * {@link IllegalArgumentException}, where an endpoint still open closes with 1009. A frame within
 * that buffer but over the endpoint's own limit is refused by {@link #over} before it is parsed; a
 * fragmented message is refused by the session's message buffer size as it grows.
 */
public final class FrameLimits {

  /**
   * The container's buffer of bytes read from one connection and not yet handled. Tyrus reads all
   * that has arrived before handling any of it, so a burst of small frames counts as a whole: at 32
   * KiB a peer that pipelined 2,000 deliveries of 70 bytes was closed with 1011. 256 KiB bounds
   * what one connection can make the server hold while leaving room for bursts of a thousand
   * messages.
   */
  public static final int CONTAINER_FRAME_BUFFER = 256 * 1024;

  /** WebSocket close code 1009: the message is too big to process. */
  public static final int TOO_BIG = 1009;

  public static final String TOO_BIG_REASON = "message too big";

  private FrameLimits() {}

  /** True when {@code text} takes more than {@code maxBytes} bytes in UTF-8. */
  public static boolean over(String text, int maxBytes) {
    int chars = text.length();
    if (chars > maxBytes) {
      return true; // every char is at least one byte
    }
    if ((long) chars * 3 <= maxBytes) {
      return false; // a UTF-16 char is at most three bytes of UTF-8
    }
    long bytes = 0;
    for (int i = 0; i < chars; i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes++;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < chars
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
      if (bytes > maxBytes) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when an error that the container reported to an endpoint is its frame buffer overflowing
   * ({@link #CONTAINER_FRAME_BUFFER}): the frame was too big, and the session ends with 1009.
   */
  public static boolean overflowed(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof IllegalArgumentException
          && t.getMessage() != null
          && t.getMessage().startsWith("Buffer overflow")) {
        return true;
      }
    }
    return false;
  }
}
