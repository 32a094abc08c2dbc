package edu.sockets.chat.gui;

import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.FlatLaf;
import com.formdev.flatlaf.FlatLightLaf;
import com.formdev.flatlaf.themes.FlatMacDarkLaf;
import com.formdev.flatlaf.themes.FlatMacLightLaf;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Light or dark, or whatever the system uses: the FlatLaf look and feel to install.
 *
 * <p>Java has no API that says whether the desktop is dark, so {@link #SYSTEM} asks the system the
 * way its own tools do: {@code defaults} on macOS, the registry on Windows, GNOME's settings on
 * Linux. Where none of these answers (KDE, Xfce, no desktop at all), it is light. It asks once, at
 * start; the View menu switches at any time.
 */
enum Theme {
  SYSTEM("Follow the system"),
  LIGHT("Light"),
  DARK("Dark");

  private static final boolean MAC =
      System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("mac");
  private static final boolean WINDOWS =
      System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

  /** The system's answer, asked for once. */
  private static Boolean systemIsDark;

  final String label;

  Theme(String label) {
    this.label = label;
  }

  /** Reads {@code light}, {@code dark} or {@code system}, as {@code --theme} takes them. */
  static Theme of(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }

  /**
   * Whether this theme is dark here; for SYSTEM, asks the system (slow: not on the event thread).
   */
  boolean isDark() {
    return switch (this) {
      case LIGHT -> false;
      case DARK -> true;
      case SYSTEM -> systemIsDark();
    };
  }

  /** Installs this theme's look and feel; call on the event thread, after {@link #isDark()}. */
  void install() {
    boolean dark = isDark();
    if (MAC) {
      FlatLaf.setup(dark ? new FlatMacDarkLaf() : new FlatMacLightLaf());
    } else {
      FlatLaf.setup(dark ? new FlatDarkLaf() : new FlatLightLaf());
    }
  }

  /** Switches every open window to this theme. */
  void apply() {
    install();
    FlatLaf.updateUI();
  }

  static synchronized boolean systemIsDark() {
    if (systemIsDark == null) {
      systemIsDark = askTheSystem();
    }
    return systemIsDark;
  }

  private static boolean askTheSystem() {
    if (MAC) {
      // Prints "Dark" in dark mode; fails (no such key) in light mode.
      return run("defaults", "read", "-g", "AppleInterfaceStyle").contains("Dark");
    }
    if (WINDOWS) {
      String key = "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize";
      return run("reg", "query", key, "/v", "AppsUseLightTheme").contains("0x0");
    }
    String gtkTheme = System.getenv().getOrDefault("GTK_THEME", "");
    return run("gsettings", "get", "org.gnome.desktop.interface", "color-scheme")
            .contains("prefer-dark")
        || run("gsettings", "get", "org.gnome.desktop.interface", "gtk-theme")
            .toLowerCase(Locale.ROOT)
            .contains("dark")
        || gtkTheme.toLowerCase(Locale.ROOT).contains("dark");
  }

  /** What a command printed, or "" if it is missing, fails or takes more than 2 seconds. */
  private static String run(String... command) {
    try {
      Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
      process.getOutputStream().close();
      if (!process.waitFor(2, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return "";
      }
      return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return ""; // no such program here: this system does not say
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }
}
