package io.jenkins.plugins.devicefarm.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every API request the simulator answered (or dropped), in arrival order, so tests can assert what a
 * client did — how often it polled, whether it called StopRun — rather than only what it got back.
 * Entries are recorded before the response is written, so a caller that got its answer finds the
 * entry already there.
 */
public final class Journal {
    private static final Logger LOG = Logger.getLogger(Journal.class.getName());

    private final List<JournalEntry> entries = new ArrayList<>(); // guarded by this
    private final List<Consumer<JournalEntry>> listeners = new CopyOnWriteArrayList<>();

    void record(JournalEntry entry) {
        synchronized (this) {
            entries.add(entry);
        }
        for (Consumer<JournalEntry> listener : listeners) {
            try {
                listener.accept(entry);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "journal listener failed", e);
            }
        }
    }

    public synchronized List<JournalEntry> entries() {
        return List.copyOf(entries);
    }

    public synchronized List<JournalEntry> entries(String operation) {
        return entries.stream().filter(e -> operation.equals(e.operation())).toList();
    }

    public synchronized int count(String operation) {
        return (int) entries.stream().filter(e -> operation.equals(e.operation())).count();
    }

    public synchronized int count(String operation, String arn) {
        return (int) entries.stream()
                .filter(e -> operation.equals(e.operation()) && Objects.equals(arn, e.arn()))
                .count();
    }

    public synchronized void clear() {
        entries.clear();
    }

    /** Called on the request thread for every new entry, before the response is sent: keep it quick. */
    public void addListener(Consumer<JournalEntry> listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    public void removeListener(Consumer<JournalEntry> listener) {
        listeners.remove(listener);
    }
}
