package io.jenkins.plugins.devicefarm;

import com.cloudbees.jenkins.plugins.awscredentials.AmazonWebServicesCredentials;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.PluginWrapper;
import hudson.ProxyConfiguration;
import hudson.Util;
import hudson.model.Item;
import hudson.model.Run;
import hudson.security.ACL;
import hudson.util.Secret;
import io.jenkins.plugins.devicefarm.core.InvalidInputException;
import io.jenkins.plugins.devicefarm.core.client.ClientLease;
import io.jenkins.plugins.devicefarm.core.client.ClientSettings;
import io.jenkins.plugins.devicefarm.core.client.DeviceFarmClientFactory;
import io.jenkins.plugins.devicefarm.core.client.ProxySettings;
import java.util.Arrays;
import java.util.List;
import jenkins.model.Jenkins;
import software.amazon.awssdk.services.devicefarm.DeviceFarmClient;

/**
 * SDK clients for a build or a web method: credentials from Jenkins credentials by id (step
 * value, else global), region (step value, else global), the global endpoint override and
 * Jenkins' proxy. The core validates everything and names the field when something is wrong.
 * Builds lease shared clients ({@link #lease}); a client is closed when its last lease is.
 */
public final class DeviceFarmClients {
    private static final String PLUGIN = "aws-devicefarm";

    private DeviceFarmClients() {}

    /**
     * A lease on the shared client for the credentials the build may use (recorded as used by the
     * build). Session credentials of an assumed role are resolved once per token lifetime, however
     * many watches use them. Unknown credentials or a bad region throw
     * {@link InvalidInputException} naming the field, before anything is sent.
     */
    @NonNull
    public static ClientLease lease(@NonNull Run<?, ?> run, @CheckForNull String credentialsId, @CheckForNull String region) {
        String id = credentialsIdOrGlobal(credentialsId);
        AmazonWebServicesCredentials c = find(run, id);
        // Keyed by id and what the credentials say they are (access key id and role, never the
        // secret): folders may hold different credentials under one id, and an edit gets a new client.
        return DeviceFarmEngine.clients().lease(id + '\n' + c.getDisplayName(),
                settings(c, region, DeviceFarmGlobalConfiguration.get().getEndpointOverride()));
    }

    /** A client of its own with the credentials the build may use; the caller closes it. Prefer {@link #lease}. */
    public static DeviceFarmClient forRun(@NonNull Run<?, ?> run, @CheckForNull String credentialsId, @CheckForNull String region) {
        AmazonWebServicesCredentials c = find(run, credentialsIdOrGlobal(credentialsId));
        return DeviceFarmClientFactory.create(settings(c, region, DeviceFarmGlobalConfiguration.get().getEndpointOverride()));
    }

    private static AmazonWebServicesCredentials find(Run<?, ?> run, String id) {
        AmazonWebServicesCredentials c = CredentialsProvider.findCredentialById(id, AmazonWebServicesCredentials.class, run);
        if (c == null) {
            throw notFound(id);
        }
        CredentialsProvider.track(run, c); // the credentials' usage page lists the build
        return c;
    }

    /** A client for a web method, with the credentials visible in the item's context (or globally when null). */
    public static DeviceFarmClient forItem(@CheckForNull Item item, @CheckForNull String credentialsId, @CheckForNull String region,
                                           @CheckForNull String endpointOverride) {
        String id = credentialsIdOrGlobal(credentialsId);
        AmazonWebServicesCredentials c = CredentialsMatchers.firstOrNull(
                CredentialsProvider.lookupCredentialsInItem(AmazonWebServicesCredentials.class, item, ACL.SYSTEM2, List.of()),
                CredentialsMatchers.withId(id));
        if (c == null) {
            throw notFound(id);
        }
        return DeviceFarmClientFactory.create(settings(c, region, endpointOverride));
    }

    /** The global AWS credentials with this id, or null. */
    @CheckForNull
    static AmazonWebServicesCredentials findGlobal(String id) {
        return CredentialsMatchers.firstOrNull(
                CredentialsProvider.lookupCredentialsInItem(AmazonWebServicesCredentials.class, null, ACL.SYSTEM2, List.of()),
                CredentialsMatchers.withId(id));
    }

    private static ClientSettings settings(AmazonWebServicesCredentials credentials, String region, String endpointOverride) {
        String r = Util.fixEmptyAndTrim(region);
        return ClientSettings.builder()
                .credentials(credentials) // an SDK v2 AwsCredentialsProvider, AssumeRole included
                .region(r == null ? DeviceFarmGlobalConfiguration.get().getRegion() : r)
                .endpointOverride(endpointOverride)
                .proxy(proxy())
                .userAgentSuffix("jenkins-devicefarm/" + version())
                .build();
    }

    private static String credentialsIdOrGlobal(String credentialsId) {
        String id = Util.fixEmptyAndTrim(credentialsId);
        if (id == null) {
            id = DeviceFarmGlobalConfiguration.get().getCredentialsId();
        }
        if (id == null) {
            throw new InvalidInputException("credentialsId", "no AWS credentials were given",
                    "Set credentialsId on the step or default credentials in Manage Jenkins > System > AWS Device Farm");
        }
        return id;
    }

    private static InvalidInputException notFound(String id) {
        return new InvalidInputException("credentialsId", "no AWS credentials with id '" + id + "' are available here",
                "Add AWS credentials with that id in Manage Jenkins > Credentials, or use another id");
    }

    /** Jenkins' proxy (Manage Jenkins > System > HTTP Proxy), handed to the SDK's Apache client. */
    @CheckForNull
    private static ProxySettings proxy() {
        ProxyConfiguration p = Jenkins.get().getProxy();
        if (p == null || Util.fixEmptyAndTrim(p.getName()) == null) {
            return null;
        }
        Secret password = p.getSecretPassword();
        String noProxy = Util.fixNull(p.getNoProxyHost());
        return new ProxySettings(p.getName(), p.getPort(), Util.fixEmptyAndTrim(p.getUserName()),
                password == null ? null : password.getPlainText(),
                // Same separators as ProxyConfiguration.getNoProxyHostPatterns.
                Arrays.stream(noProxy.split("[ \t\n,|]+")).filter(s -> !s.isBlank()).toList());
    }

    private static String version() {
        Jenkins j = Jenkins.getInstanceOrNull();
        PluginWrapper w = j == null ? null : j.getPluginManager().getPlugin(PLUGIN);
        return w == null ? "dev" : w.getVersion();
    }
}
