package io.jenkins.plugins.devicefarm.core.watch;

import java.util.Optional;

/**
 * A Device Farm create call with no idempotency token (CreateRemoteAccessSession, ScheduleRun):
 * when its answer is lost, the resource may exist and bill all the same. The engine then looks
 * for it by the unique name it was given ({@link #findCreated()}) and adopts it rather than
 * create a second one; only when it is certainly absent does it create again.
 */
public interface AdoptableCreate<T> {
    /** The operation, for messages, e.g. {@code ScheduleRun}. */
    String operation();

    /** What is being created, for messages, e.g. {@code run 'nightly [1a2b3c4d]' in project arn:...}. */
    String subject();

    /** One attempt at the create call (no SDK retries); throws as the SDK does. */
    T create();

    /** The newest resource that bears the unique name, if Device Farm made one; throws as the SDK does. */
    Optional<T> findCreated();

    /** What the user must do if it cannot be told whether the resource exists, e.g. where to stop it. */
    String ifUnknown();
}
