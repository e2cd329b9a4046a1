package io.jenkins.plugins.devicefarm.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The result-tree operations: ListSuites(job), GetSuite, ListTests(suite), GetTest,
 * ListArtifacts(run|job|suite|test, FILE|LOG|SCREENSHOT) and ListUniqueProblems(run|job). Suites,
 * tests and artifacts are derived from the jobs on every request ({@link JobResults},
 * {@link ArtifactCatalog}); an ARN lists what hangs at it and below it.
 */
final class ResultOperations {
    static final Set<String> ARTIFACT_CATEGORIES = Set.of("FILE", "LOG", "SCREENSHOT");
    /** The results a unique problem can have: every final result but PASSED. */
    private static final List<String> PROBLEM_RESULTS = List.of("FAILED", "ERRORED", "WARNED", "SKIPPED", "STOPPED");

    private final DeviceFarmState state;
    private final Pager pager;

    ResultOperations(DeviceFarmState state, Pager pager) {
        this.state = state;
        this.pager = pager;
    }

    ObjectNode listSuites(JsonNode request, Instant now) {
        SimJob job = state.job(Requests.required(request, "arn"));
        return pager.page(request, "suites", JobResults.suites(job, now), s -> view(s, job));
    }

    ObjectNode getSuite(JsonNode request, Instant now) {
        String arn = Requests.required(request, "arn");
        SimJob job = jobOf(arn, "suite", 4);
        ObjectNode response = Json.object();
        response.set("suite", view(suite(job, arn, now), job));
        return response;
    }

    ObjectNode listTests(JsonNode request, Instant now) {
        String arn = Requests.required(request, "arn");
        SimJob job = jobOf(arn, "suite", 4);
        return pager.page(request, "tests", suite(job, arn, now).tests(), t -> view(t, job));
    }

    private static ResultState suite(SimJob job, String arn, Instant now) {
        return JobResults.suites(job, now).stream().filter(s -> s.arn().equals(arn)).findFirst()
                .orElseThrow(() -> ApiException.notFound("No suite found for ARN " + arn));
    }

    ObjectNode getTest(JsonNode request, Instant now) {
        String arn = Requests.required(request, "arn");
        SimJob job = jobOf(arn, "test", 5);
        ResultState test = JobResults.suites(job, now).stream().flatMap(s -> s.tests().stream())
                .filter(t -> t.arn().equals(arn)).findFirst()
                .orElseThrow(() -> ApiException.notFound("No test found for ARN " + arn));
        ObjectNode response = Json.object();
        response.set("test", view(test, job));
        return response;
    }

    ObjectNode listArtifacts(JsonNode request, Instant now) {
        String arn = Requests.required(request, "arn");
        Requests.required(request, "type");
        String category = Requests.oneOf(request, "type", ARTIFACT_CATEGORIES, null);
        List<SimJob> jobs = jobsUnder(arn);
        ResultFiles files = state.resultFiles();
        if (!arn.contains(":run:") && !arn.contains(":job:")) {
            requireNode(jobs.get(0), arn, now);
        }
        record Listed(SimJob job, SimArtifact artifact) {}
        List<Listed> listed = new ArrayList<>();
        for (SimJob job : jobs) {
            for (SimArtifact a : files.catalog(job, now, state.scenario().results())) {
                boolean under = a.parentArn().equals(arn) || a.arn().startsWith(retype(arn) + "/");
                if (a.category().equals(category) && (arn.contains(":run:") || under)) {
                    listed.add(new Listed(job, a));
                }
            }
        }
        return pager.page(request, "artifacts", listed, l -> Json.object()
                .put("arn", l.artifact().arn())
                .put("name", l.artifact().name())
                .put("type", l.artifact().type())
                .put("extension", l.artifact().extension())
                .put("url", files.url(l.job(), l.artifact(), now, state.scenario().results().urlLifetime())));
    }

