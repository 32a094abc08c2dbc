package edu.sockets.chat.client;

import edu.sockets.chat.protocol.Names;

/**
 * Which colour of a palette a name gets: the same for {@code bob} and {@code Bob}, in every run, on
 * every machine and in every client (the terminal's ANSI colours, the window's RGB ones).
 */
public final class NameColour {

  private NameColour() {}

  /** The index, from 0 to {@code paletteSize - 1}, of {@code name}'s colour. */
  public static int index(String name, int paletteSize) {
    // String.hashCode is specified by the JDK, so this is stable across runs and machines.
    return Math.floorMod(Names.key(name).hashCode(), paletteSize);
  }
}
