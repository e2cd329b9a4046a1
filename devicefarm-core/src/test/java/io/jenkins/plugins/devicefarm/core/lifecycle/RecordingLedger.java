package io.jenkins.plugins.devicefarm.core.lifecycle;

import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.model.Outcome;
import java.util.ArrayList;
import java.util.List;

/** A ledger that remembers every call, and the thread it came on, as a build's record would see them. */
class RecordingLedger implements Ledger {
    record Entry(String call, String arn, String detail, String thread, Outcome outcome) {}

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

    synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    synchronized List<String> calls() {
        return entries.stream().map(Entry::call).toList();
    }

    synchronized List<String> lines() {
        return entries.stream().filter(e -> e.call().equals("say") || e.call().equals("warn")).map(Entry::detail).toList();
    }

    synchronized boolean tracked() {
        return entries.stream().anyMatch(e -> e.call().equals("track"));
    }
}
