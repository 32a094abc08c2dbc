package edu.sockets.chat.grading;

import edu.sockets.grading.GradeCommand;
import edu.sockets.grading.Rubric;
import picocli.CommandLine.Command;

/** {@code grade}: Phase 4's rubric against a chat server in any language. */
@Command(
    name = "grade",
    mixinStandardHelpOptions = true,
    description = {
      "Grade a Phase 4 chat server, in any language, against PROTOCOL.md, version 1.",
      "Each check connects users of its own, with names ending in _ and 4 random characters,"
          + " so the server may already have users; the grade takes well under a minute."
    })
public final class ChatGrade extends GradeCommand {

  @Override
  protected Rubric rubric() {
    return ChatRubric.rubric();
  }
}
