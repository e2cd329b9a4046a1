package io.jenkins.plugins.devicefarm.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * ScheduleRun, every member checked as Device Farm checks it: unknown project, pool or upload
 * ARNs are NotFoundException; anything else wrong (both or neither of pool and selection, upload
 * types that do not fit the test type, an app of the wrong platform, values out of range, uploads
 * not yet SUCCEEDED) is ArgumentException. Devices that cannot run the app are left out; when
 * none is left, nothing is scheduled. (One leniency: a run may come without app or test
 * package, so tests of the run lifecycle need no uploads.)
 */
final class ScheduleRunHandler {
    static final Set<String> BILLING_METHODS = Set.of("METERED", "UNMETERED");
    static final int MAX_NAME_LENGTH = 256;
    static final int MAX_ENVIRONMENT_VARIABLES = 32;
    private static final Pattern LOCALE = Pattern.compile("[a-z]{2}_[A-Z]{2}");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern ROLE = Pattern.compile("arn:aws:iam::\\d{12}:role/[\\w+=,.@/-]{1,512}");

    private final DeviceFarmState state;

    ScheduleRunHandler(DeviceFarmState state) {
        this.state = state;
    }

    SimRun schedule(JsonNode r, Instant now) {
        String projectArn = Requests.required(r, "projectArn");
        ScenarioProject project = state.project("projectArn", projectArn);
        String name = Requests.optional(r, "name");
        if (name != null && name.length() > MAX_NAME_LENGTH) {
            throw ApiException.argument("Invalid name: at most " + MAX_NAME_LENGTH + " characters.");
        }
        if (!(r.get("test") instanceof ObjectNode)) {
            throw ApiException.argument("Missing required parameter: test.");
        }
        String testType = Requests.required(r, "test.type");
        Requests.oneOf(r, "test.type", UploadKinds.TEST_TYPES, null);
        String poolArn = Requests.optional(r, "devicePoolArn");
        JsonNode selectionNode = r.get("deviceSelectionConfiguration");
        boolean selecting = selectionNode != null && !selectionNode.isNull();
        if (poolArn != null && selecting) {
            throw ApiException.argument("Specify either devicePoolArn or deviceSelectionConfiguration, not both.");
        }
        if (poolArn == null && !selecting) {
            throw ApiException.argument("Missing required parameter: devicePoolArn or deviceSelectionConfiguration.");
        }
        ScenarioDevicePool pool = poolArn == null ? null : state.devicePool("devicePoolArn", poolArn);
        DeviceSelection selection = selecting ? DeviceSelection.parse(selectionNode) : null;

        ObjectNode echo = Json.object();
        List<SimUpload> used = new ArrayList<>();
        SimUpload app = upload(r, "appArn", used, project);
        if (app != null) {
            requireAppFits(app, testType);
        }
        requireType(upload(r, "test.testPackageArn", used, project), "test.testPackageArn", UploadKinds.packageTypeFor(testType), testType);
        SimUpload spec = upload(r, "test.testSpecArn", used, project);
        if (spec != null) {
            requireType(spec, "test.testSpecArn", UploadKinds.specTypeFor(testType), testType);
        }
        Requests.optional(r, "test.filter");
        stringMap(r.path("test").get("parameters"), "test.parameters");

        JsonNode configuration = r.get("configuration");
        if (configuration != null && !configuration.isNull() && !configuration.isObject()) {
            throw ApiException.argument("Invalid configuration: expected a structure.");
        }
        requireType(upload(r, "configuration.extraDataPackageArn", used, project), "configuration.extraDataPackageArn",
                "EXTERNAL_DATA", testType);
        configuration(r, echo, used, project);
        String billing = Requests.oneOf(r, "configuration.billingMethod", BILLING_METHODS, "METERED");
        int jobTimeout = Requests.intInRange(r, "executionConfiguration.jobTimeoutMinutes", 1,
                Views.MAX_JOB_TIMEOUT_MINUTES, Views.MAX_JOB_TIMEOUT_MINUTES);
        for (String flag : new String[] {"accountsCleanup", "appPackagesCleanup", "videoCapture", "skipAppResign"}) {
            bool(r.path("executionConfiguration").get(flag), "executionConfiguration." + flag);
        }
        echo.put("skipAppResign", r.path("executionConfiguration").path("skipAppResign").asBoolean(false));

        for (SimUpload u : used) {
            if (!"SUCCEEDED".equals(u.status(now))) {
                throw ApiException.argument("Missing or unprocessed resources: the upload " + u.arn() + " is "
                        + u.status(now) + ".");
            }
        }
        List<ScenarioDevice> devices = devices(pool, selection, Compatibility.of(app, testType), echo);
        SimRun.Request request = new SimRun.Request(projectArn, poolArn, name == null ? defaultName(app) : name, testType,
                app == null ? null : app.arn(), spec == null ? null : spec.arn(), billing, jobTimeout);
        return state.scheduleRun(request, devices, new RunSpec(echo, selecting), now);
    }

