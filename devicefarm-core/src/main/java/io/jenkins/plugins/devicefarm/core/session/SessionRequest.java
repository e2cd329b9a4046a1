package io.jenkins.plugins.devicefarm.core.session;

import io.jenkins.plugins.devicefarm.core.InvalidInputException;
import io.jenkins.plugins.devicefarm.core.arn.ArnKind;
import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.devicefarm.model.BillingMethod;
import software.amazon.awssdk.services.devicefarm.model.CreateRemoteAccessSessionRequest;
import software.amazon.awssdk.services.devicefarm.model.InteractionMode;

/**
 * The supported fields of CreateRemoteAccessSession, given as text the way users type them,
 * and validated all at once in {@link #toSdkRequest()} before anything is sent. (The remote
 * debugging fields are no longer supported by Device Farm and are left out.)
 */
public final class SessionRequest {
    public static final int MAX_NAME_LENGTH = 256;

    private final String projectArn;
    private final String deviceArn;
    private String instanceArn;
    private String name;
    private String billingMethod;
    private List<String> vpceConfigurationArns = List.of();
    private String interactionMode;
    private Boolean skipAppResign;
    private Boolean remoteRecordEnabled;
    private String remoteRecordAppArn;

    public SessionRequest(String projectArn, String deviceArn) {
        this.projectArn = projectArn;
        this.deviceArn = deviceArn;
    }

    public SessionRequest instanceArn(String v) { instanceArn = v; return this; }
    public SessionRequest name(String v) { name = v; return this; }
    /** METERED or UNMETERED, any case; blank leaves Device Farm's default. */
    public SessionRequest billingMethod(String v) { billingMethod = v; return this; }
    public SessionRequest vpceConfigurationArns(List<String> v) { vpceConfigurationArns = v == null ? List.of() : v; return this; }
    /** INTERACTIVE, NO_VIDEO or VIDEO_ONLY, any case; blank leaves Device Farm's default. */
    public SessionRequest interactionMode(String v) { interactionMode = v; return this; }
    public SessionRequest skipAppResign(Boolean v) { skipAppResign = v; return this; }
    public SessionRequest remoteRecordEnabled(Boolean v) { remoteRecordEnabled = v; return this; }
    public SessionRequest remoteRecordAppArn(String v) { remoteRecordAppArn = v; return this; }

    public String name() { return name; }

    /** The project the session is created in (validated). */
    public DeviceFarmArn project() {
        return DeviceFarmArn.parse("projectArn", projectArn, ArnKind.PROJECT);
    }

    /** Validates every field and builds the SDK request. */
    public CreateRemoteAccessSessionRequest toSdkRequest() {
        var b = CreateRemoteAccessSessionRequest.builder()
                .projectArn(project().toString())
                .deviceArn(DeviceFarmArn.parse("deviceArn", deviceArn, ArnKind.DEVICE).toString());
        if (!blank(instanceArn)) {
            b.instanceArn(DeviceFarmArn.parse("instanceArn", instanceArn, ArnKind.DEVICE_INSTANCE).toString());
        }
        if (!blank(name)) {
            String n = name.strip();
            if (n.length() > MAX_NAME_LENGTH) {
                throw new InvalidInputException("name", "is " + n.length() + " characters long",
                        "Use at most " + MAX_NAME_LENGTH + " characters");
            }
            if (n.chars().anyMatch(Character::isISOControl)) {
                throw new InvalidInputException("name", "contains control characters", "Use printable characters only");
            }
            b.name(n);
        }
        List<String> vpce = new ArrayList<>();
        for (String v : vpceConfigurationArns) {
            if (!blank(v)) {
                vpce.add(DeviceFarmArn.parse("vpceConfigurationArns", v, ArnKind.VPCE_CONFIGURATION).toString());
            }
        }
        if (!blank(billingMethod) || !vpce.isEmpty()) {
            b.configuration(c -> {
                if (!blank(billingMethod)) {
                    c.billingMethod(enumValue("billingMethod", billingMethod, BillingMethod.knownValues(), BillingMethod::fromValue));
                }
                if (!vpce.isEmpty()) {
                    c.vpceConfigurationArns(vpce);
                }
            });
        }
        if (!blank(interactionMode)) {
            b.interactionMode(enumValue("interactionMode", interactionMode, InteractionMode.knownValues(), InteractionMode::fromValue));
        }
        if (skipAppResign != null) {
            b.skipAppResign(skipAppResign);
        }
        // Device Farm dropped remote recording from the API: refuse a value rather than ignore it.
        if (Boolean.TRUE.equals(remoteRecordEnabled)) {
            throw new InvalidInputException("remoteRecordEnabled", "is no longer supported by Device Farm",
                    "Remove it; record the session with the app installed through 'app' instead");
        }
        if (!blank(remoteRecordAppArn)) {
            throw new InvalidInputException("remoteRecordAppArn", "is no longer supported by Device Farm",
                    "Use 'app' to install an app when the session starts");
        }
        return b.build();
    }

    private static <E extends Enum<E>> E enumValue(String field, String text, java.util.Set<E> known,
                                                   java.util.function.Function<String, E> parse) {
        E e = parse.apply(text.strip().toUpperCase(Locale.ROOT));
        if (!known.contains(e)) {
            throw new InvalidInputException(field, "'" + (text.length() > 40 ? text.substring(0, 37) + "..." : text)
                    + "' is not a known value", "Use one of " + known.stream().map(Enum::toString).sorted()
                    .collect(Collectors.joining(", ")));
        }
        return e;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    @Override
    public String toString() {
        return "session '" + name + "' on " + deviceArn + " in " + projectArn
                + (interactionMode == null ? "" : ", " + interactionMode)
                + (billingMethod == null ? "" : ", " + billingMethod)
                + (vpceConfigurationArns.isEmpty() ? "" : ", VPC endpoints " + Arrays.toString(vpceConfigurationArns.toArray()));
    }
}
