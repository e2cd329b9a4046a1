package io.jenkins.plugins.devicefarm.core.watch;

import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.model.Outcome;
import io.jenkins.plugins.devicefarm.core.session.SessionRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.devicefarm.DeviceFarmClient;
import software.amazon.awssdk.services.devicefarm.model.CreateRemoteAccessSessionRequest;
import software.amazon.awssdk.services.devicefarm.model.RemoteAccessSession;

/**
 * Creates a remote access session without ever losing one. CreateRemoteAccessSession has no
 * idempotency token, so a create whose answer was lost (network fault, server error) may
 * still have made a session that bills; {@link CreateOrAdopt} then finds it by its unique name.
 */
final class SessionCreator implements AdoptableCreate<Outcome> {
    private final DeviceFarmClient client;
    private final CreateRemoteAccessSessionRequest request;
    private final DeviceFarmArn project;

    /** Validates the request at once: bad input throws here, before anything is sent. */
    SessionCreator(DeviceFarmClient client, SessionRequest request) {
        CreateRemoteAccessSessionRequest validated = request.toSdkRequest(); // bad input throws before anything else
        this.request = validated.toBuilder().name(uniqueName(validated.name()))
                .overrideConfiguration(DeviceFarmCalls.SINGLE_ATTEMPT).build();
        this.project = request.project();
        this.client = client;
    }

    static String uniqueName(String name) {
        return CreateOrAdopt.uniqueName(name, SessionRequest.MAX_NAME_LENGTH);
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
        return listSessions().stream()
                .filter(s -> request.name().equals(s.name()))
                .max(Comparator.comparing(RemoteAccessSession::created, Comparator.nullsFirst(Comparator.naturalOrder())))
                .map(OutcomeMapper::of);
    }

    @Override
    public String ifUnknown() {
        return "If it exists it is billing: stop it at " + project.consoleUrl();
    }

    /** ListRemoteAccessSessions has no SDK paginator: follow nextToken by hand. */
    private List<RemoteAccessSession> listSessions() {
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
