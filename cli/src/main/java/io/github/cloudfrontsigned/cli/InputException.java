package io.github.cloudfrontsigned.cli;

/** A bad input the user can fix: the message says which option or file and how. Exit status {@value Main#USAGE}. */
final class InputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    InputException(String message) {
        super(message);
    }
}
