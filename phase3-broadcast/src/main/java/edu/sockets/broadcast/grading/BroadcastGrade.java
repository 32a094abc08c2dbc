package edu.sockets.broadcast.grading;

import edu.sockets.grading.GradeCommand;
import edu.sockets.grading.Rubric;
import picocli.CommandLine.Command;

/** {@code grade}: Phase 3's rubric against a broadcast server in any language. */
@Command(
    name = "grade",
    mixinStandardHelpOptions = true,
    description = {
      "Grade a Phase 3 broadcast server, in any language, against chapter 3's rubric.",
      "The checks connect many clients at once, one of which stops reading: run the server alone,"
          + " not one that others are using."
    })
public final class BroadcastGrade extends GradeCommand {

  @Override
  protected Rubric rubric() {
    return BroadcastRubric.rubric();
  }
}
