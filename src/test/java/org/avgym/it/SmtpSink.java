package org.avgym.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The smallest SMTP server that takes mail, on loopback: it answers every command as a relay that
 * accepts everything would, and keeps each message (envelope recipients and the raw data).
 */
public final class SmtpSink implements AutoCloseable {

  /** One message as received. */
  public record Mail(List<String> recipients, String data) {}

  private final ServerSocket socket;
  private final List<Mail> mails = new CopyOnWriteArrayList<>();
  private final Thread acceptor;

  private SmtpSink(ServerSocket socket) {
    this.socket = socket;
    this.acceptor = new Thread(this::accept, "smtp-sink");
    this.acceptor.setDaemon(true);
    this.acceptor.start();
  }

  public static SmtpSink start(int port) {
    try {
      return new SmtpSink(new ServerSocket(port, 10, InetAddress.getLoopbackAddress()));
    } catch (IOException e) {
      throw new UncheckedIOException("could not listen for SMTP on 127.0.0.1:" + port, e);
    }
  }

  private void accept() {
    while (!socket.isClosed()) {
      try (Socket client = socket.accept()) {
        client.setSoTimeout(10_000);
        converse(client);
      } catch (IOException e) {
        // closed, or one conversation broke off: take the next
      }
    }
  }

  private void converse(Socket client) throws IOException {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
    Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.UTF_8);
    say(out, "220 localhost SMTP sink");
    List<String> recipients = new ArrayList<>();
    String line;
    while ((line = in.readLine()) != null) {
      String command = line.toUpperCase(Locale.ROOT);
      if (command.startsWith("EHLO") || command.startsWith("HELO")) {
        say(out, "250 localhost");
      } else if (command.startsWith("RCPT TO:")) {
        recipients.add(line.substring("RCPT TO:".length()).trim());
        say(out, "250 OK");
      } else if (command.equals("DATA")) {
        say(out, "354 End data with <CR><LF>.<CR><LF>");
        StringBuilder data = new StringBuilder();
        String dataLine;
        while ((dataLine = in.readLine()) != null && !dataLine.equals(".")) {
          data.append(dataLine.startsWith("..") ? dataLine.substring(1) : dataLine).append('\n');
        }
        mails.add(new Mail(List.copyOf(recipients), data.toString()));
        recipients.clear();
        say(out, "250 OK");
      } else if (command.equals("QUIT")) {
        say(out, "221 Bye");
        return;
      } else {
        say(out, "250 OK"); // MAIL FROM, RSET, NOOP
      }
    }
  }

  private static void say(Writer out, String reply) throws IOException {
    out.write(reply + "\r\n");
    out.flush();
  }

  /** Waits for at least {@code count} messages; all received so far. */
  public List<Mail> await(int count, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    while (mails.size() < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("expected " + count + " mails, got " + mails.size());
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    return List.copyOf(mails);
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
