package io.jenkins.plugins.devicefarm.core.client;

import io.jenkins.plugins.devicefarm.core.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.apache.ProxyConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.devicefarm.DeviceFarmClient;

/** Builds the SDK v2 Device Farm client from {@link ClientSettings}, validating them first. */
public final class DeviceFarmClientFactory {
    private DeviceFarmClientFactory() {}

    /**
     * Validates the settings and builds a client. Throws {@link InvalidInputException} naming
     * the field before anything is built.
     */
    public static DeviceFarmClient create(ClientSettings s) {
        URI endpoint = endpoint(s.endpointOverride());
        Region region = region(s.region(), endpoint != null);
        if (s.credentials() == null) {
            throw new InvalidInputException("credentialsId", "no AWS credentials were given",
                    "Select AWS credentials on the step or as the default credentials");
        }
        positive("connectTimeout", s.connectTimeout());
        positive("readTimeout", s.readTimeout());
        if (s.maxAttempts() < 1 || s.maxAttempts() > 20) {
            throw new InvalidInputException("maxAttempts", "must be between 1 and 20, was " + s.maxAttempts(), null);
        }

        ApacheHttpClient.Builder http = ApacheHttpClient.builder()
                .connectionTimeout(s.connectTimeout())
                .socketTimeout(s.readTimeout())
                .proxyConfiguration(proxy(s.proxy()));

        var builder = DeviceFarmClient.builder()
                .region(region)
                .credentialsProvider(s.credentials())
                .httpClientBuilder(http)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(retryStrategy(s.maxAttempts()))
                        .putAdvancedOption(SdkAdvancedClientOption.USER_AGENT_SUFFIX, s.userAgentSuffix())
                        .build());
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder.build();
    }

    /**
     * Standard retries with jittered exponential backoff; throttled calls wait longer
     * before the next attempt than other retryable failures.
     */
    static software.amazon.awssdk.retries.api.RetryStrategy retryStrategy(int maxAttempts) {
        return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(maxAttempts)
                .backoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(100), Duration.ofSeconds(5)))
                .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(500), Duration.ofSeconds(20)))
                .build();
    }

    /** Device Farm has one region; another is only allowed with an endpoint override (e.g. a simulator). */
    public static Region region(String name, boolean endpointOverridden) {
        String r = name == null || name.isBlank() ? ClientSettings.DEFAULT_REGION : name.strip().toLowerCase(Locale.ROOT);
        if (!r.matches("[a-z]{2}(-[a-z]+)+-\\d")) {
            throw new InvalidInputException("region", "'" + shorten(r) + "' is not an AWS region name",
                    "Use " + ClientSettings.DEFAULT_REGION + ", the only region that serves Device Farm");
        }
        if (!r.equals(ClientSettings.DEFAULT_REGION) && !endpointOverridden) {
            throw new InvalidInputException("region", "Device Farm is not offered in " + r,
                    "Use " + ClientSettings.DEFAULT_REGION + ", the only region that serves Device Farm");
        }
        return Region.of(r);
    }

    /** Null when blank; otherwise an absolute http(s) URL. */
    public static URI endpoint(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(value.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new URISyntaxException(value, "not an absolute http or https URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new InvalidInputException("endpointOverride", "'" + shorten(value) + "' is not an http(s) URL",
                    "Leave it empty for AWS, or enter a URL like http://127.0.0.1:8787 for the simulator");
        }
    }

    private static ProxyConfiguration proxy(ProxySettings p) {
        ProxyConfiguration.Builder b = ProxyConfiguration.builder()
                .useSystemPropertyValues(false)
                .useEnvironmentVariableValues(false);
        if (p == null || p.host() == null || p.host().isBlank()) {
            return b.build();
        }
        if (p.port() <= 0 || p.port() > 65535) {
            throw new InvalidInputException("proxy port", "'" + p.port() + "' is not a TCP port", "Fix the proxy settings");
        }
        b.endpoint(URI.create("http://" + p.host().strip() + ":" + p.port()));
        if (p.username() != null && !p.username().isBlank()) {
            b.username(p.username()).password(p.password());
        }
        // Jenkins writes patterns with '*' wildcards; the Apache client wants regular expressions.
        var hosts = new HashSet<String>();
        for (String h : p.nonProxyHosts()) {
            if (!h.isBlank()) {
                hosts.add(h.strip().replace(".", "\\.").replace("*", ".*"));
            }
        }
        return b.nonProxyHosts(hosts).build();
    }

    private static void positive(String field, Duration d) {
        if (d == null || d.isNegative() || d.isZero() || d.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new InvalidInputException(field, "must be between 1 ms and 10 minutes, was " + d, null);
        }
    }

    private static String shorten(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
