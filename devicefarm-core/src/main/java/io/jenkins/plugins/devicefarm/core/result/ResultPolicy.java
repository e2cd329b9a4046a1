package io.jenkins.plugins.devicefarm.core.result;

import io.jenkins.plugins.devicefarm.core.InvalidInputException;
import io.jenkins.plugins.devicefarm.core.model.Outcome;
import java.io.Serializable;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Turns Device Farm results into a build verdict. Defaults: PASSED→SUCCESS, WARNED→UNSTABLE,
 * FAILED/ERRORED→FAILURE, STOPPED→ABORTED, SKIPPED→SUCCESS, PENDING (never finished)→FAILURE;
 * each can be overridden.
 */
public final class ResultPolicy implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Device Farm's result values. */
    public enum DeviceFarmResult { PENDING, PASSED, WARNED, FAILED, SKIPPED, ERRORED, STOPPED }

    private static final Map<DeviceFarmResult, Verdict> DEFAULTS = defaultVerdicts();

    private final EnumMap<DeviceFarmResult, Verdict> overrides;

    private ResultPolicy(EnumMap<DeviceFarmResult, Verdict> overrides) {
        this.overrides = overrides;
    }

    public static ResultPolicy defaults() {
        return new ResultPolicy(new EnumMap<>(DeviceFarmResult.class));
    }

    /** A copy with {@code result} mapped to {@code verdict}. */
    public ResultPolicy with(DeviceFarmResult result, Verdict verdict) {
        EnumMap<DeviceFarmResult, Verdict> copy = new EnumMap<>(DeviceFarmResult.class);
        copy.putAll(overrides);
        copy.put(result, verdict);
        return new ResultPolicy(copy);
    }

    /**
     * A copy with an override given as text, e.g. from a step parameter ({@code field} names
     * it in messages). A blank verdict leaves the default.
     */
    public ResultPolicy with(String field, DeviceFarmResult result, String verdict) {
        if (verdict == null || verdict.isBlank()) {
            return this;
        }
        return with(result, parseVerdict(field, verdict));
    }

    /**
     * The policy of a form or step that keeps its six verdicts as the text the user gave (blank =
     * the default); a value that is not a build result throws, naming its field and the allowed values.
     */
    public static ResultPolicy ofVerdicts(String passed, String warned, String failed, String errored, String stopped,
                                          String skipped) {
        return defaults()
                .with("passed", DeviceFarmResult.PASSED, passed)
                .with("warned", DeviceFarmResult.WARNED, warned)
                .with("failed", DeviceFarmResult.FAILED, failed)
                .with("errored", DeviceFarmResult.ERRORED, errored)
                .with("stopped", DeviceFarmResult.STOPPED, stopped)
                .with("skipped", DeviceFarmResult.SKIPPED, skipped);
    }

    /** The default build result of a Device Farm result, as text (e.g. "UNSTABLE" for WARNED). */
    public static String defaultVerdictText(DeviceFarmResult result) {
        return DEFAULTS.get(result).name();
    }

    /** What a verdict field keeps: the default for blank, else the text as given (checked later). */
    public static String verdictTextOrDefault(String text, DeviceFarmResult result) {
        return text == null || text.isBlank() ? defaultVerdictText(result) : text.strip();
    }

    public static Verdict parseVerdict(String field, String verdict) {
        try {
            return Verdict.valueOf(verdict.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "'" + verdict + "' is not a build result",
                    "Use one of SUCCESS, UNSTABLE, FAILURE, NOT_BUILT, ABORTED");
        }
    }

    public Verdict verdictFor(DeviceFarmResult result) {
        return overrides.getOrDefault(result, DEFAULTS.get(result));
    }

    /** The verdict for one outcome; a result Device Farm added after this code is a FAILURE. */
    public Verdict verdictFor(Outcome outcome) {
        DeviceFarmResult r = parseResult(outcome.getResult());
        return r == null ? Verdict.FAILURE : verdictFor(r);
    }

    /** The most severe verdict over several outcomes; SUCCESS when there are none. */
    public Verdict verdictFor(Collection<Outcome> outcomes) {
        Verdict v = Verdict.SUCCESS;
        for (Outcome o : outcomes) {
            v = v.combine(verdictFor(o));
        }
        return v;
    }

    public Map<DeviceFarmResult, Verdict> overrides() {
        return Collections.unmodifiableMap(overrides);
    }

    private static DeviceFarmResult parseResult(String s) {
        if (s == null) {
            return DeviceFarmResult.PENDING;
        }
        try {
            return DeviceFarmResult.valueOf(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Map<DeviceFarmResult, Verdict> defaultVerdicts() {
        EnumMap<DeviceFarmResult, Verdict> m = new EnumMap<>(DeviceFarmResult.class);
        m.put(DeviceFarmResult.PENDING, Verdict.FAILURE);
        m.put(DeviceFarmResult.PASSED, Verdict.SUCCESS);
        m.put(DeviceFarmResult.WARNED, Verdict.UNSTABLE);
        m.put(DeviceFarmResult.FAILED, Verdict.FAILURE);
        m.put(DeviceFarmResult.ERRORED, Verdict.FAILURE);
        m.put(DeviceFarmResult.STOPPED, Verdict.ABORTED);
        m.put(DeviceFarmResult.SKIPPED, Verdict.SUCCESS);
        return Collections.unmodifiableMap(m);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResultPolicy p && overrides.equals(p.overrides);
    }

    @Override
    public int hashCode() {
        return overrides.hashCode();
    }
}
