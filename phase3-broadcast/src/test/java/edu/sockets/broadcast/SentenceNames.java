package edu.sockets.broadcast;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayNameGenerator;

/** Names each test by its method name read as a sentence, for the test report a grader reads. */
public final class SentenceNames extends DisplayNameGenerator.Standard {

  @Override
  public String generateDisplayNameForMethod(
      List<Class<?>> enclosingInstanceTypes, Class<?> testClass, Method testMethod) {
    return testMethod.getName().replaceAll("([A-Z])", " $1").toLowerCase(Locale.ROOT);
  }
}
