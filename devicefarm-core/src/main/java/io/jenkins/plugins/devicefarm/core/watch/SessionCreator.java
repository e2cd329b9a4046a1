package io.jenkins.plugins.devicefarm.core.watch;

import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.model.Outcome;
import io.jenkins.plugins.devicefarm.core.session.PreparedSession;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.devicefarm.DeviceFarmClient;
import software.amazon.awssdk.services.devicefarm.model.CreateRemoteAccessSessionRequest;
import software.amazon.awssdk.services.devicefarm.model.RemoteAccessSession;

/**
 * CreateRemoteAccessSession, which has no idempotency token, as an {@link AdoptableCreate}: a
 * create whose answer was lost may still have made a session that bills, so {@link CreateOrAdopt}
 * looks for it by the unique name the prepared session carries and adopts it.
 */
final class SessionCreator implements AdoptableCreate<Outcome> {
    private final DeviceFarmClient client;
    private final CreateRemoteAccessSessionRequest request;
    private final DeviceFarmArn project;

    /** A session Device Farm has confirmed with {@link SessionPreparer}, under its unique name. */
    SessionCreator(DeviceFarmClient client, PreparedSession prepared) {
        this.request = prepared.request().toBuilder()
                .overrideConfiguration(prepared.parameters().isEmpty() ? DeviceFarmCalls.SINGLE_ATTEMPT
                        : ConfigurationParameters.singleAttemptWith(prepared.parameters()))
                .build();
        this.project = prepared.project();
        this.client = client;
    }

    @Override
    public String operation() {
        return "CreateRemoteAccessSession";
    }

    @Override
    public String subject() {
        return "session '" + request.name() + "' in project " + project;
    }

    @Override
    public Outcome create() {
        return OutcomeMapper.of(client.createRemoteAccessSession(request).remoteAccessSession());
    }

    @Override
    public Optional<Outcome> findCreated() {
        return newestNamed(listSessions(client, project), request.name());
    }

    @Override
    public String ifUnknown() {
        return "If it exists it is billing: stop it at " + project.consoleUrl();
    }

    /** The newest session of that unique name, if any. */
    static Optional<Outcome> newestNamed(List<RemoteAccessSession> sessions, String uniqueName) {
        return sessions.stream()
                .filter(s -> uniqueName.equals(s.name()))
                .max(Comparator.comparing(RemoteAccessSession::created, Comparator.nullsFirst(Comparator.naturalOrder())))
                .map(OutcomeMapper::of);
    }

    /** ListRemoteAccessSessions has no SDK paginator: follow nextToken by hand. */
    static List<RemoteAccessSession> listSessions(DeviceFarmClient client, DeviceFarmArn project) {
        List<RemoteAccessSession> all = new ArrayList<>();
        String token = null;
        do {
            String t = token;
            var page = client.listRemoteAccessSessions(r -> r.arn(project.toString()).nextToken(t)
                    .overrideConfiguration(DeviceFarmCalls.SINGLE_ATTEMPT));
            all.addAll(page.remoteAccessSessions());
            token = page.nextToken();
        } while (token != null && !token.isEmpty());
        return all;
    }
}
