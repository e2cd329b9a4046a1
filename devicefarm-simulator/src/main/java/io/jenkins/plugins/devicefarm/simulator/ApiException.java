package io.jenkins.plugins.devicefarm.simulator;

/** An error the way Device Farm reports it: an error code (the SDK's exception name) and an HTTP status. */
final class ApiException extends RuntimeException {
    private final String code;
    private final int status;

    ApiException(String code, int status, String message) {
        super(message, null, false, false);
        this.code = code;
        this.status = status;
    }

    static ApiException argument(String message) {
        return new ApiException("ArgumentException", 400, message);
    }

    static ApiException notFound(String message) {
        return new ApiException("NotFoundException", 400, message);
    }

    static ApiException limitExceeded(String message) {
        return new ApiException("LimitExceededException", 400, message);
    }

    /** SDK v2 classifies this code as throttling (retried with throttling back-off). */
    static ApiException throttling() {
        return new ApiException("ThrottlingException", 400, "Rate exceeded");
    }

    static ApiException internal(String message) {
        return new ApiException("InternalServiceException", 500, message);
    }

    String code() {
        return code;
    }

    int status() {
        return status;
    }
}
