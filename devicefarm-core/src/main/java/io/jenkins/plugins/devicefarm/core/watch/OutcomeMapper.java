package io.jenkins.plugins.devicefarm.core.watch;

import io.jenkins.plugins.devicefarm.core.arn.ArnKind;
import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.model.Counters;
import io.jenkins.plugins.devicefarm.core.model.DeviceMinutes;
import io.jenkins.plugins.devicefarm.core.model.Outcome;
import java.time.Instant;
import software.amazon.awssdk.services.devicefarm.model.Device;
import software.amazon.awssdk.services.devicefarm.model.Job;
import software.amazon.awssdk.services.devicefarm.model.RemoteAccessSession;
import software.amazon.awssdk.services.devicefarm.model.Run;

/** SDK model objects to our plain {@link Outcome}s. Missing numbers become zeros. */
public final class OutcomeMapper {
    private OutcomeMapper() {}

    public static Outcome of(Run r) {
        Outcome.Builder b = base(ArnKind.RUN, r.arn(), r.name(), r.statusAsString(), r.resultAsString(), r.message(), r.started(), r.stopped());
        if (isHttps(r.webUrl())) {
            b.consoleUrl(r.webUrl()); // Device Farm's own link to the run; Job and session carry none
        }
        return b.counters(counters(r.counters()))
                .deviceMinutes(minutes(r.deviceMinutes()))
                .build();
    }

    public static Outcome of(Job j) {
        return base(ArnKind.JOB, j.arn(), j.name(), j.statusAsString(), j.resultAsString(), j.message(), j.started(), j.stopped())
                .counters(counters(j.counters()))
                .deviceMinutes(minutes(j.deviceMinutes()))
                .deviceName(deviceName(j.device()))
                .build();
    }

    public static Outcome of(RemoteAccessSession s) {
        return base(ArnKind.SESSION, s.arn(), s.name(), s.statusAsString(), s.resultAsString(), s.message(), s.started(), s.stopped())
                .deviceMinutes(minutes(s.deviceMinutes()))
                .deviceName(deviceName(s.device()))
                .build();
    }

    private static Outcome.Builder base(ArnKind kind, String arn, String name, String status, String result,
                                        String message, Instant started, Instant stopped) {
        String console;
        try {
            console = DeviceFarmArn.parse("arn", arn).consoleUrl();
        } catch (IllegalArgumentException e) {
            console = null; // Device Farm's own ARN in a shape we do not know: keep the outcome anyway.
        }
        return Outcome.builder(kind, arn).name(name).status(status).result(result).message(message)
                .startedMillis(started == null ? 0 : started.toEpochMilli())
                .stoppedMillis(stopped == null ? 0 : stopped.toEpochMilli())
                .consoleUrl(console);
    }

    /** Only https links reach the pages' href attributes: escaping does not defuse a javascript: URL. */
    private static boolean isHttps(String url) {
        return url != null && url.regionMatches(true, 0, "https://", 0, 8);
    }

    private static String deviceName(Device d) {
        return d == null ? null : d.name();
    }

    private static Counters counters(software.amazon.awssdk.services.devicefarm.model.Counters c) {
        if (c == null) {
            return Counters.ZERO;
        }
        return new Counters(i(c.total()), i(c.passed()), i(c.failed()), i(c.warned()), i(c.errored()), i(c.stopped()), i(c.skipped()));
    }

    private static DeviceMinutes minutes(software.amazon.awssdk.services.devicefarm.model.DeviceMinutes m) {
        if (m == null) {
            return DeviceMinutes.ZERO;
        }
        return new DeviceMinutes(d(m.total()), d(m.metered()), d(m.unmetered()));
    }

    private static int i(Integer v) {
        return v == null ? 0 : v;
    }

    private static double d(Double v) {
        return v == null ? 0 : v;
    }
}
