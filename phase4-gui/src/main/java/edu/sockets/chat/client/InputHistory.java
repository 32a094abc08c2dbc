package edu.sockets.chat.client;

import java.util.ArrayList;
import java.util.List;

/**
 * What the user typed before, for the Up and Down keys, as in a shell: Up shows older lines, Down
 * newer ones and finally the line that was being typed when Up was first pressed (the draft).
 */
public final class InputHistory {

  /** Enough for a session; the oldest lines go first. */
  static final int MAX_LINES = 200;

  private final List<String> lines = new ArrayList<>();

  /** Where Up and Down are: {@code lines.size()} means "at the draft", below the newest line. */
  private int position;

  private String draft = "";

  /** Remembers a line that was sent, and goes back to the bottom. Repeats are kept once. */
  public void add(String line) {
    if (!line.isBlank() && (lines.isEmpty() || !lines.getLast().equals(line))) {
      lines.add(line);
      if (lines.size() > MAX_LINES) {
        lines.removeFirst();
      }
    }
    position = lines.size();
    draft = "";
  }

  /**
   * Up: the line before the one shown, or the oldest line again at the top.
   *
   * @param shown what the input field holds now; kept as the draft when leaving the bottom
   */
  public String previous(String shown) {
    if (position == lines.size()) {
      draft = shown;
    }
    if (position > 0) {
      position--;
    }
    return lines.isEmpty() ? shown : lines.get(position);
  }

  /** Down: the line after the one shown, or the draft at the bottom. */
  public String next() {
    if (position < lines.size()) {
      position++;
    }
    return position == lines.size() ? draft : lines.get(position);
  }
}
