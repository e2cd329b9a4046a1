package io.jenkins.plugins.devicefarm;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.util.FormValidation;
import io.jenkins.plugins.devicefarm.core.session.SessionRequest;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The fields of a remote access session as both the Pipeline step and the freestyle build
 * environment hold them, and the one way they become the core's request.
 */
public interface SessionSettings {
    String getProjectArn();
    String getDeviceArn();
    String getInstanceArn();
    String getName();
    String getBillingMethod();
    String getVpceConfigurationArns();
    String getInteractionMode();
    boolean isSkipAppResign();
    /** A workspace path (uploaded from the agent), an upload ARN or the name of an upload in the project. */
    String getApp();
    /** Workspace paths, upload ARNs or names, one per line or comma-separated (at most 3). */
    String getAuxiliaryApps();
    String getAppiumVersion();
    /** host:port */
    String getDeviceProxy();

    /**
     * The core request, each text value passed through {@code expand} first (a freestyle build's
     * {@code ${VAR}}s; nothing for Pipeline, where Groovy has done it). A blank project means the
     * global default project. Not validated yet: the core does that, naming the field.
     */
    default SessionRequest toRequest(UnaryOperator<String> expand) {
        UnaryOperator<String> e = v -> v == null ? null : expand.apply(v);
        String project = getProjectArn() != null ? getProjectArn() : DeviceFarmGlobalConfiguration.get().getDefaultProjectArn();
        return new SessionRequest(e.apply(project), e.apply(getDeviceArn()))
                .instanceArn(e.apply(getInstanceArn()))
                .name(e.apply(getName()))
                .billingMethod(e.apply(getBillingMethod()))
                .vpceConfigurationArns(DeviceFarmForms.lines(e.apply(getVpceConfigurationArns())))
                .interactionMode(e.apply(getInteractionMode()))
                .skipAppResign(isSkipAppResign() ? Boolean.TRUE : null)
                .app(e.apply(getApp()))
                .auxiliaryApps(appList(e.apply(getAuxiliaryApps())))
                .appiumVersion(e.apply(getAppiumVersion()))
                .deviceProxy(e.apply(getDeviceProxy()));
    }

    /**
     * Form check of {@code app}, {@code auxiliaryApps}, {@code appiumVersion} or {@code deviceProxy}
     * by the core's rules; the message names the field. Callers check the permission first.
     */
    static FormValidation checkField(String field, @CheckForNull String value) {
        List<String> values = "auxiliaryApps".equals(field) ? appList(value) : value == null ? List.of() : List.of(value);
        return DeviceFarmForms.check(() -> {
            SessionRequest.checkField(field, values);
            return field;
        });
    }

    /** Apps one per line or comma-separated; not split at spaces, which upload names may hold. */
    private static List<String> appList(String value) {
        return value == null ? List.of()
                : Arrays.stream(value.split("[\\r\\n,]+")).map(String::strip).filter(v -> !v.isEmpty()).toList();
    }
}
