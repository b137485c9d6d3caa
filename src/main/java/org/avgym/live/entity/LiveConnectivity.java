package org.avgym.live.entity;

import java.io.Serializable;
import java.time.Duration;

/**
 * A live session opened ({@code connected}) or closed. {@code who} is the staff user name or the
 * device code, never a credential. For a close: the WebSocket close code and reason, how long the
 * session lasted, and whether it ended abnormally: anything but a normal close (1000) or a client
 * going away (1001), or a 1001 the server sent because the client stopped answering pings.
 */
public record LiveConnectivity(
    String who,
    String sessionId,
    boolean connected,
    int closeCode,
    String closeReason,
    Duration duration,
    boolean abnormal)
    implements Serializable {

  public static final int NORMAL_CLOSURE = 1000;
  public static final int GOING_AWAY = 1001;

  public static LiveConnectivity opened(String who, String sessionId) {
    return new LiveConnectivity(who, sessionId, true, 0, "", Duration.ZERO, false);
  }

  /** A close; {@code silent} when the server closed the session for missing heartbeats. */
  public static LiveConnectivity closed(
      String who, String sessionId, int code, String reason, Duration duration, boolean silent) {
    boolean normal = code == NORMAL_CLOSURE || (code == GOING_AWAY && !silent);
    return new LiveConnectivity(
        who, sessionId, false, code, reason == null ? "" : reason, duration, !normal);
  }
}
