package io.jenkins.plugins.devicefarm.core.watch;

/**
 * Device Farm refused a call for a reason retrying will not fix (unknown ARN, bad argument,
 * refused credentials, limits). The message says what happened and what to change;
 * {@link #getErrorCode()} is Device Farm's code, e.g. NotFoundException.
 */
public class DeviceFarmCallException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String errorCode;

    public DeviceFarmCallException(String message, String errorCode, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
    }

    public String getErrorCode() {
        return errorCode;
    }
}
