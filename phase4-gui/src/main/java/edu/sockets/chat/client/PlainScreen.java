package edu.sockets.chat.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The fallback when standard input is not a terminal (a pipe, a file, a test): plain lines in,
 * plain lines out, no colour, and no prompt, which would only clutter a transcript.
 */
final class PlainScreen implements Screen {

  private final BufferedReader in;
  private final PrintWriter out;

  PlainScreen(InputStream in, PrintWriter out) {
    this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    this.out = out;
  }

  @Override
  public String readLine(String prompt) throws IOException {
    return in.readLine();
  }

  @Override
  public void print(String line) {
    synchronized (out) {
      out.println(line);
      out.flush();
    }
  }

  @Override
  public boolean colour() {
    return false;
  }

  @Override
  public boolean isTerminal() {
    return false;
  }

  @Override
  public void close() {
    out.flush();
  }
}
