package io.jenkins.plugins.devicefarm.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A scheduled run: what ScheduleRun asked for, the script it drew, and one job per pool device. */
final class SimRun {
    /** What ScheduleRun asked for; appArn and testSpecArn may be null. */
    record Request(
            String projectArn, String devicePoolArn, String name, String type, String appArn, String testSpecArn,
            String billingMethod, int jobTimeoutMinutes) {}

    private final String arn;
    private final String projectId;
    private final String runId;
    private final Request request;
    private final RunScript script;
    private final Instant created;
    private final List<SimJob> jobs = new ArrayList<>();
    private volatile RunSpec spec = RunSpec.NONE;

    SimRun(String arn, String projectId, String runId, Request request, RunScript script, Instant created) {
        this.arn = arn;
        this.projectId = projectId;
        this.runId = runId;
        this.request = request;
        this.script = script;
        this.created = created;
    }

    /** What the run echoes of its ScheduleRun request. */
    void spec(RunSpec echoed) {
        this.spec = echoed;
    }

    RunSpec spec() {
        return spec;
    }

    void addJob(SimJob job) {
        jobs.add(job);
    }

    String arn() {
        return arn;
    }

    String projectId() {
        return projectId;
    }

    String runId() {
        return runId;
    }

    Request request() {
        return request;
    }

    String name() {
        return request.name();
    }

    RunScript script() {
        return script;
    }

    Instant created() {
        return created;
    }

    int jobTimeoutMinutes() {
        return request.jobTimeoutMinutes();
    }

    String platform() {
        return jobs.isEmpty() ? "ANDROID" : jobs.get(0).device().platform();
    }

    List<SimJob> jobs() {
        return Collections.unmodifiableList(jobs);
    }

    RunState state(Instant now) {
        return RunState.of(jobs.stream().map(j -> j.state(now)).toList(), request.billingMethod());
    }

    void requestStop(Instant now) {
        jobs.forEach(j -> j.requestStop(now));
    }
}
