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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ./patchbay audit}: every service's {@code GET /audit/events} (as a platform admin, with the filters given),
 * merged by time. Each service is asked for its newest {@code limit} entries; the newest {@code limit} of all of them are
 * printed oldest first, one line each. A service that does not answer is named on stderr; the others are still shown.
 */
final class AuditCommand {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private AuditCommand() {
    }

    static int run(Settings settings, Path dir, Command.Audit command, PrintStream out, PrintStream err) {
        String admin = Tokens.minter(settings).mint("patchbay-audit", List.of(), List.of("admin"), null, Duration.ofMinutes(5));
        Optional<StackState> state = StackState.read(dir).filter(StackState::launcherAlive);
        String query = query(command, Clock.systemUTC());
        List<JsonNode> entries = new ArrayList<>();
        int answered = 0;
        for (ServiceDefinition service : ServiceDefinition.ALL) {
            int port = state.map(s -> s.servicePorts().get(service.name())).orElse(settings.port(service));
            try {
                entries.addAll(fetch(Health.baseUrl(port), query, admin, command.limit()));
                answered++;
            } catch (IOException e) {
                err.println(service.name() + " (port " + port + "): " + e.getMessage());
            }
        }
        for (JsonNode entry : merge(entries, command.limit())) {
            out.println(line(entry));
        }
        if (answered == 0) {
            err.println("No service answered; start the stack with: ./patchbay up");
            return 1;
        }
        return 0;
    }

    /** The query string every service gets: the filters, {@code since} as RFC 3339, at most 1000 entries a page. */
    static String query(Command.Audit command, Clock clock) {
        Map<String, String> params = new LinkedHashMap<>();
        command.resource().ifPresent(r -> params.put("resource_id", r));
        command.actor().ifPresent(a -> params.put("actor_id", a));
        command.since().ifPresent(d -> params.put("since", Instant.now(clock).minus(d).toString()));
        params.put("limit", Integer.toString(Math.min(command.limit(), 1000)));
        StringBuilder q = new StringBuilder();
        params.forEach((k, v) -> q.append(q.isEmpty() ? "?" : "&").append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return q.toString();
    }

    /** One service's newest entries, following {@code next_cursor} until {@code limit} are read. */
    private static List<JsonNode> fetch(String baseUrl, String query, String admin, int limit) throws IOException {
        List<JsonNode> entries = new ArrayList<>();
        String cursor = null;
        do {
            String url = baseUrl + "/audit/events" + query + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + admin).GET().build();
            HttpResponse<String> response;
            try {
                response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            } catch (IOException e) {
                throw new IOException("no answer on " + baseUrl);
            }
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode() + " " + response.body());
            }
            JsonNode page = JSON.readTree(response.body());
            page.path("data").forEach(entries::add);
            JsonNode next = page.path("next_cursor");
            cursor = next.isTextual() && entries.size() < limit ? next.asText() : null;
        } while (cursor != null);
        return entries;
    }

    /** The newest {@code limit} entries of all services, oldest first (ties: by service, then id). */
    static List<JsonNode> merge(List<JsonNode> entries, int limit) {
        Comparator<JsonNode> byTime = Comparator.comparing((JsonNode e) -> Instant.parse(e.path("occurred_at").asText()))
                .thenComparing(e -> e.path("service").asText()).thenComparing(e -> e.path("id").asText());
        List<JsonNode> newest = entries.stream().sorted(byTime.reversed()).limit(limit).toList();
        List<JsonNode> out = new ArrayList<>(newest);
        out.sort(byTime);
        return out;
    }

    /** {@code 2025-01-31T12:00:00.123Z config-service configuration.disabled configuration icfg_… team_a by system (plan_downgrade) …}. */
    static String line(JsonNode e) {
        StringBuilder s = new StringBuilder();
        s.append(e.path("occurred_at").asText()).append("  ").append(String.format("%-19s", e.path("service").asText())).append(' ')
                .append(e.path("action").asText()).append(' ').append(e.path("resource").path("type").asText()).append(' ')
                .append(e.path("resource").path("id").asText());
        if (e.path("team_id").isTextual()) {
            s.append(" team ").append(e.path("team_id").asText());
        }
        JsonNode actor = e.path("actor");
        s.append(" by ").append(actor.path("type").asText()).append(' ').append(actor.path("id").asText());
        JsonNode cause = e.path("cause");
        if (cause.path("trigger").isTextual()) {
            s.append(" (").append(cause.path("trigger").asText()).append(')');
        } else if (cause.path("event_type").isTextual()) {
            s.append(" (event ").append(cause.path("event_type").asText()).append(' ').append(cause.path("event_id").asText()).append(')');
        }
        if (e.path("request_id").isTextual()) {
            s.append(" request ").append(e.path("request_id").asText());
        }
        JsonNode changes = e.path("changes");
        if (changes.isObject() && !changes.isEmpty()) {
            s.append(" |");
            Iterator<Map.Entry<String, JsonNode>> fields = changes.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                s.append(' ').append(f.getKey()).append(": ").append(f.getValue().path("from")).append(" -> ").append(f.getValue().path("to"))
                        .append(fields.hasNext() ? ";" : "");
            }
        }
        return s.toString();
    }
}
