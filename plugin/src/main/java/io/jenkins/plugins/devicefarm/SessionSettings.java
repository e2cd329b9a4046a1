package io.jenkins.plugins.devicefarm;

import io.jenkins.plugins.devicefarm.core.session.SessionRequest;
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
    /** An upload ARN or the name of an upload in the project. */
    String getApp();
    /** Upload ARNs or names, one per line or comma-separated (at most 3). */
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

    /** Apps one per line or comma-separated; not split at spaces, which upload names may hold. */
    private static java.util.List<String> appList(String value) {
        return value == null ? java.util.List.of()
                : java.util.Arrays.stream(value.split("[\\r\\n,]+")).map(String::strip).filter(v -> !v.isEmpty()).toList();
    }
}
