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
    boolean isRemoteRecordEnabled();
    String getRemoteRecordAppArn();

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
                .remoteRecordEnabled(isRemoteRecordEnabled() ? Boolean.TRUE : null)
                .remoteRecordAppArn(e.apply(getRemoteRecordAppArn()));
    }
}