    /** Device Farm names an unnamed run after its app. */
    private static String defaultName(SimUpload app) {
        return app == null ? "Scheduled run" : app.name();
    }

    private List<ScenarioDevice> devices(ScenarioDevicePool pool, DeviceSelection selection, Compatibility fit,
                                         ObjectNode echo) {
        List<ScenarioDevice> candidates = pool != null
                ? pool.devices().stream().map(id -> state.scenario().device(id).orElseThrow()).toList()
                : state.scenario().devices().stream().filter(d -> selection.matches(d, state.scenario())).toList();
        if (candidates.isEmpty()) {
            throw ApiException.argument(pool != null ? "The device pool " + pool.name() + " has no devices."
                    : "No device matches the filters of deviceSelectionConfiguration.");
        }
        List<ScenarioDevice> compatible = candidates.stream().filter(d -> fit.reasons(d).isEmpty()).toList();
        if (compatible.isEmpty()) {
            throw ApiException.argument("None of the " + candidates.size() + " devices is compatible with the app and test: "
                    + fit.reasons(candidates.get(0)).get(0).message());
        }
        if (selection != null) {
            echo.set("deviceSelectionResult", selection.result(candidates.size()));
            return compatible.subList(0, Math.min(compatible.size(), selection.maxDevices()));
        }
        return compatible;
    }

    private void configuration(JsonNode r, ObjectNode echo, List<SimUpload> used, ScenarioProject project) {
        JsonNode c = r.path("configuration");
        String network = Requests.optional(r, "configuration.networkProfileArn");
        if (network != null) {
            Arns.parse("configuration.networkProfileArn", network, "networkprofile");
            echo.putObject("networkProfile").put("arn", network);
        }
        String locale = Requests.optional(r, "configuration.locale");
        if (locale != null && !LOCALE.matcher(locale).matches()) {
            throw ApiException.argument("Invalid configuration.locale: " + locale + " is not a locale such as en_US.");
        }
        echo.put("locale", locale == null ? "en_US" : locale);
        JsonNode location = c.get("location");
        if (location != null && !location.isNull()) {
            double lat = number(location.get("latitude"), "configuration.location.latitude", 90);
            double lon = number(location.get("longitude"), "configuration.location.longitude", 180);
            echo.putObject("location").put("latitude", lat).put("longitude", lon);
        }
        JsonNode radios = c.get("radios");
        if (radios != null && !radios.isNull()) {
            ObjectNode out = echo.putObject("radios");
            for (String radio : new String[] {"wifi", "bluetooth", "nfc", "gps"}) {
                Boolean on = bool(radios.get(radio), "configuration.radios." + radio);
                out.put(radio, on == null || on);
            }
        }
        JsonNode aux = c.get("auxiliaryApps");
        if (aux != null && !aux.isNull()) {
            int i = 0;
            for (String arn : strings(aux, "configuration.auxiliaryApps")) {
                SimUpload u = ofProject(state.uploads().get("configuration.auxiliaryApps[" + i++ + "]", arn), project);
                if (!"ANDROID_APP".equals(u.type()) && !"IOS_APP".equals(u.type())) {
                    throw ApiException.argument("Invalid configuration.auxiliaryApps: " + arn + " is a " + u.type()
                            + " upload, not an app.");
                }
                used.add(u);
            }
        }
        JsonNode vpce = c.get("vpceConfigurationArns");
        if (vpce != null && !vpce.isNull()) {
            for (String arn : strings(vpce, "configuration.vpceConfigurationArns")) {
                Arns.parse("configuration.vpceConfigurationArns", arn, "vpceconfiguration");
            }
        }
        JsonNode proxy = c.get("deviceProxy");
        if (proxy != null && !proxy.isNull()) {
            String host = Requests.required(proxy, "host");
            JsonNode port = proxy.get("port");
            if (port == null || !port.isIntegralNumber() || port.asInt() < 1 || port.asInt() > 65535) {
                throw ApiException.argument("Invalid configuration.deviceProxy.port: must be a port from 1 to 65535.");
            }
            echo.putObject("deviceProxy").put("host", host).put("port", port.asInt());
        }
        JsonNode paths = c.get("customerArtifactPaths");
        if (paths != null && !paths.isNull()) {
            ObjectNode out = echo.putObject("customerArtifactPaths");
            for (String kind : new String[] {"iosPaths", "androidPaths", "deviceHostPaths"}) {
                ArrayNode list = out.putArray(kind);
                JsonNode given = paths.get(kind);
                if (given != null && !given.isNull()) {
                    strings(given, "configuration.customerArtifactPaths." + kind).forEach(list::add);
                }
            }
        }
        JsonNode env = c.get("environmentVariables");
        if (env != null && !env.isNull()) {
            echo.set("environmentVariables", environment(env));
        }
        String role = Requests.optional(r, "configuration.executionRoleArn");
        if (role != null) {
            if (!ROLE.matcher(role).matches()) {
                throw ApiException.argument("Invalid configuration.executionRoleArn: " + role + " is not an IAM role ARN.");
            }
            echo.put("executionRoleArn", role);
        }
    }

