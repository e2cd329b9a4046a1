package io.jenkins.plugins.devicefarm.simulator;

import java.time.Instant;

/**
 * One request as the simulator saw it.
 *
 * @param simTime      the simulator clock when the request arrived
 * @param receivedNanos {@link System#nanoTime()} when it arrived, for measuring real latencies
 * @param operation    e.g. {@code StopRun}
 * @param arn          the ARN the request is about ({@code arn}, else {@code projectArn}/{@code deviceArn}), or null
 * @param httpStatus   the status sent, or 0 when the connection was dropped on purpose
 * @param errorCode    e.g. {@code ThrottlingException}, or null on success
 */
public record JournalEntry(
        Instant simTime, long receivedNanos, String operation, String arn, int httpStatus, String errorCode) {

    public boolean succeeded() {
        return httpStatus == 200;
    }
}
