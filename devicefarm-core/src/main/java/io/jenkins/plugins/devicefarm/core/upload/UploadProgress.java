package io.jenkins.plugins.devicefarm.core.upload;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * What a step has uploaded so far, kept in its serialized state and saved after every change:
 * the uploads it created (to delete at the end, whatever happens), the one made for each file
 * (by a key the caller chooses: a field, a path), and those whose bytes arrived. After a restart
 * it tells {@link ResumableUploads} what each file still needs. Never the presigned URL.
 * Thread-safe: an abort and the upload's own progress may touch it at once.
 */
public final class UploadProgress implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Every upload created and not deleted yet, in creation order; kept apart from the keys so none is ever dropped. */
    private final LinkedHashSet<String> created = new LinkedHashSet<>();
    private final LinkedHashMap<String, String> byKey = new LinkedHashMap<>();
    private final HashSet<String> sent = new HashSet<>();

    /** Device Farm created {@code arn} for the file known as {@code key}; its bytes are not sent yet. */
    public synchronized void created(String key, String arn) {
        created.add(arn);
        byKey.put(key, arn);
    }

    /** All the bytes of {@code arn} reached Device Farm: after a restart it is only awaited. */
    public synchronized void sent(String arn) {
        if (created.contains(arn)) {
            sent.add(arn);
        }
    }

    /** DeleteUpload succeeded (or found it gone): nothing left to track. */
    public synchronized void deleted(String arn) {
        created.remove(arn);
        sent.remove(arn);
        byKey.values().removeIf(arn::equals);
    }

    /** The upload made for {@code key}, or null when none was created (or it was deleted). */
    public synchronized String arnOf(String key) {
        return byKey.get(key);
    }

    public synchronized boolean isSent(String arn) {
        return sent.contains(arn);
    }

    /** The uploads created and not deleted, oldest first: what the step deletes at the end unless kept. */
    public synchronized List<String> arns() {
        return List.copyOf(created);
    }

    public synchronized boolean isEmpty() {
        return created.isEmpty();
    }

    /** Under the lock: the program may be saved on one thread while an upload is noted on another. */
    private synchronized void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
    }

    @Override
    public synchronized String toString() {
        Map<String, String> states = new LinkedHashMap<>();
        for (String arn : created) {
            states.put(arn, sent.contains(arn) ? "sent" : "created");
        }
        return "uploads " + states;
    }
}
