package io.jenkins.plugins.devicefarm.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** CreateUpload, GetUpload, ListUploads and DeleteUpload, and the JSON shape of an Upload. */
final class UploadOperations {
    private final DeviceFarmState state;
    private final Pager pager;

    UploadOperations(DeviceFarmState state, Pager pager) {
        this.state = state;
        this.pager = pager;
    }

    ObjectNode create(JsonNode request, Instant now) {
        ScenarioProject project = state.project("projectArn", Requests.required(request, "projectArn"));
        String name = Requests.required(request, "name");
        String type = Requests.required(request, "type");
        Requests.oneOf(request, "type", UploadKinds.EXTENSIONS.keySet(), null);
        String contentType = Requests.optional(request, "contentType");
        if (contentType != null && contentType.length() > 64) {
            throw ApiException.argument("Invalid contentType: at most 64 characters.");
        }
        SimUpload upload = state.uploads().create(state.accountId(), project,
                new SimUpload.Request(project.id(), name, type, contentType), now);
        return wrap(upload, now);
    }

    ObjectNode get(JsonNode request, Instant now) {
        return wrap(state.uploads().get("arn", Requests.required(request, "arn")), now);
    }

    ObjectNode list(JsonNode request, Instant now) {
        ScenarioProject project = state.project("arn", Requests.required(request, "arn"));
        String type = Requests.oneOf(request, "type", UploadKinds.EXTENSIONS.keySet(), null);
        return pager.page(request, "uploads", state.uploads().list(project, type), u -> view(u, now));
    }

    ObjectNode delete(JsonNode request, Instant now) {
        Uploads uploads = state.uploads();
        uploads.delete(uploads.get("arn", Requests.required(request, "arn")));
        return Json.object();
    }

    private ObjectNode wrap(SimUpload upload, Instant now) {
        ObjectNode response = Json.object();
        response.set("upload", view(upload, now));
        return response;
    }

    private ObjectNode view(SimUpload upload, Instant now) {
        ObjectNode node = Json.object()
                .put("arn", upload.arn())
                .put("name", upload.name());
        Json.putTime(node, "created", upload.created());
        node.put("type", upload.type()).put("status", upload.status(now));
        if (!now.isAfter(upload.urlExpires())) {
            node.put("url", state.uploads().url(upload));
        }
        SimUpload.Verdict verdict = upload.finalVerdict(now);
        if (verdict != null) {
            Json.putIfPresent(node, "metadata", verdict.metadata());
        }
        Json.putIfPresent(node, "contentType", upload.request().contentType());
        if (verdict != null) {
            Json.putIfPresent(node, "message", verdict.message());
        }
        node.put("category", "PRIVATE");
        return node;
    }
}
