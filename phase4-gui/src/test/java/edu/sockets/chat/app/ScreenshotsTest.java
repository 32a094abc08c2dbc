package edu.sockets.chat.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

@DisplayName("Screenshots: where the pictures go")
class ScreenshotsTest {

  private final CommandLine cli = ChatApp.commandLine(InputStream.nullInputStream());

  @Test
  @DisplayName("by default into screenshots/ in the current folder, never the course's report")
  void defaultFolderIsItsOwn() {
    assertThat(screenshots().out).isEqualTo(Path.of("screenshots"));
    assertThat(help()).contains("(default: screenshots, in the current folder)");
  }

  @Test
  @DisplayName("--out report/images makes the course's own pictures, and --help says so")
  void courseFolderOnlyWhenAsked() {
    assertThat(screenshots("--out", "report/images").out).isEqualTo(Path.of("report/images"));
    assertThat(help()).contains("The course's own pictures are made with --out report/images.");
  }

  /** {@code screenshots --help}, its lines joined as picocli wrapped them. */
  private String help() {
    return cli.getSubcommands().get("screenshots").getUsageMessage().replaceAll("\\s+", " ");
  }

  private Screenshots screenshots(String... options) {
    String[] args = new String[options.length + 1];
    args[0] = "screenshots";
    System.arraycopy(options, 0, args, 1, options.length);
    return (Screenshots) cli.parseArgs(args).subcommand().commandSpec().userObject();
  }
}
