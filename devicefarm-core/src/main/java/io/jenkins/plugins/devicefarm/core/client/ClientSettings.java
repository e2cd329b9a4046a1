package io.jenkins.plugins.devicefarm.core.client;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/** Everything needed to build a Device Farm client. Validated by {@link DeviceFarmClientFactory}. */
public final class ClientSettings {
    public static final String DEFAULT_REGION = "us-west-2";
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_ATTEMPTS = 3;

    private final String region;
    private final String endpointOverride;
    private final AwsCredentialsProvider credentials;
    private final ProxySettings proxy;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final int maxAttempts;
    private final String userAgentSuffix;

    private ClientSettings(Builder b) {
        this.region = b.region;
        this.endpointOverride = b.endpointOverride;
        this.credentials = b.credentials;
        this.proxy = b.proxy;
        this.connectTimeout = b.connectTimeout;
        this.readTimeout = b.readTimeout;
        this.maxAttempts = b.maxAttempts;
        this.userAgentSuffix = b.userAgentSuffix;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these settings. */
    public Builder toBuilder() {
        return builder().region(region).endpointOverride(endpointOverride).credentials(credentials).proxy(proxy)
                .connectTimeout(connectTimeout).readTimeout(readTimeout).maxAttempts(maxAttempts).userAgentSuffix(userAgentSuffix);
    }

    /** Region as given; blank means {@link #DEFAULT_REGION}. */
    public String region() { return region; }
    /** Blank or null: the real Device Farm endpoint of the region. */
    public String endpointOverride() { return endpointOverride; }
    public AwsCredentialsProvider credentials() { return credentials; }
    public ProxySettings proxy() { return proxy; }
    public Duration connectTimeout() { return connectTimeout; }
    public Duration readTimeout() { return readTimeout; }
    /** Attempts per SDK call, first one included; the SDK backs off between them, longer on throttling. */
    public int maxAttempts() { return maxAttempts; }
    public String userAgentSuffix() { return userAgentSuffix; }

    public static final class Builder {
        private String region = DEFAULT_REGION;
        private String endpointOverride;
        private AwsCredentialsProvider credentials;
        private ProxySettings proxy;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration readTimeout = DEFAULT_READ_TIMEOUT;
        private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
        private String userAgentSuffix = "jenkins-devicefarm";

        public Builder region(String v) { region = v; return this; }
        public Builder endpointOverride(String v) { endpointOverride = v; return this; }
        public Builder credentials(AwsCredentialsProvider v) { credentials = v; return this; }
        public Builder proxy(ProxySettings v) { proxy = v; return this; }
        public Builder connectTimeout(Duration v) { connectTimeout = v; return this; }
        public Builder readTimeout(Duration v) { readTimeout = v; return this; }
        public Builder maxAttempts(int v) { maxAttempts = v; return this; }
        /** E.g. {@code "jenkins-devicefarm/1.2.3"}: lets AWS and proxies tell our calls apart. */
        public Builder userAgentSuffix(String v) { userAgentSuffix = v; return this; }

        public ClientSettings build() {
            return new ClientSettings(this);
        }
    }
}
