package io.jenkins.plugins.devicefarm.core.session;

import io.jenkins.plugins.devicefarm.core.InvalidInputException;
import io.jenkins.plugins.devicefarm.core.arn.ArnKind;
import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.devicefarm.model.BillingMethod;
import software.amazon.awssdk.services.devicefarm.model.CreateRemoteAccessSessionRequest;
import software.amazon.awssdk.services.devicefarm.model.InteractionMode;

/**
 * The fields of CreateRemoteAccessSession, given as text the way users type them, and validated
 * all at once in {@link #toSdkRequest()} before anything is sent. Apps are given by upload ARN or
 * by upload name; names are looked up in the project by {@link AppReference} before the create.
 * Fields Device Farm dropped from its API are refused, naming what replaced them. Serializable:
 * a step keeps it until the session is created, across a restart while its apps upload (it holds
 * no secret: upload ARNs, names or workspace paths, never a URL or an endpoint).
 */
public final class SessionRequest implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final int MAX_NAME_LENGTH = 256;
    /** CreateRemoteAccessSessionConfiguration.auxiliaryApps holds at most 3 apps. */
    public static final int MAX_AUXILIARY_APPS = 3;
    /** The configuration parameter Device Farm reads the Appium server's major version from. */
    public static final String APPIUM_VERSION_PARAMETER = "appium:version";

    private final String projectArn;
    private final String deviceArn;
    private String instanceArn;
    private String name;
    private String billingMethod;
    private List<String> vpceConfigurationArns = new ArrayList<>();
    private String interactionMode;
    private Boolean skipAppResign;
    private String app;
    private List<String> auxiliaryApps = new ArrayList<>();
    private String appiumVersion;
    private String deviceProxy;
    /** Values as the DSL gave them: Boolean or String. */
    private final LinkedHashMap<DroppedField, Serializable> dropped = new LinkedHashMap<>();

    public SessionRequest(String projectArn, String deviceArn) {
        this.projectArn = projectArn;
        this.deviceArn = deviceArn;
    }

    public SessionRequest instanceArn(String v) { instanceArn = v; return this; }
    public SessionRequest name(String v) { name = v; return this; }
    /** METERED or UNMETERED, any case; blank leaves Device Farm's default. */
    public SessionRequest billingMethod(String v) { billingMethod = v; return this; }
    public SessionRequest vpceConfigurationArns(List<String> v) { vpceConfigurationArns = copy(v); return this; }
    /**
     * INTERACTIVE, NO_VIDEO or VIDEO_ONLY, any case; blank leaves Device Farm's default. AWS
     * deprecated it (the mode can no longer be changed); still accepted and sent.
     */
    public SessionRequest interactionMode(String v) { interactionMode = v; return this; }
    public SessionRequest skipAppResign(Boolean v) { skipAppResign = v; return this; }
    /** The app installed when the session starts: an upload ARN or the name of an upload in the project. */
    public SessionRequest app(String v) { app = v; return this; }
    /** Up to 3 more apps installed on the device: upload ARNs or upload names. */
    public SessionRequest auxiliaryApps(List<String> v) { auxiliaryApps = copy(v); return this; }
    /** The Appium server's major version, e.g. "2"; sent as configuration parameter appium:version. */
    public SessionRequest appiumVersion(String v) { appiumVersion = v; return this; }
    /** A proxy the device uses, as host:port. */
    public SessionRequest deviceProxy(String v) { deviceProxy = v; return this; }

    /** A field AWS removed from CreateRemoteAccessSession; any value given is refused by {@link #toSdkRequest()}. */
    public SessionRequest dropped(DroppedField field, Serializable value) {
        if (value != null) {
            dropped.put(field, value);
        }
        return this;
    }

    public String name() { return name; }

    /**
     * For forms: the checks {@link #toSdkRequest()} makes on {@code app}, {@code auxiliaryApps}
     * (one per list entry), {@code appiumVersion} or {@code deviceProxy}, one field at a time.
     * Blank values and values holding ${...} (expanded at build time) pass.
     */
    public static void checkField(String field, List<String> values) {
        SessionRequest r = new SessionRequest(null, null);
        List<String> given = values.stream().filter(v -> !blank(v) && !v.contains("${")).toList();
        if (given.isEmpty()) {
            return;
        }
        switch (field) {
            case "app" -> r.app(given.get(0)).appReference();
            case "auxiliaryApps" -> r.auxiliaryApps(given).auxiliaryAppReferences();
            case "appiumVersion" -> r.appiumVersion(given.get(0)).parameters();
            case "deviceProxy" -> DeviceProxySetting.parse("deviceProxy", given.get(0));
            default -> throw new IllegalArgumentException("No form check for " + field);
        }
    }

    /** The project the session is created in (validated). */
    public DeviceFarmArn project() {
        return DeviceFarmArn.parse("projectArn", projectArn, ArnKind.PROJECT);
    }

    /** The device (validated). */
    public DeviceFarmArn device() {
        return DeviceFarmArn.parse("deviceArn", deviceArn, ArnKind.DEVICE);
    }

    /** The app to install at start, or null (validated). */
    public AppReference appReference() {
        return blank(app) ? null : AppReference.parse("app", app);
    }

    /** The auxiliary apps, blank entries left out (validated, at most 3). */
    public List<AppReference> auxiliaryAppReferences() {
        List<AppReference> refs = new ArrayList<>();
        for (String a : auxiliaryApps) {
            if (!blank(a)) {
                refs.add(AppReference.parse("auxiliaryApps", a));
            }
        }
        if (refs.size() > MAX_AUXILIARY_APPS) {
            throw new InvalidInputException("auxiliaryApps", "lists " + refs.size() + " apps",
                    "Device Farm installs at most " + MAX_AUXILIARY_APPS + " auxiliary apps");
        }
        return refs;
    }

    /** The apps given as workspace paths, {@code app} first: each is uploaded before the session is prepared (validated). */
    public List<AppReference> workspaceApps() {
        List<AppReference> paths = new ArrayList<>();
        AppReference a = appReference();
        if (a != null && a.isPath()) {
            paths.add(a);
        }
        auxiliaryAppReferences().stream().filter(AppReference::isPath).forEach(paths::add);
        return paths;
    }

    /** Replaces each app given as a workspace path by the ARN of its upload ({@code arnByPath}, keyed by {@link AppReference#path()}). */
    public SessionRequest withUploadedApps(Map<String, String> arnByPath) {
        if (!blank(app)) {
            app = arnByPath.getOrDefault(app.strip(), app);
        }
        auxiliaryApps = copy(auxiliaryApps.stream().map(a -> a == null ? null : arnByPath.getOrDefault(a.strip(), a)).toList());
        return this;
    }

    /** Configuration parameters (appium:version), empty when none (validated). */
    public Map<String, String> parameters() {
        if (blank(appiumVersion)) {
            return Map.of();
        }
        String v = appiumVersion.strip();
        if (!v.matches("[1-9][0-9]{0,2}")) {
            throw new InvalidInputException("appiumVersion", "'" + shorten(v) + "' is not an Appium major version",
                    "Give the major version only, e.g. 2 or 3");
        }
        return Map.of(APPIUM_VERSION_PARAMETER, v);
    }

    /**
     * Validates every field and builds the SDK request. Apps given by upload ARN are set; apps
     * given by name are not (resolve them with {@link AppReference} and set {@code appArn} and
     * {@code configuration.auxiliaryApps}); the configuration parameters are not either, as the
     * SDK's model has no member for them (see {@link #parameters()}).
     */
    public CreateRemoteAccessSessionRequest toSdkRequest() {
        if (!dropped.isEmpty()) {
            throw dropped.keySet().iterator().next().refusal(); // before anything else: the field is gone
        }
        var b = CreateRemoteAccessSessionRequest.builder()
                .projectArn(project().toString())
                .deviceArn(device().toString());
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
        AppReference appRef = appReference();
        if (appRef != null && appRef.arn() != null) {
            b.appArn(appRef.arn().toString());
        }
        List<String> auxiliaryArns = auxiliaryAppReferences().stream()
                .filter(r -> r.arn() != null).map(r -> r.arn().toString()).toList();
        parameters(); // validated here, sent by the creator
        List<String> vpce = new ArrayList<>();
        for (String v : vpceConfigurationArns) {
            if (!blank(v)) {
                vpce.add(DeviceFarmArn.parse("vpceConfigurationArns", v, ArnKind.VPCE_CONFIGURATION).toString());
            }
        }
        DeviceProxySetting proxy = blank(deviceProxy) ? null : DeviceProxySetting.parse("deviceProxy", deviceProxy);
        BillingMethod billing = blank(billingMethod) ? null
                : enumValue("billingMethod", billingMethod, BillingMethod.knownValues(), BillingMethod::fromValue);
        if (billing != null || !vpce.isEmpty() || proxy != null || !auxiliaryArns.isEmpty()) {
            b.configuration(c -> {
                if (billing != null) {
                    c.billingMethod(billing);
                }
                if (!vpce.isEmpty()) {
                    c.vpceConfigurationArns(vpce);
                }
                if (proxy != null) {
                    c.deviceProxy(p -> p.host(proxy.host()).port(proxy.port()));
                }
                if (!auxiliaryArns.isEmpty()) {
                    c.auxiliaryApps(auxiliaryArns);
                }
            });
        }
        if (!blank(interactionMode)) {
            setInteractionMode(b, enumValue("interactionMode", interactionMode, InteractionMode.knownValues(), InteractionMode::fromValue));
        }
        if (skipAppResign != null) {
            b.skipAppResign(skipAppResign);
        }
        return b.build();
    }

    @SuppressWarnings("deprecation") // AWS deprecated the member; users may still give it and Device Farm accepts it
    private static void setInteractionMode(CreateRemoteAccessSessionRequest.Builder b, InteractionMode mode) {
        b.interactionMode(mode);
    }

    private static <E extends Enum<E>> E enumValue(String field, String text, java.util.Set<E> known,
                                                   java.util.function.Function<String, E> parse) {
        E e = parse.apply(text.strip().toUpperCase(Locale.ROOT));
        if (!known.contains(e)) {
            throw new InvalidInputException(field, "'" + shorten(text) + "' is not a known value", "Use one of "
                    + known.stream().map(Enum::toString).sorted().collect(Collectors.joining(", ")));
        }
        return e;
    }

    static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 37) + "..." : text;
    }

    /** A plain ArrayList, which any serialization (the Pipeline program's too) reads back. */
    private static List<String> copy(List<String> v) {
        return v == null ? new ArrayList<>() : new ArrayList<>(v);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    @Override
    public String toString() {
        return "session '" + name + "' on " + deviceArn + " in " + projectArn
                + (blank(app) ? "" : ", app " + app)
                + (blank(billingMethod) ? "" : ", " + billingMethod)
                + (vpceConfigurationArns.isEmpty() ? "" : ", VPC endpoints " + vpceConfigurationArns);
    }
}
