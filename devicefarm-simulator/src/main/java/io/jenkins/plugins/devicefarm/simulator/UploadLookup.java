package io.jenkins.plugins.devicefarm.simulator;

import java.time.Instant;
import java.util.Optional;

/**
 * Where the account's uploads are found when a request names one (a session's app, its auxiliary
 * apps). The scenario's uploads are one source; uploads created through the API are another.
 */
interface UploadLookup {
    /** The upload as it stands at {@code now}, or empty if the account has none with this ARN. */
    Optional<KnownUpload> find(String arn, Instant now);

    /** What a request check needs of an upload. */
    record KnownUpload(String arn, String projectId, String name, String type, String status) {}

    /** The uploads a scenario declares: they exist, in their declared status, from the start. */
    static UploadLookup of(Scenario scenario) {
        return (arn, now) -> scenario.uploads().stream()
                .map(u -> new KnownUpload(Arns.upload(scenario.accountId(), u.project(), u.id()), u.project(), u.name(),
                        u.type(), u.status()))
                .filter(u -> u.arn().equals(arn))
                .findFirst();
    }
}
