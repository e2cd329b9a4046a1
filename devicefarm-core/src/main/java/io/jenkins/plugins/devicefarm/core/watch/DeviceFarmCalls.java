package io.jenkins.plugins.devicefarm.core.watch;

import io.jenkins.plugins.devicefarm.core.arn.ArnKind;
import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.model.Outcome;
import io.jenkins.plugins.devicefarm.core.session.RemoteEndpoints;
import java.util.List;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.devicefarm.DeviceFarmClient;
import software.amazon.awssdk.services.devicefarm.model.RemoteAccessSession;

/**
 * The Get/Stop calls per resource kind. Each call is made once, without the SDK's own
 * retries: the scheduler retries later instead, so no thread sleeps through a backoff.
 */
public final class DeviceFarmCalls {
    /** Per-request override: one attempt, whatever retry strategy the client was built with. */
    public static final AwsRequestOverrideConfiguration SINGLE_ATTEMPT = AwsRequestOverrideConfiguration.builder()
            .addPlugin(config -> config.overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())))
            .build();

    private DeviceFarmCalls() {}

    static Observation get(DeviceFarmClient c, DeviceFarmArn arn) {
        String a = arn.toString();
        return switch (arn.kind()) {
            case RUN -> new Observation(OutcomeMapper.of(c.getRun(r -> r.arn(a).overrideConfiguration(SINGLE_ATTEMPT)).run()), null);
            case JOB -> new Observation(OutcomeMapper.of(c.getJob(r -> r.arn(a).overrideConfiguration(SINGLE_ATTEMPT)).job()), null);
            case SESSION -> session(c.getRemoteAccessSession(r -> r.arn(a).overrideConfiguration(SINGLE_ATTEMPT)).remoteAccessSession());
            default -> throw unsupported(arn);
        };
    }

    static Observation stop(DeviceFarmClient c, DeviceFarmArn arn) {
        String a = arn.toString();
        return switch (arn.kind()) {
            case RUN -> new Observation(OutcomeMapper.of(c.stopRun(r -> r.arn(a).overrideConfiguration(SINGLE_ATTEMPT)).run()), null);
            case JOB -> new Observation(OutcomeMapper.of(c.stopJob(r -> r.arn(a).overrideConfiguration(SINGLE_ATTEMPT)).job()), null);
            case SESSION -> session(c.stopRemoteAccessSession(r -> r.arn(a).overrideConfiguration(SINGLE_ATTEMPT)).remoteAccessSession());
            default -> throw unsupported(arn);
        };
    }

    /** Every job of a run, across all pages. */
    static List<Outcome> listJobs(DeviceFarmClient c, DeviceFarmArn run) {
        return c.listJobsPaginator(r -> r.arn(run.toString())).jobs().stream().map(OutcomeMapper::of).toList();
    }

    static void requireWatchable(DeviceFarmArn arn) {
        if (arn.kind() != ArnKind.RUN && arn.kind() != ArnKind.JOB && arn.kind() != ArnKind.SESSION) {
            throw unsupported(arn);
        }
    }

    private static Observation session(RemoteAccessSession s) {
        return new Observation(OutcomeMapper.of(s), RemoteEndpoints.of(s));
    }

    private static IllegalArgumentException unsupported(DeviceFarmArn arn) {
        return new io.jenkins.plugins.devicefarm.core.InvalidInputException("arn",
                "is the ARN of " + arn.kind().withArticle() + ", which cannot be watched or stopped",
                "Enter the ARN of a run, a job or a remote access session");
    }
}