    /** Every test that ended other than PASSED, grouped by result, then by identical message. */
    ObjectNode listUniqueProblems(JsonNode request, Instant now) {
        String arn = Requests.required(request, "arn");
        if (!arn.contains(":run:") && !arn.contains(":job:")) {
            Arns.parse("arn", arn, "run");
        }
        record Group(String result, String message) {}
        Map<Group, ArrayNode> groups = new LinkedHashMap<>();
        for (SimJob job : jobsUnder(arn)) {
            for (ResultState suite : JobResults.suites(job, now)) {
                for (ResultState test : suite.tests()) {
                    if (!test.completed() || !PROBLEM_RESULTS.contains(test.result())) {
                        continue;
                    }
                    ObjectNode problem = groups.computeIfAbsent(new Group(test.result(), test.message()),
                            g -> Json.MAPPER.createArrayNode()).addObject();
                    problem.putObject("run").put("arn", job.run().arn()).put("name", job.run().name());
                    problem.putObject("job").put("arn", job.arn()).put("name", job.device().name());
                    problem.putObject("suite").put("arn", suite.arn()).put("name", suite.name());
                    problem.putObject("test").put("arn", test.arn()).put("name", test.name());
                    problem.set("device", Views.device(job.device(), state.scenario()));
                    problem.put("result", test.result());
                    Json.putIfPresent(problem, "message", test.message());
                }
            }
        }
        List<Map.Entry<Group, ArrayNode>> entries = new ArrayList<>(groups.entrySet());
        entries.sort(Map.Entry.comparingByKey((a, b) -> PROBLEM_RESULTS.indexOf(a.result()) - PROBLEM_RESULTS.indexOf(b.result())));
        // One page of groups, then rendered as Device Farm's map from result to unique problems.
        ObjectNode page = pager.page(request, "uniqueProblems", entries, e -> {
            ObjectNode unique = Json.object().put("result", e.getKey().result());
            Json.putIfPresent(unique, "message", e.getKey().message());
            unique.set("problems", e.getValue());
            return unique;
        });
        ObjectNode byResult = Json.object();
        for (JsonNode unique : page.withArray("uniqueProblems")) {
            ObjectNode copy = ((ObjectNode) unique).deepCopy();
            copy.remove("result");
            byResult.withArray(unique.get("result").asText()).add(copy);
        }
        page.set("uniqueProblems", byResult);
        return page;
    }

    private ObjectNode view(ResultState s, SimJob job) {
        ObjectNode node = Json.object()
                .put("arn", s.arn())
                .put("name", s.name())
                .put("type", job.run().request().type());
        Json.putTime(node, "created", job.run().created());
        node.put("status", s.status()).put("result", s.result());
        Json.putTime(node, "started", s.started());
        Json.putTime(node, "stopped", s.stopped());
        Counters c = s.counters();
        node.putObject("counters").put("total", c.total()).put("passed", c.passed()).put("failed", c.failed())
                .put("warned", c.warned()).put("errored", c.errored()).put("stopped", c.stopped()).put("skipped", c.skipped());
        Json.putIfPresent(node, "message", s.message());
        node.set("deviceMinutes", Json.minutes(DeviceMinutes.of(s.billedMinutes(), job.run().request().billingMethod())));
        return node;
    }

    /** The jobs a run, job, suite or test ARN covers. */
    private List<SimJob> jobsUnder(String arn) {
        if (arn.contains(":run:")) {
            return state.jobs(arn);
        }
        if (arn.contains(":job:")) {
            return List.of(state.job(arn));
        }
        return List.of(arn.contains(":suite:") ? jobOf(arn, "suite", 4) : jobOf(arn, "test", 5));
    }

    /** The job a suite ({@code segments} 4) or test (5) ARN belongs to; ArgumentException for a malformed one. */
    private SimJob jobOf(String arn, String type, int segments) {
        Arns.Parsed parsed = Arns.parse("arn", arn, type);
        String[] ids = parsed.id().split("/");
        if (ids.length != segments) {
            throw ApiException.argument("Invalid arn: " + arn + " is not a valid " + type + " ARN.");
        }
        if (!ids[2].matches("\\d{1,5}")) {
            throw ApiException.notFound("No " + type + " found for ARN " + arn);
        }
        return state.job(Arns.job(parsed.account(), ids[0], ids[1], Integer.parseInt(ids[2])));
    }

    private void requireNode(SimJob job, String arn, Instant now) {
        boolean exists = JobResults.suites(job, now).stream()
                .anyMatch(s -> s.arn().equals(arn) || s.tests().stream().anyMatch(t -> t.arn().equals(arn)));
        if (!exists) {
            throw ApiException.notFound("No suite or test found for ARN " + arn);
        }
    }

    private static String retype(String arn) {
        return arn.replaceFirst(":(run|job|suite|test):", ":artifact:");
    }
}
