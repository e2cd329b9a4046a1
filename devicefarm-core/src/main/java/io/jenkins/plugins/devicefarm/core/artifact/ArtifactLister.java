package io.jenkins.plugins.devicefarm.core.artifact;

import io.jenkins.plugins.devicefarm.core.InvalidInputException;
import io.jenkins.plugins.devicefarm.core.arn.ArnKind;
import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.report.ResultLists;
import io.jenkins.plugins.devicefarm.core.report.ScheduledPages;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.devicefarm.DeviceFarmClient;
import software.amazon.awssdk.services.devicefarm.model.Artifact;
import software.amazon.awssdk.services.devicefarm.model.ArtifactCategory;
import software.amazon.awssdk.services.devicefarm.model.ArtifactType;
import software.amazon.awssdk.services.devicefarm.model.Job;
import software.amazon.awssdk.services.devicefarm.model.Run;
import software.amazon.awssdk.services.devicefarm.model.Suite;

/**
 * Lists a run's artifacts of the chosen types (every page) at the chosen levels, on the engine's
 * scheduler, and gives each a safe, distinct path {@code <run>/<device>[/<suite>[/<test>]]/<name>.<ext>}.
 * An artifact listed at several levels (Device Farm lists what hangs below an ARN too) is kept once,
 * in the deepest folder it was listed at; one listed only at run level goes to the folder of the
 * device whose job its ARN belongs to.
 */
public final class ArtifactLister {
    private final ResultLists lists;

    public ArtifactLister(DeviceFarmClient client, ScheduledPages pages) {
        this.lists = new ResultLists(client, pages);
    }

    /** A listed tree node: its ARN, level, and folder below the run folder ("" for the run). */
    private record Node(String arn, ArtifactLevel level, String folder, String jobArn) {}

    private record Found(Artifact artifact, Node node) {}

