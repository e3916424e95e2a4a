package org.opennessobservatory.cli;

/** An error the user can fix; printed as one line, without a stack trace. */
public class UserException extends RuntimeException {
  public UserException(String message) {
    super(message);
  }
}
