package io.jenkins.plugins.devicefarm.core.lifecycle;

import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.model.Outcome;
import java.util.ArrayList;
import java.util.List;

/** A ledger that remembers every call, and the thread it came on, as a build's record would see them. */
public class RecordingLedger implements Ledger {
    public record Entry(String call, String arn, String detail, String thread, Outcome outcome) {}

    private final List<Entry> entries = new ArrayList<>();

    @Override
    public void track(DeviceFarmArn arn) {
        add("track", arn.toString(), null, null);
    }

    @Override
    public void record(Outcome outcome) {
        add("record", outcome.getArn(), outcome.getStatus(), outcome);
    }

    @Override
    public void stopFailed(DeviceFarmArn arn, String message) {
        add("stopFailed", arn.toString(), message, null);
    }

    @Override
    public void unknown(DeviceFarmArn arn, String message) {
        add("unknown", arn.toString(), message, null);
    }

    @Override
    public void say(String line) {
        add("say", null, line, null);
    }

    @Override
    public void warn(String line) {
        add("warn", null, line, null);
    }

    private synchronized void add(String call, String arn, String detail, Outcome o) {
        entries.add(new Entry(call, arn, detail, Thread.currentThread().getName(), o));
    }

    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    public synchronized List<String> calls() {
        return entries.stream().map(Entry::call).toList();
    }

    public synchronized List<String> lines() {
        return entries.stream().filter(e -> e.call().equals("say") || e.call().equals("warn")).map(Entry::detail).toList();
    }

    public synchronized boolean tracked() {
        return entries.stream().anyMatch(e -> e.call().equals("track"));
    }

    /** The ARNs tracked, once each, in order. */
    public synchronized List<String> trackedArns() {
        return entries.stream().filter(e -> e.call().equals("track")).map(Entry::arn).distinct().toList();
    }

    /** The latest state recorded. */
    public synchronized Outcome lastRecord() {
        return entries.stream().filter(e -> e.call().equals("record")).reduce((a, b) -> b).map(Entry::outcome).orElseThrow();
    }
}
