package io.jenkins.plugins.devicefarm.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * nextToken pagination; {@code maxResults}, where an operation has it, can only make pages smaller. Tokens are opaque to callers and name the list they belong to, so a token
 * from ListRuns handed to ListJobs is refused (ArgumentException), as a real service would.
 */
final class Pager {
    private final int pageSize;

    Pager(int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("page size must be at least 1: " + pageSize);
        }
        this.pageSize = pageSize;
    }

    <T> ObjectNode page(JsonNode request, String listName, List<T> items, Function<T, ObjectNode> view) {
        int from = offset(Requests.optional(request, "nextToken"), listName);
        int size = Requests.intInRange(request, "maxResults", 1, 1000, pageSize);
        int to = Math.min(items.size(), from + Math.min(size, pageSize));
        ObjectNode response = Json.object();
        ArrayNode array = response.putArray(listName);
        for (T item : items.subList(Math.min(from, items.size()), to)) {
            array.add(view.apply(item));
        }
        if (to < items.size()) {
            response.put("nextToken", token(listName, to));
        }
        return response;
    }

    private static String token(String listName, int offset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((listName + ":" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int offset(String token, String listName) {
        if (token == null) {
            return 0;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (decoded.startsWith(listName + ":")) {
                int offset = Integer.parseInt(decoded.substring(listName.length() + 1));
                if (offset >= 0) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the ArgumentException below
        }
        throw ApiException.argument("Invalid nextToken: " + token);
    }
}
