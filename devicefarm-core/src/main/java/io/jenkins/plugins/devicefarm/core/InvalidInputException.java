package io.jenkins.plugins.devicefarm.core;

/**
 * A value the user typed cannot be used. Thrown before any request is sent, so nothing has
 * been changed on Device Farm. The message names the field and says how to fix it.
 */
public class InvalidInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidInputException(String field, String problem, String fix) {
        super(field + ": " + problem + (fix == null || fix.isEmpty() ? "" : ". " + fix));
        this.field = field;
    }

    /** The name of the field the user has to change, as it appears in the step or form. */
    public String getField() {
        return field;
    }
}
