package io.jenkins.plugins.devicefarm;

import com.cloudbees.jenkins.plugins.awscredentials.AmazonWebServicesCredentials;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.Util;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.devicefarm.core.InvalidInputException;
import io.jenkins.plugins.devicefarm.core.arn.ArnKind;
import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.client.ClientSettings;
import io.jenkins.plugins.devicefarm.core.client.DeviceFarmClientFactory;
import io.jenkins.plugins.devicefarm.core.watch.PollSettings;
import java.time.Duration;
import java.util.List;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Manage Jenkins > System > AWS Device Farm. Data-bound setters make it configurable as code
 * under {@code unclassified.deviceFarm}. Every web method is POST-only and admin-only.
 */
@Extension
@Symbol("deviceFarm")
public class DeviceFarmGlobalConfiguration extends GlobalConfiguration {
    private String credentialsId;
    private String region;
    private String endpointOverride;
    private int minPollSeconds = (int) PollSettings.DEFAULT_MIN.getSeconds();
    private int maxPollSeconds = (int) PollSettings.DEFAULT_MAX.getSeconds();
    private String defaultProjectArn;

    public DeviceFarmGlobalConfiguration() {
        load();
    }

    public static DeviceFarmGlobalConfiguration get() {
        return ExtensionList.lookupSingleton(DeviceFarmGlobalConfiguration.class);
    }

    /** AWS credentials id (aws-credentials plugin); null when none is set. */
    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = Util.fixEmptyAndTrim(credentialsId);
        save();
    }

    public String getRegion() {
        return region == null ? ClientSettings.DEFAULT_REGION : region;
    }

    @DataBoundSetter
    public void setRegion(String region) {
        this.region = Util.fixEmptyAndTrim(region);
        save();
    }

    /** Blank = AWS; e.g. http://127.0.0.1:8787 for the simulator. */
    public String getEndpointOverride() {
        return endpointOverride;
    }

    @DataBoundSetter
    public void setEndpointOverride(String endpointOverride) {
        this.endpointOverride = Util.fixEmptyAndTrim(endpointOverride);
        save();
    }

    public int getMinPollSeconds() {
        return minPollSeconds;
    }

    @DataBoundSetter
    public void setMinPollSeconds(int minPollSeconds) {
        this.minPollSeconds = minPollSeconds;
        save();
    }

    public int getMaxPollSeconds() {
        return maxPollSeconds;
    }

    @DataBoundSetter
    public void setMaxPollSeconds(int maxPollSeconds) {
        this.maxPollSeconds = maxPollSeconds;
        save();
    }

    public String getDefaultProjectArn() {
        return defaultProjectArn;
    }

    @DataBoundSetter
    public void setDefaultProjectArn(String defaultProjectArn) {
        this.defaultProjectArn = Util.fixEmptyAndTrim(defaultProjectArn);
        save();
    }

    @NonNull
    @Override
    public String getDisplayName() {
        return "AWS Device Farm";
    }

    @POST
    public ListBoxModel doFillCredentialsIdItems(@QueryParameter String credentialsId) {
        StandardListBoxModel result = new StandardListBoxModel();
        if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
            return result.includeCurrentValue(credentialsId);
        }
        return result.includeEmptyValue()
                .includeMatchingAs(ACL.SYSTEM2, Jenkins.get(), AmazonWebServicesCredentials.class, List.of(),
                        CredentialsMatchers.always())
                .includeCurrentValue(credentialsId);
    }

    @POST
    public FormValidation doCheckCredentialsId(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        if (Util.fixEmptyAndTrim(value) == null) {
            return FormValidation.warning("Without default credentials every step must name its own credentialsId.");
        }
        if (DeviceFarmClients.findGlobal(value) == null) {
            return FormValidation.error("No AWS credentials with id '%s' exist in the global credentials.", value);
        }
        return FormValidation.ok();
    }

    @POST
    public FormValidation doCheckRegion(@QueryParameter String value, @QueryParameter String endpointOverride) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return check(() -> DeviceFarmClientFactory.region(value, endpointOverrideGiven(endpointOverride)));
    }

    @POST
    public FormValidation doCheckEndpointOverride(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return check(() -> DeviceFarmClientFactory.endpoint(value));
    }

    @POST
    public FormValidation doCheckMinPollSeconds(@QueryParameter int value, @QueryParameter int maxPollSeconds) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return check(() -> PollSettings.of(Duration.ofSeconds(value), Duration.ofSeconds(Math.max(value, maxPollSeconds))));
    }

    @POST
    public FormValidation doCheckMaxPollSeconds(@QueryParameter int value, @QueryParameter int minPollSeconds) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return check(() -> PollSettings.of(Duration.ofSeconds(Math.max(1, minPollSeconds)), Duration.ofSeconds(value)));
    }

    @POST
    public FormValidation doCheckDefaultProjectArn(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        if (Util.fixEmptyAndTrim(value) == null) {
            return FormValidation.ok();
        }
        return check(() -> DeviceFarmArn.parse("defaultProjectArn", value, ArnKind.PROJECT));
    }

    /** The "Test connection" button: lists the account's projects with the values in the form. */
    @POST
    public FormValidation doTestConnection(@QueryParameter String credentialsId, @QueryParameter String region,
                                           @QueryParameter String endpointOverride) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return ConnectionTest.run(credentialsId, region, endpointOverride);
    }

    private static boolean endpointOverrideGiven(String endpointOverride) {
        return Util.fixEmptyAndTrim(endpointOverride) != null;
    }

    /** Runs a core validation; its message names the field and the fix. */
    static FormValidation check(Runnable validation) {
        try {
            validation.run();
            return FormValidation.ok();
        } catch (InvalidInputException e) {
            return FormValidation.error(e.getMessage());
        }
    }
}