    public CompletableFuture<List<ArtifactFile>> list(DeviceFarmArn run, Set<ArtifactType> types, Set<ArtifactLevel> levels) {
        if (run.kind() != ArnKind.RUN) {
            throw new InvalidInputException("arn", "is the ARN of " + run.kind().withArticle() + ", not a run", "Enter the ARN of a run");
        }
        if (types.isEmpty() || levels.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        String runArn = run.toString();
        CompletableFuture<String> runName = lists.run(runArn).thenApply(Run::name);
        return nodes(runArn, levels)
                .thenCompose(nodes -> listAll(nodes, types, levels).thenApply(found -> Map.entry(nodes, found)))
                .thenCombine(runName, (listed, name) -> place(listed.getValue(), listed.getKey(),
                        SafeNames.segment(name == null ? run.idSegments().get(1) : name)));
    }

    /** The run, its jobs, suites and tests, as far down as the levels need, with their folders. */
    private CompletableFuture<List<Node>> nodes(String runArn, Set<ArtifactLevel> levels) {
        boolean suites = levels.contains(ArtifactLevel.SUITE) || levels.contains(ArtifactLevel.TEST);
        return lists.jobs(runArn).thenCompose(jobs -> {
            List<Node> nodes = new ArrayList<>(List.of(new Node(runArn, ArtifactLevel.RUN, "", null)));
            SafeNames deviceFolders = SafeNames.folder();
            List<CompletableFuture<List<Node>>> below = new ArrayList<>();
            for (Job job : jobs) {
                String device = job.device() == null ? job.name() : job.device().name()
                        + (job.device().os() == null ? "" : " (" + job.device().os() + ")");
                Node jobNode = new Node(job.arn(), ArtifactLevel.JOB, deviceFolders.uniqueIn(device, null), job.arn());
                nodes.add(jobNode);
                if (suites) {
                    below.add(suitesOf(jobNode, levels.contains(ArtifactLevel.TEST)));
                }
            }
            return ResultLists.all(below).thenApply(lists -> {
                lists.forEach(nodes::addAll);
                return nodes;
            });
        });
    }

    private CompletableFuture<List<Node>> suitesOf(Node job, boolean tests) {
        return lists.suites(job.arn()).thenCompose(suites -> {
            List<Node> nodes = new ArrayList<>();
            SafeNames folders = SafeNames.folder();
            List<CompletableFuture<List<Node>>> below = new ArrayList<>();
            for (Suite suite : suites) {
                Node node = new Node(suite.arn(), ArtifactLevel.SUITE, job.folder() + "/" + folders.uniqueIn(suite.name(), null), job.arn());
                nodes.add(node);
                if (tests) {
                    below.add(testsOf(node));
                }
            }
            return ResultLists.all(below).thenApply(lists -> {
                lists.forEach(nodes::addAll);
                return nodes;
            });
        });
    }

    private CompletableFuture<List<Node>> testsOf(Node suite) {
        return lists.tests(suite.arn()).thenApply(tests -> {
            SafeNames folders = SafeNames.folder();
            return tests.stream().map(t -> new Node(t.arn(), ArtifactLevel.TEST,
                    suite.folder() + "/" + folders.uniqueIn(t.name(), null), suite.jobArn())).toList();
        });
    }

    /** ListArtifacts for each chosen node and category, every page; each artifact kept at its deepest node. */
    private CompletableFuture<Map<String, Found>> listAll(List<Node> nodes, Set<ArtifactType> types, Set<ArtifactLevel> levels) {
        List<CompletableFuture<List<Found>>> calls = new ArrayList<>();
        for (Node node : nodes) {
            if (!levels.contains(node.level())) {
                continue;
            }
            for (ArtifactCategory category : ArtifactTypes.categories(types)) {
                calls.add(lists.artifacts(node.arn(), category).thenApply(list -> list.stream().filter(a -> types.contains(a.type())).map(a -> new Found(a, node)).toList()));
            }
        }
        return ResultLists.all(calls).thenApply(lists -> {
            Map<String, Found> byArn = new LinkedHashMap<>();
            for (List<Found> list : lists) {
                for (Found f : list) {
                    byArn.merge(f.artifact().arn(), f, (a, b) -> b.node().level().compareTo(a.node().level()) > 0 ? b : a);
                }
            }
            return byArn;
        });
    }

    private static List<ArtifactFile> place(Map<String, Found> found, List<Node> nodes, String runFolder) {
        Map<String, Node> jobs = new HashMap<>();
        nodes.stream().filter(n -> n.level() == ArtifactLevel.JOB).forEach(n -> jobs.put(idOf(n.arn()), n));
        Map<String, SafeNames> folders = new HashMap<>();
        List<ArtifactFile> files = new ArrayList<>();
        for (Found f : found.values()) {
            Node job = f.node().level() == ArtifactLevel.RUN ? jobOf(f.artifact().arn(), jobs) : null;
            String folder = f.node().level() != ArtifactLevel.RUN ? f.node().folder() : job == null ? "" : job.folder();
            String jobArn = f.node().level() != ArtifactLevel.RUN ? f.node().jobArn() : job == null ? null : job.arn();
            String name = folders.computeIfAbsent(folder, k -> SafeNames.folder()).uniqueIn(f.artifact().name(), f.artifact().extension());
            String path = runFolder + (folder.isEmpty() ? "" : "/" + folder) + "/" + name;
            files.add(new ArtifactFile(f.artifact().arn(), jobArn, f.artifact().typeAsString(), path, f.artifact().url()));
        }
        return files;
    }

    /** An artifact seen only at run level belongs to the job its ARN id starts with; null when none does. */
    private static Node jobOf(String artifactArn, Map<String, Node> jobs) {
        String id = idOf(artifactArn);
        return jobs.entrySet().stream().filter(e -> id.startsWith(e.getKey() + "/")).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    /** The resource id of an ARN: what follows {@code arn:aws:devicefarm:<region>:<account>:<type>:}. */
    private static String idOf(String arn) {
        String[] parts = arn.split(":", 7);
        return parts.length == 7 ? parts[6] : arn;
    }
}
