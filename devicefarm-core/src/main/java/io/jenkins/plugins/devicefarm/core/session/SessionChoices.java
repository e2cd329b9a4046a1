package io.jenkins.plugins.devicefarm.core.session;

import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.devicefarm.model.BillingMethod;
import software.amazon.awssdk.services.devicefarm.model.InteractionMode;

/** The values a session form offers, as the SDK in use knows them, so front ends need no SDK types. */
public final class SessionChoices {
    private SessionChoices() {}

    /** METERED, UNMETERED (sorted). */
    public static List<String> billingMethods() {
        return names(BillingMethod.knownValues());
    }

    /** INTERACTIVE, NO_VIDEO, VIDEO_ONLY (sorted); deprecated by AWS but still accepted. */
    public static List<String> interactionModes() {
        return names(InteractionMode.knownValues());
    }

    private static List<String> names(Set<? extends Enum<?>> values) {
        return values.stream().map(Object::toString).sorted().toList();
    }
}
