package io.jenkins.plugins.devicefarm.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * Device Farm's JSON shapes for projects, devices, instances, VPC endpoint configurations, pools,
 * runs and jobs ({@link SessionView} renders sessions). Fields are those of the current service
 * model; optional ones without a sensible value here (network profile, fuzz seed and event count,
 * parsing resultCode) are left out, as AWS leaves them out.
 */
final class Views {
    /** Projects of a scenario exist from before any run; one fixed date keeps responses stable. */
    static final Instant PROJECT_CREATED = Instant.parse("2024-01-01T00:00:00Z");
    static final int MAX_JOB_TIMEOUT_MINUTES = 150;
    private static final String CONSOLE = "https://us-west-2.console.aws.amazon.com/devicefarm/home#/mobile/projects/";

    private Views() {}

    static ObjectNode project(ScenarioProject project, String accountId) {
        ObjectNode node = Json.object()
                .put("arn", Arns.project(accountId, project.id()))
                .put("name", project.name())
                .put("defaultJobTimeoutMinutes", MAX_JOB_TIMEOUT_MINUTES);
        Json.putTime(node, "created", PROJECT_CREATED);
        if (project.vpcConfig() != null) {
            node.set("vpcConfig", vpcConfig(project.vpcConfig()));
        }
        return node;
    }

    static ObjectNode device(ScenarioDevice d, Scenario scenario) {
        boolean ios = "IOS".equals(d.platform());
        boolean tablet = "TABLET".equals(d.formFactor());
        ObjectNode node = Json.object()
                .put("arn", Arns.device(d.id()))
                .put("name", d.name())
                .put("manufacturer", d.manufacturer())
                .put("model", d.model())
                .put("modelId", d.model().replace(' ', '_'))
                .put("formFactor", d.formFactor())
                .put("platform", d.platform())
                .put("os", d.os());
        node.putObject("cpu").put("frequency", "MHz").put("architecture", ios ? "arm64e" : "arm64-v8a").put("clock", 2.8e9);
        node.putObject("resolution").put("width", tablet ? 1620 : 1080).put("height", tablet ? 2160 : 2400);
        node.put("heapSize", 0)
                .put("memory", 8L * 1024 * 1024 * 1024)
                .put("image", d.id())
                .put("remoteAccessEnabled", d.remoteAccessEnabled())
                .put("remoteDebugEnabled", false)
                .put("fleetType", d.fleetType())
                .put("fleetName", "PUBLIC".equals(d.fleetType()) ? "Public" : "Private");
        ArrayNode instances = node.putArray("instances"); // only private devices have dedicated instances
        scenario.instancesOf(d.id()).forEach(i -> instances.add(deviceInstance(i, scenario.accountId())));
        node.put("availability", d.availability());
        return node;
    }

    static ObjectNode deviceInstance(ScenarioInstance instance, String accountId) {
        ObjectNode node = Json.object()
                .put("arn", Arns.deviceInstance(accountId, instance.id()))
                .put("deviceArn", Arns.device(instance.device()));
        ArrayNode labels = node.putArray("labels");
        instance.labels().forEach(labels::add);
        return node.put("status", instance.status()).put("udid", instance.udid());
    }

    static ObjectNode vpceConfiguration(ScenarioVpceConfiguration v, String accountId) {
        return Json.object()
                .put("arn", Arns.vpceConfiguration(accountId, v.id()))
                .put("vpceConfigurationName", v.name())
                .put("vpceServiceName", v.serviceName())
                .put("serviceDnsName", v.serviceDnsName())
                .put("vpceConfigurationDescription", v.description());
    }

    static ObjectNode vpcConfig(ScenarioVpcConfig vpc) {
        ObjectNode node = Json.object();
        ArrayNode groups = node.putArray("securityGroupIds");
        vpc.securityGroupIds().forEach(groups::add);
        ArrayNode subnets = node.putArray("subnetIds");
        vpc.subnetIds().forEach(subnets::add);
        return node.put("vpcId", vpc.vpcId());
    }

