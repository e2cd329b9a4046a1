package io.jenkins.plugins.devicefarm.core.watch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Adds {@code configuration.parameters} (e.g. {@code "appium:version": "2"}) to a
 * CreateRemoteAccessSession body. Device Farm reads the Appium server version from it, but the
 * SDK model we build on (2.40.2) has no member for it yet, so the member is written into the JSON
 * the SDK produced, before signing. Keys and values are validated by SessionRequest (letters,
 * digits, colons), so they need no JSON escaping beyond quotes.
 */
final class ConfigurationParameters implements ExecutionInterceptor {
    private static final String CONFIGURATION = "\"configuration\":{";

    private final Map<String, String> parameters;

    ConfigurationParameters(Map<String, String> parameters) {
        this.parameters = new TreeMap<>(parameters);
    }

    /** One attempt (as {@link DeviceFarmCalls#SINGLE_ATTEMPT}) carrying the parameters. */
    static AwsRequestOverrideConfiguration singleAttemptWith(Map<String, String> parameters) {
        ConfigurationParameters interceptor = new ConfigurationParameters(parameters);
        return AwsRequestOverrideConfiguration.builder()
                .addPlugin(config -> config.overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .addExecutionInterceptor(interceptor)))
                .build();
    }

    /** The body with the parameters added to its configuration (created if absent). */
    String withParameters(String json) {
        StringBuilder members = new StringBuilder("\"parameters\":{");
        parameters.forEach((k, v) -> members.append('"').append(k).append("\":\"").append(v).append("\","));
        members.setLength(members.length() - 1);
        members.append('}');
        int at = json.indexOf(CONFIGURATION);
        if (at >= 0) {
            int after = at + CONFIGURATION.length();
            boolean empty = json.startsWith("}", after);
            return json.substring(0, after) + members + (empty ? "" : ",") + json.substring(after);
        }
        int open = json.indexOf('{');
        boolean empty = json.substring(open + 1).strip().startsWith("}");
        return json.substring(0, open + 1) + "\"configuration\":{" + members + "}" + (empty ? "" : ",") + json.substring(open + 1);
    }

    private Optional<String> rewritten(Optional<RequestBody> body) {
        if (body.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = body.get().contentStreamProvider().newStream()) {
            return Optional.of(withParameters(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        return rewritten(context.requestBody())
                .map(json -> context.httpRequest().toBuilder()
                        .putHeader("Content-Length", Integer.toString(json.getBytes(StandardCharsets.UTF_8).length)).build())
                .orElse(context.httpRequest());
    }

    @Override
    public Optional<RequestBody> modifyHttpContent(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        Optional<String> json = rewritten(context.requestBody());
        return json.isPresent() ? json.map(j -> RequestBody.fromString(j, StandardCharsets.UTF_8)) : context.requestBody();
    }
}
