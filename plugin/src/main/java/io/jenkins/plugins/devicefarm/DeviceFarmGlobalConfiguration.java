package io.jenkins.plugins.devicefarm;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.Util;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.devicefarm.core.InvalidInputException;
import io.jenkins.plugins.devicefarm.core.arn.ArnKind;
import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.client.ClientSettings;
import io.jenkins.plugins.devicefarm.core.client.DeviceFarmClientFactory;
import io.jenkins.plugins.devicefarm.core.watch.PollSettings;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * Manage Jenkins > System > AWS Device Farm. Data-bound setters make it configurable as code
 * under {@code unclassified.deviceFarm}. Every web method is POST-only and admin-only.
 */
@Extension
@Symbol("deviceFarm")
public class DeviceFarmGlobalConfiguration extends GlobalConfiguration {
    private static final Logger LOGGER = Logger.getLogger(DeviceFarmGlobalConfiguration.class.getName());
    /** PollSettings' upper bound for both intervals. */
    static final int MAX_POLL_SECONDS = 3600;

    private String credentialsId;
    private String region;
    private String endpointOverride;
    private int minPollSeconds = (int) PollSettings.DEFAULT_MIN.getSeconds();
    private int maxPollSeconds = (int) PollSettings.DEFAULT_MAX.getSeconds();
    private String defaultProjectArn;

    public DeviceFarmGlobalConfiguration() {
        load();
        if (!inRange(minPollSeconds) || !inRange(maxPollSeconds)) {
            // A hand-edited file must not break every step: say so, and poll at the defaults.
            LOGGER.log(Level.WARNING, "AWS Device Farm: poll intervals {0} s / {1} s in the saved configuration are outside 1..{2} s;"
                    + " using the defaults", new Object[] {minPollSeconds, maxPollSeconds, MAX_POLL_SECONDS});
            minPollSeconds = (int) PollSettings.DEFAULT_MIN.getSeconds();
            maxPollSeconds = (int) PollSettings.DEFAULT_MAX.getSeconds();
        }
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

    /** Refuses a value outside 1..3600 with a message naming the field (shown by configuration as code too). */
    @DataBoundSetter
    public void setMinPollSeconds(int minPollSeconds) {
        this.minPollSeconds = checkedSeconds("minPollSeconds", minPollSeconds);
        save();
    }

    public int getMaxPollSeconds() {
        return maxPollSeconds;
    }

    /** As {@link #setMinPollSeconds}; a maximum below the minimum is polled at the minimum (see {@link #pollSettings}). */
    @DataBoundSetter
    public void setMaxPollSeconds(int maxPollSeconds) {
        this.maxPollSeconds = checkedSeconds("maxPollSeconds", maxPollSeconds);
        save();
    }

    /**
     * The web form: both poll intervals are checked before any field is bound, so a bad value is
     * one line naming its field and none of the other fields is saved. Configuration as code
     * does not come here; it is refused by the setters.
     */
    @Override
    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        try {
            PollSettings.ofSeconds(json.optString("minPollSeconds", String.valueOf(minPollSeconds)),
                    json.optString("maxPollSeconds", String.valueOf(maxPollSeconds)));
        } catch (InvalidInputException e) {
            throw new FormException(e.getMessage(), e.getField());
        }
        return super.configure(req, json);
    }

    /**
     * The poll intervals every step uses. Never throws, so a bad global setting cannot break every
     * step: the setters refuse values out of range, and a maximum below the minimum (the two are
     * set one at a time) polls at the minimum.
     */
    @NonNull
    public PollSettings pollSettings() {
        int min = minPollSeconds;
        return PollSettings.of(Duration.ofSeconds(min), Duration.ofSeconds(Math.max(min, maxPollSeconds)));
    }

    private static boolean inRange(int seconds) {
        return seconds >= 1 && seconds <= MAX_POLL_SECONDS;
    }

    private static int checkedSeconds(String field, int seconds) {
        if (!inRange(seconds)) {
            throw new InvalidInputException(field, "must be between 1 and " + MAX_POLL_SECONDS + " seconds, was " + seconds,
                    "Use e.g. 5 for minPollSeconds and 60 for maxPollSeconds");
        }
        return seconds;
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
        return Messages.DeviceFarmGlobalConfiguration_DisplayName();
    }

    @POST
    public ListBoxModel doFillCredentialsIdItems(@QueryParameter String credentialsId) {
        return DeviceFarmForms.credentials(null, credentialsId);
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
        return DeviceFarmForms.check(() -> DeviceFarmClientFactory.region(value, endpointOverrideGiven(endpointOverride)));
    }

    @POST
    public FormValidation doCheckEndpointOverride(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return DeviceFarmForms.check(() -> DeviceFarmClientFactory.endpoint(value));
    }

    /** Text parameters: a blank or non-numeric box gets the core's message, not a Stapler conversion error. */
    @POST
    public FormValidation doCheckMinPollSeconds(@QueryParameter String value, @QueryParameter String maxPollSeconds) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return DeviceFarmForms.check(() -> PollSettings.ofSeconds(value, maxPollSeconds));
    }

    @POST
    public FormValidation doCheckMaxPollSeconds(@QueryParameter String value, @QueryParameter String minPollSeconds) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return DeviceFarmForms.check(() -> PollSettings.ofSeconds(minPollSeconds, value));
    }

    @POST
    public FormValidation doCheckDefaultProjectArn(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        if (Util.fixEmptyAndTrim(value) == null) {
            return FormValidation.ok();
        }
        return DeviceFarmForms.check(() -> DeviceFarmArn.parse("defaultProjectArn", value, ArnKind.PROJECT));
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
}