    static ObjectNode devicePool(ScenarioDevicePool pool) {
        ObjectNode node = Json.object()
                .put("arn", Arns.curatedDevicePool(pool.id()))
                .put("name", pool.name())
                .put("description", pool.description())
                .put("type", "CURATED");
        String arns = pool.devices().stream().map(id -> "\"" + Arns.device(id) + "\"")
                .reduce((a, b) -> a + "," + b).orElse("");
        node.putArray("rules").addObject().put("attribute", "ARN").put("operator", "IN").put("value", "[" + arns + "]");
        node.put("maxDevices", pool.devices().size());
        return node;
    }

    /** A run, with its project's VPC as Device Farm reports it. */
    static ObjectNode run(SimRun run, Scenario scenario, Instant now) {
        RunState state = run.state(now);
        SimRun.Request request = run.request();
        ObjectNode node = Json.object()
                .put("arn", run.arn())
                .put("name", run.name())
                .put("type", request.type())
                .put("platform", run.platform());
        Json.putTime(node, "created", run.created());
        node.put("status", state.status()).put("result", state.result());
        Json.putTime(node, "started", state.started());
        Json.putTime(node, "stopped", state.stopped());
        node.set("counters", counters(state.counters()));
        Json.putIfPresent(node, "message", state.message());
        node.put("totalJobs", run.jobs().size())
                .put("completedJobs", state.completedJobs())
                .put("billingMethod", request.billingMethod());
        node.set("deviceMinutes", Json.minutes(state.minutes()));
        Json.putIfPresent(node, "appUpload", request.appArn());
        node.put("jobTimeoutMinutes", run.jobTimeoutMinutes())
                .put("devicePoolArn", request.devicePoolArn())
                .put("locale", "en_US");
        node.putObject("radios").put("wifi", true).put("bluetooth", false).put("nfc", true).put("gps", true);
        node.putObject("location").put("latitude", 47.6204).put("longitude", -122.3491);
        ObjectNode paths = node.putObject("customerArtifactPaths");
        paths.putArray("iosPaths");
        paths.putArray("androidPaths");
        paths.putArray("deviceHostPaths");
        node.put("webUrl", CONSOLE + run.projectId() + "/runs/" + run.runId())
                .put("skipAppResign", false);
        Json.putIfPresent(node, "testSpecArn", request.testSpecArn());
        scenario.project(run.projectId()).map(ScenarioProject::vpcConfig)
                .ifPresent(vpc -> node.set("vpcConfig", vpcConfig(vpc)));
        run.spec().render(node);
        return node;
    }

    static ObjectNode job(SimJob job, Scenario scenario, Instant now) {
        JobState state = job.state(now);
        SimRun run = job.run();
        ObjectNode node = Json.object()
                .put("arn", job.arn())
                .put("name", job.device().name())
                .put("type", run.request().type());
        Json.putTime(node, "created", run.created());
        node.put("status", state.status()).put("result", state.result());
        Json.putTime(node, "started", state.started());
        Json.putTime(node, "stopped", state.stopped());
        node.set("counters", counters(state.counters()));
        Json.putIfPresent(node, "message", state.message());
        node.set("device", device(job.device(), scenario));
        Json.putIfPresent(node, "instanceArn", job.instanceArn());
        node.set("deviceMinutes", Json.minutes(DeviceMinutes.of(state.billedMinutes(), run.request().billingMethod())));
        if (state.completed() && state.started() != null) {
            node.put("videoEndpoint", "https://prod-us-west-2-results.s3.dualstack.us-west-2.amazonaws.com/"
                    + job.arn().substring(job.arn().indexOf(":job:") + 5) + "/video.mp4");
        }
        node.put("videoCapture", true);
        return node;
    }

    static ObjectNode counters(Counters c) {
        return Json.object()
                .put("total", c.total())
                .put("passed", c.passed())
                .put("failed", c.failed())
                .put("warned", c.warned())
                .put("errored", c.errored())
                .put("stopped", c.stopped())
                .put("skipped", c.skipped());
    }
}
