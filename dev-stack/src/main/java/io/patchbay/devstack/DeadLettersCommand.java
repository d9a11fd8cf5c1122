package io.patchbay.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ./patchbay dead-letters [list | replay ID | replay --all]}: the dead letters of the lifecycle consumers
 * (environment-, oauth- and catalog-service), through their {@code /admin/dead-letters} API with a short-lived admin
 * token. {@code list} prints every dead letter of every consumer, newest first per service; {@code replay ID} finds the
 * service that holds the dead letter and replays it; {@code replay --all} replays every dead letter not yet replayed
 * with success (never replayed, or whose last replay failed). Exit code 0 when every replay was applied, a duplicate or
 * stale; 1 when one failed again, a service did not answer or the id is unknown.
 */
final class DeadLettersCommand {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private DeadLettersCommand() {
    }

    static int run(Settings settings, Path dir, Command.DeadLetters command, PrintStream out, PrintStream err) {
        String admin = Tokens.minter(settings).mint("patchbay-dead-letters", List.of(), List.of("admin"), null, Duration.ofMinutes(5));
        Optional<StackState> state = StackState.read(dir).filter(StackState::launcherAlive);
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (ServiceDefinition service : ServiceDefinition.ALL) {
            if (service.consumer()) {
                Integer port = state.map(s -> s.servicePorts().get(service.name())).orElse(null);
                ports.put(service.name(), port != null ? port : settings.port(service));
            }
        }
        return run(ports, admin, command, out, err);
    }

    /** @param consumers the consuming services and their HTTP ports, in display order */
    static int run(Map<String, Integer> consumers, String adminToken, Command.DeadLetters command, PrintStream out, PrintStream err) {
        return switch (command.action()) {
            case LIST -> list(consumers, adminToken, out, err);
            case REPLAY -> command.all() ? replayAll(consumers, adminToken, out, err)
                    : replayOne(consumers, adminToken, command.id().orElseThrow(), out, err);
        };
    }

    private static int list(Map<String, Integer> consumers, String token, PrintStream out, PrintStream err) {
        int code = 0;
        int shown = 0;
        for (Map.Entry<String, Integer> service : consumers.entrySet()) {
            Optional<List<JsonNode>> letters = all(service.getValue(), token, service.getKey(), err);
            if (letters.isEmpty()) {
                code = 1;
                continue;
            }
            for (JsonNode d : letters.get()) {
                out.println(line(service.getKey(), d));
                shown++;
            }
        }
        if (shown == 0 && code == 0) {
            out.println("No dead letters.");
        }
        return code;
    }

    private static int replayOne(Map<String, Integer> consumers, String token, String id, PrintStream out, PrintStream err) {
        boolean unreachable = false;
        for (Map.Entry<String, Integer> service : consumers.entrySet()) {
            Optional<Answer> found = call("GET", service.getValue(), "/admin/dead-letters/" + enc(id), token);
            if (found.isEmpty()) {
                unreachable = true;
                continue;
            }
            if (found.get().status() == 400) {
                err.println("patchbay dead-letters: " + detail(found.get()));
                return 1;
            }
            if (found.get().status() == 200) {
                return replay(service.getKey(), service.getValue(), token, id, out, err) ? 0 : 1;
            }
        }
        err.println("patchbay dead-letters: no consumer holds dead letter " + id
                + (unreachable ? " (some services did not answer: is ./patchbay up running?)" : ""));
        return 1;
    }

    private static int replayAll(Map<String, Integer> consumers, String token, PrintStream out, PrintStream err) {
        int replayed = 0;
        int failed = 0;
        for (Map.Entry<String, Integer> service : consumers.entrySet()) {
            Optional<List<JsonNode>> letters = all(service.getValue(), token, service.getKey(), err);
            if (letters.isEmpty()) {
                failed++;
                continue;
            }
            for (JsonNode d : letters.get()) {
                JsonNode last = d.get("last_replay");
                if (last != null && !last.isNull() && !"failed".equals(last.path("outcome").asText())) {
                    continue; // applied, a duplicate or stale already
                }
                replayed++;
                if (!replay(service.getKey(), service.getValue(), token, d.get("id").asText(), out, err)) {
                    failed++;
                }
            }
        }
        out.println(replayed == 0 ? "Nothing to replay." : "Replayed " + replayed + ", " + failed + " failed.");
        return failed == 0 ? 0 : 1;
    }

    /** Replays one dead letter and prints the outcome; true when the inbox took it (applied, duplicate, stale). */
    private static boolean replay(String service, int port, String token, String id, PrintStream out, PrintStream err) {
        Optional<Answer> answer = call("POST", port, "/admin/dead-letters/" + enc(id) + "/replay", token);
        if (answer.isEmpty()) {
            err.println(String.format("%-20s %s  no answer on port %d", service, id, port));
            return false;
        }
        if (answer.get().status() == 200) {
            out.println(String.format("%-20s %s  %s", service, id, answer.get().json().path("outcome").asText("?")));
            return true;
        }
        out.println(String.format("%-20s %s  failed (HTTP %d): %s", service, id, answer.get().status(), detail(answer.get())));
        return false;
    }

    /** Every dead letter of one service, following the cursors; empty (with a message) when it does not answer as expected. */
    private static Optional<List<JsonNode>> all(int port, String token, String service, PrintStream err) {
        List<JsonNode> out = new ArrayList<>();
        String cursor = null;
        do {
            Optional<Answer> page = call("GET", port, "/admin/dead-letters?limit=1000" + (cursor == null ? "" : "&cursor=" + enc(cursor)), token);
            if (page.isEmpty()) {
                err.println("patchbay dead-letters: " + service + " does not answer on port " + port + " (is ./patchbay up running?)");
                return Optional.empty();
            }
            if (page.get().status() != 200) {
                err.println("patchbay dead-letters: " + service + " answered HTTP " + page.get().status() + ": " + detail(page.get()));
                return Optional.empty();
            }
            page.get().json().path("data").forEach(out::add);
            JsonNode next = page.get().json().get("next_cursor");
            cursor = next == null || next.isNull() ? null : next.asText();
        } while (cursor != null);
        return Optional.of(out);
    }

    static String line(String service, JsonNode d) {
        String type = d.path("event_type").asText("-").replace("io.patchbay.configuration.", "").replace(".v1", "");
        JsonNode last = d.get("last_replay");
        String replay = last == null || last.isNull() ? "-" : last.path("outcome").asText();
        String error = d.path("error").path("message").asText("");
        if (error.length() > 120) {
            error = error.substring(0, 120) + "…";
        }
        return String.format("%-20s %s  %s  %-11s %-30s attempts %-3d replay %-9s %s", service, d.path("id").asText(),
                d.path("dead_lettered_at").asText("-"), type, d.path("subject").asText("-"), d.path("attempts").asInt(), replay,
                error.replace('\n', ' '));
    }

    private record Answer(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                return JSON.createObjectNode();
            }
        }
    }

    private static String detail(Answer answer) {
        JsonNode detail = answer.json().get("detail");
        return detail == null || detail.isNull() ? answer.body() : detail.asText();
    }

    private static Optional<Answer> call(String method, int port, String path, String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(Health.baseUrl(port) + path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token).method(method, HttpRequest.BodyPublishers.noBody()).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return Optional.of(new Answer(response.statusCode(), response.body()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
