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
import java.util.TreeSet;
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
 * Device Farm lists what hangs below an ARN too, so one listing at the shallowest chosen level
 * usually finds them all; each file goes to the folder of the deepest job, suite or test its ARN lies
 * under (the tree is read for those folder names).
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
                .thenCompose(nodes -> listAll(nodes, types, levels))
                .thenCombine(runName, (found, name) -> place(found, runFolder(name, run)));
    }

    /** The run's folder below {@code devicefarm/}: its name made safe (its id when it has none). */
    public static String runFolder(String name, DeviceFarmArn run) {
        return SafeNames.segment(name == null ? run.idSegments().get(1) : name);
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

    /**
     * ListArtifacts for the nodes of the shallowest chosen level, each category, every page. When
     * Device Farm answers with files from below those nodes (it lists a run's or job's descendants),
     * that was all of them; otherwise the next chosen level is listed too. Each file is placed at the
     * deepest node its ARN id lies under, or else where it was listed.
     */
    private CompletableFuture<Map<String, Found>> listAll(List<Node> nodes, Set<ArtifactType> types, Set<ArtifactLevel> levels) {
        Map<String, Node> byId = new HashMap<>();
        nodes.forEach(n -> byId.put(idOf(n.arn()), n));
        return listLevel(new ArrayList<>(new TreeSet<>(levels)), 0, nodes, byId, types, new LinkedHashMap<>());
    }

    private CompletableFuture<Map<String, Found>> listLevel(List<ArtifactLevel> order, int index, List<Node> nodes,
                                                           Map<String, Node> byId, Set<ArtifactType> types,
                                                           Map<String, Found> found) {
        if (index == order.size()) {
            return CompletableFuture.completedFuture(found);
        }
        List<CompletableFuture<List<Artifact>>> calls = new ArrayList<>();
        List<Node> listed = new ArrayList<>();
        for (Node node : nodes) {
            if (node.level() == order.get(index)) {
                for (ArtifactCategory category : ArtifactTypes.categories(types)) {
                    calls.add(lists.artifacts(node.arn(), category));
                    listed.add(node);
                }
            }
        }
        return ResultLists.all(calls).thenCompose(answers -> {
            boolean descendants = false;
            for (int i = 0; i < answers.size(); i++) {
                Node node = listed.get(i);
                for (Artifact a : answers.get(i)) {
                    descendants |= depth(idOf(a.arn())) > depth(idOf(node.arn())) + 1;
                    if (types.contains(a.type())) {
                        found.putIfAbsent(a.arn(), new Found(a, deepest(idOf(a.arn()), byId, node)));
                    }
                }
            }
            return descendants ? CompletableFuture.completedFuture(found)
                    : listLevel(order, index + 1, nodes, byId, types, found);
        });
    }

    /** The deepest known node whose id the artifact's id lies under; {@code fallback} when none. */
    private static Node deepest(String artifactId, Map<String, Node> byId, Node fallback) {
        for (int cut = artifactId.lastIndexOf('/'); cut > 0; cut = artifactId.lastIndexOf('/', cut - 1)) {
            Node node = byId.get(artifactId.substring(0, cut));
            if (node != null) {
                return node;
            }
        }
        return fallback;
    }

    private static int depth(String id) {
        return id.split("/").length;
    }

    private static List<ArtifactFile> place(Map<String, Found> found, String runFolder) {
        Map<String, SafeNames> folders = new HashMap<>();
        List<ArtifactFile> files = new ArrayList<>();
        for (Found f : found.values()) {
            String folder = f.node().folder();
            String name = folders.computeIfAbsent(folder, k -> SafeNames.folder()).uniqueIn(f.artifact().name(), f.artifact().extension());
            String path = runFolder + (folder.isEmpty() ? "" : "/" + folder) + "/" + name;
            files.add(new ArtifactFile(f.artifact().arn(), f.node().jobArn(), f.artifact().typeAsString(), path, f.artifact().url()));
        }
        return files;
    }

    /** The resource id of an ARN: what follows {@code arn:aws:devicefarm:<region>:<account>:<type>:}. */
    private static String idOf(String arn) {
        String[] parts = arn.split(":", 7);
        return parts.length == 7 ? parts[6] : arn;
    }
}
