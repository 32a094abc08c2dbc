package edu.sockets.chat.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.swing.JComponent;
import javax.swing.RepaintManager;
import org.assertj.swing.edt.FailOnThreadViolationRepaintManager;
import org.assertj.swing.exception.EdtViolationException;

/**
 * AssertJ Swing's check that Swing is used only on the event thread, made to fail the test even
 * when the offending thread is not the test's: a session thread that touched a component would
 * throw there, and the test would never hear of it. Every violation is kept, and {@link
 * #assertNone()} fails the test with the first one's stack.
 */
final class ThreadViolations extends FailOnThreadViolationRepaintManager {

  private static final List<EdtViolationException> FOUND = new CopyOnWriteArrayList<>();

  /** Checks every repaint and revalidation from now on. */
  static void installChecker() {
    RepaintManager.setCurrentManager(new ThreadViolations());
  }

  static void assertNone() {
    List<EdtViolationException> found = List.copyOf(FOUND);
    FOUND.clear();
    assertThat(found).as("Swing used off the event thread").isEmpty();
  }

  static List<EdtViolationException> takeAll() {
    List<EdtViolationException> found = List.copyOf(FOUND);
    FOUND.clear();
    return found;
  }

  @Override
  public void addDirtyRegion(JComponent component, int x, int y, int w, int h) {
    try {
      super.addDirtyRegion(component, x, y, w, h);
    } catch (EdtViolationException e) {
      FOUND.add(e);
      throw e;
    }
  }

  @Override
  public void addInvalidComponent(JComponent component) {
    try {
      super.addInvalidComponent(component);
    } catch (EdtViolationException e) {
      FOUND.add(e);
      throw e;
    }
  }
}
