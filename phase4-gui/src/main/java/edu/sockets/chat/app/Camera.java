package edu.sockets.chat.app;

import edu.sockets.chat.gui.ChatGui;
import java.awt.Window;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/** Writes pictures of windows into one folder, and says each one it wrote. */
record Camera(Path folder, PrintWriter log) {

  /** One PNG named {@code name} of {@code windows}, side by side. */
  void shoot(String name, Window... windows) throws IOException {
    Path file = folder.resolve(name);
    ChatGui.capture(file, windows);
    log.println("wrote " + file);
    log.flush();
  }
}