    private static ArrayNode environment(JsonNode env) {
        String field = "configuration.environmentVariables";
        if (!env.isArray() || env.isEmpty() || env.size() > MAX_ENVIRONMENT_VARIABLES) {
            throw ApiException.argument("Invalid " + field + ": from 1 to " + MAX_ENVIRONMENT_VARIABLES + " variables.");
        }
        Set<String> names = new HashSet<>();
        ArrayNode out = Json.MAPPER.createArrayNode();
        for (JsonNode v : env) {
            String name = Requests.required(v, "name");
            String value = Requests.optional(v, "value");
            if (value == null) {
                throw ApiException.argument("Missing required parameter: " + field + ".value of " + name + ".");
            }
            if (!ENV_NAME.matcher(name).matches() || name.length() > 256) {
                throw ApiException.argument("Invalid " + field + ".name: " + name + " is not a variable name.");
            }
            if (!names.add(name)) {
                throw ApiException.argument("Invalid " + field + ": " + name + " is given twice.");
            }
            out.addObject().put("name", name).put("value", value);
        }
        return out;
    }

    private SimUpload upload(JsonNode r, String path, List<SimUpload> used, ScenarioProject project) {
        String arn = Requests.optional(r, path);
        if (arn == null) {
            return null;
        }
        SimUpload u = ofProject(state.uploads().get(path, arn), project);
        used.add(u);
        return u;
    }

    /** An upload of another project is not found, as on Device Farm. */
    private static SimUpload ofProject(SimUpload u, ScenarioProject project) {
        if (!u.request().projectId().equals(project.id())) {
            throw ApiException.notFound("No upload found for ARN " + u.arn() + " in project " + project.name());
        }
        return u;
    }

    private static void requireAppFits(SimUpload app, String testType) {
        if (!UploadKinds.isApp(app.type())) {
            throw ApiException.argument("Invalid appArn: " + app.arn() + " is a " + app.type() + " upload, not an app.");
        }
        boolean web = "WEB_APP".equals(app.type());
        if (web != UploadKinds.isWebTest(testType)) {
            throw ApiException.argument("Invalid appArn: a " + app.type() + " cannot be tested with " + testType + ".");
        }
        String needs = UploadKinds.platformOf(testType);
        if (needs != null && !needs.equals(UploadKinds.platformOfApp(app.type()))) {
            throw ApiException.argument("Invalid appArn: " + testType + " tests " + needs + " apps, not a " + app.type() + ".");
        }
    }

    private static void requireType(SimUpload u, String field, String expected, String testType) {
        if (u == null) {
            return;
        }
        if (expected == null) {
            throw ApiException.argument("Invalid " + field + ": " + testType + " takes no such upload.");
        }
        if (!expected.equals(u.type())) {
            throw ApiException.argument("Invalid " + field + ": " + testType + " needs a " + expected + " upload, got "
                    + u.type() + ".");
        }
    }

    private static double number(JsonNode node, String field, double bound) {
        if (node == null || !node.isNumber()) {
            throw ApiException.argument("Missing required parameter: " + field + ".");
        }
        double v = node.asDouble();
        if (v < -bound || v > bound) {
            throw ApiException.argument("Invalid " + field + ": must be from " + (-bound) + " to " + bound + ".");
        }
        return v;
    }

    private static Boolean bool(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isBoolean()) {
            throw ApiException.argument("Invalid " + field + ": expected true or false.");
        }
        return node.asBoolean();
    }

    private static List<String> strings(JsonNode node, String field) {
        if (!node.isArray()) {
            throw ApiException.argument("Invalid " + field + ": expected a list of strings.");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode v : node) {
            if (!v.isTextual() || v.asText().isEmpty()) {
                throw ApiException.argument("Invalid " + field + ": expected a list of non-empty strings.");
            }
            out.add(v.asText());
        }
        return out;
    }

    private static void stringMap(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return;
        }
        if (!node.isObject()) {
            throw ApiException.argument("Invalid " + field + ": expected a map of strings.");
        }
        node.fields().forEachRemaining(e -> {
            if (!e.getValue().isTextual()) {
                throw ApiException.argument("Invalid " + field + "." + e.getKey() + ": expected a string.");
            }
        });
    }
}
