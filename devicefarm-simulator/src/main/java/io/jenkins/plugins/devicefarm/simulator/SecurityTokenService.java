package io.jenkins.plugins.devicefarm.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * STS AssumeRole as the SDK's {@code sts} client sends it: the AWS Query protocol, a
 * form-encoded {@code POST /} with {@code Action=AssumeRole&Version=2011-06-15&RoleArn=...}, signed
 * for {@code sts}, answered in XML. Enough for tests to count how often credentials that assume
 * an IAM role are resolved (each call is journaled as operation {@code AssumeRole}, ARN the role).
 */
final class SecurityTokenService {
    static final String VERSION = "2011-06-15";
    private static final String XMLNS = "https://sts.amazonaws.com/doc/" + VERSION + "/";
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws:iam::\\d{12}:role/[\\w+=,.@/-]{1,512}");
    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");

    private final Journal journal;
    private final AtomicLong issued = new AtomicLong();

    SecurityTokenService(Journal journal) {
        this.journal = journal;
    }

    /** A Query-protocol request (form-encoded, no X-Amz-Target): STS, not Device Farm. */
    static boolean isFor(HttpExchange exchange) {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        return exchange.getRequestHeaders().getFirst("X-Amz-Target") == null
                && type != null && type.startsWith("application/x-www-form-urlencoded");
    }

    void handle(HttpExchange exchange, byte[] body, Instant now, long receivedNanos) throws IOException {
        Map<String, String> form = form(new String(body, StandardCharsets.UTF_8));
        String action = form.getOrDefault("Action", "");
        String role = form.get("RoleArn");
        try {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization == null || !authorization.contains("/sts/aws4_request")) {
                throw new ApiException("IncompleteSignature", 400, "The request must be signed with SigV4 for the service 'sts'.");
            }
            if (!"AssumeRole".equals(action)) {
                throw new ApiException("InvalidAction", 400, "Could not find operation " + action + " for version " + VERSION);
            }
            if (role == null || !ROLE_ARN.matcher(role).matches()) {
                throw validation("roleArn", role);
            }
            String sessionName = form.get("RoleSessionName");
            if (sessionName == null || !SESSION_NAME.matcher(sessionName).matches()) {
                throw validation("roleSessionName", sessionName);
            }
            int seconds = seconds(form.get("DurationSeconds"));
            byte[] answer = assumeRole(role, sessionName, now.plusSeconds(seconds)).getBytes(StandardCharsets.UTF_8);
            journal.record(new JournalEntry(now, receivedNanos, "AssumeRole", role, 200, null));
            send(exchange, 200, answer);
        } catch (ApiException e) {
            journal.record(new JournalEntry(now, receivedNanos, action.isEmpty() ? "STS" : action, role, e.status(), e.code()));
            send(exchange, e.status(), error(e).getBytes(StandardCharsets.UTF_8));
        }
    }

    private String assumeRole(String role, String sessionName, Instant expiration) {
        long n = issued.incrementAndGet();
        String account = role.substring("arn:aws:iam::".length(), "arn:aws:iam::".length() + 12);
        String roleName = role.substring(role.lastIndexOf('/') + 1);
        return "<AssumeRoleResponse xmlns=\"" + XMLNS + "\">"
                + "<AssumeRoleResult>"
                + "<Credentials>"
                + "<AccessKeyId>ASIASIMULATOR" + String.format("%07d", n) + "</AccessKeyId>"
                + "<SecretAccessKey>simulated/secret/" + UUID.randomUUID() + "</SecretAccessKey>"
                + "<SessionToken>simulated-session-token-" + UUID.randomUUID() + "</SessionToken>"
                + "<Expiration>" + expiration + "</Expiration>"
                + "</Credentials>"
                + "<AssumedRoleUser>"
                + "<AssumedRoleId>AROASIMULATOR:" + sessionName + "</AssumedRoleId>"
                + "<Arn>arn:aws:sts::" + account + ":assumed-role/" + roleName + "/" + sessionName + "</Arn>"
                + "</AssumedRoleUser>"
                + "<PackedPolicySize>0</PackedPolicySize>"
                + "</AssumeRoleResult>"
                + "<ResponseMetadata><RequestId>" + UUID.randomUUID() + "</RequestId></ResponseMetadata>"
                + "</AssumeRoleResponse>";
    }

    /** STS answers 900 s to 12 h; 1 h when not given. */
    private static int seconds(String value) {
        if (value == null) {
            return 3600;
        }
        try {
            int s = Integer.parseInt(value);
            if (s >= 900 && s <= 43_200) {
                return s;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ApiException("ValidationError", 400, "1 validation error detected: Value '" + value
                + "' at 'durationSeconds' failed to satisfy constraint: Member must have value between 900 and 43200");
    }

    private static ApiException validation(String member, String value) {
        return new ApiException("ValidationError", 400, "1 validation error detected: Value '" + value + "' at '" + member
                + "' failed to satisfy constraint: Member must satisfy regular expression pattern");
    }

    private static String error(ApiException e) {
        return "<ErrorResponse xmlns=\"" + XMLNS + "\"><Error><Type>Sender</Type><Code>" + e.code() + "</Code><Message>"
                + escape(e.getMessage()) + "</Message></Error><RequestId>" + UUID.randomUUID() + "</RequestId></ErrorResponse>";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&apos;").replace("\"", "&quot;");
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.put(key, value);
        }
        return form;
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/xml");
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }
}
