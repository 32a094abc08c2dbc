package edu.sockets.hello.grading;

import edu.sockets.grading.GradeCommand;
import edu.sockets.grading.Rubric;
import picocli.CommandLine.Command;

/** {@code grade}: Phase 1's rubric against a server in any language. */
@Command(
    name = "grade",
    mixinStandardHelpOptions = true,
    description = {
      "Grade a Phase 1 server, in any language, against chapter 1's rubric.",
      "The server exits after each client, so run it in a loop: between checks, grade waits up"
          + " to 5 s for it to listen again."
    })
public final class HelloGrade extends GradeCommand {

  @Override
  protected Rubric rubric() {
    return HelloRubric.rubric();
  }
}
