package edu.sockets.multiclient.grading;

import edu.sockets.grading.GradeCommand;
import edu.sockets.grading.Rubric;
import picocli.CommandLine.Command;

/** {@code grade}: Phase 2's rubric against a server in any language. */
@Command(
    name = "grade",
    mixinStandardHelpOptions = true,
    description = {
      "Grade a Phase 2 server, in any language, against chapter 2's rubric.",
      "The server must keep running between clients and serve many of them at once."
    })
public final class MultiClientGrade extends GradeCommand {

  @Override
  protected Rubric rubric() {
    return MultiClientRubric.rubric();
  }
}
