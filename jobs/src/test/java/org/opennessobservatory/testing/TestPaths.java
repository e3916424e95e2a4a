package org.opennessobservatory.testing;

import java.nio.file.Path;

/** Places the tests read from: the checkout (set by surefire) and the shared real data beside it. */
public final class TestPaths {
  private TestPaths() {}

  public static Path repo() {
    return Path.of(System.getProperty("observatory.repo", "..")).toAbsolutePath().normalize();
  }

  public static Path samples() {
    return repo().resolve("data-samples/corpus");
  }

  public static Path netmundial() {
    return repo().resolve("../shared/data/netmundial-2014/contributions").normalize();
  }
}
