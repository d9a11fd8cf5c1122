package io.patchbay.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code ./patchbay dead-letters} against stand-ins of two consumers' {@code /admin/dead-letters} (the real API is
 * tested in shared-kernel's DeadLetterIT and each consumer's DeadLettersIT): it sends the admin token, follows the
 * cursors, finds the service that holds an id, replays only what was not replayed with success, and says what failed.
 */
class DeadLettersCommandTest {
    private static final String A1 = "11111111-1111-1111-1111-111111111111";
    private static final String A2 = "22222222-2222-2222-2222-222222222222";
    private static final String B1 = "33333333-3333-3333-3333-333333333333";
    private final List<HttpServer> servers = new ArrayList<>();
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() {
        servers.forEach(s -> s.stop(0));
    }

    private static String letter(String id, String subject, String lastReplay) {
        return "{\"id\":\"" + id + "\",\"event_type\":\"io.patchbay.configuration.disabled.v1\",\"subject\":\"" + subject
                + "\",\"dead_lettered_at\":\"2026-01-01T00:00:00.000Z\",\"attempts\":5,\"error\":{\"class\":\"X\",\"message\":\"refused\"},"
                + "\"last_replay\":" + (lastReplay == null ? "null" : "{\"at\":\"2026-01-01T00:00:01.000Z\",\"outcome\":\"" + lastReplay + "\"}") + "}";
    }

    /** A consumer stand-in: pages of dead letters (two per page), and replay answers by id. */
    private int consumer(String name, List<String> letters, Map<String, String> replays) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/admin/dead-letters", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getRawQuery();
            requests.add(name + " " + exchange.getRequestMethod() + " " + path + (query == null ? "" : "?" + query));
            if (!"Bearer".equals(exchange.getRequestHeaders().getFirst("Authorization").split(" ")[0])) {
                answer(exchange, 401, "{}");
                return;
            }
            if (path.equals("/admin/dead-letters")) {
                boolean second = query != null && query.contains("cursor=page2");
                List<String> page = second ? letters.subList(Math.min(2, letters.size()), letters.size()) : letters.subList(0, Math.min(2, letters.size()));
                answer(exchange, 200, "{\"data\":[" + String.join(",", page) + "],\"next_cursor\":"
                        + (!second && letters.size() > 2 ? "\"page2\"" : "null") + "}");
            } else if (path.endsWith("/replay")) {
                String id = path.split("/")[3];
                String outcome = replays.get(id);
                if (outcome == null) {
                    answer(exchange, 404, "{\"detail\":\"dead letter " + id + " not found\"}");
                } else if (outcome.equals("failed")) {
                    answer(exchange, 409, "{\"code\":\"replay_failed\",\"detail\":\"the event failed again: refused\"}");
                } else {
                    answer(exchange, 200, "{\"outcome\":\"" + outcome + "\"}");
                }
            } else {
                String id = path.substring("/admin/dead-letters/".length());
                boolean known = letters.stream().anyMatch(l -> l.contains(id));
                answer(exchange, known ? 200 : 404, known ? "{}" : "{\"detail\":\"not found\"}");
            }
        });
        server.start();
        servers.add(server);
        return server.getAddress().getPort();
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private record Run(int code, String out, String err) {
    }

    private Run run(Map<String, Integer> ports, Command.DeadLetters command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = DeadLettersCommand.run(ports, "admin-token", command, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Map<String, Integer> twoConsumers(Map<String, String> replaysA, Map<String, String> replaysB) throws IOException {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("environment-service", consumer("env", List.of(letter(A1, "icfg_a1", null), letter(A2, "icfg_a2", "applied"),
                letter("44444444-4444-4444-4444-444444444444", "icfg_a3", "failed")), replaysA));
        ports.put("oauth-service", consumer("oauth", List.of(letter(B1, "icfg_b1", null)), replaysB));
        return ports;
    }

    @Test
    void listPrintsEveryDeadLetterOfEveryConsumerFollowingTheCursors() throws IOException {
        Run run = run(twoConsumers(Map.of(), Map.of()), new Command.DeadLetters(Optional.empty(), Command.DeadLetters.Action.LIST,
                Optional.empty(), false));
        assertThat(run.code()).isZero();
        assertThat(run.out().lines()).hasSize(4);
        assertThat(run.out()).contains("environment-service  " + A1).contains("icfg_a3").contains("oauth-service        " + B1)
                .contains("disabled").contains("attempts 5").contains("replay applied").contains("refused");
        assertThat(requests).contains("env GET /admin/dead-letters?limit=1000&cursor=page2");
    }

    @Test
    void replayOfOneIdFindsItsServiceAndPrintsTheOutcome() throws IOException {
        Map<String, Integer> ports = twoConsumers(Map.of(), Map.of(B1, "duplicate"));
        Run run = run(ports, new Command.DeadLetters(Optional.empty(), Command.DeadLetters.Action.REPLAY, Optional.of(B1), false));
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("oauth-service").contains(B1).contains("duplicate");
        assertThat(requests).contains("oauth POST /admin/dead-letters/" + B1 + "/replay").noneMatch(r -> r.startsWith("env POST"));

        Run unknown = run(ports, new Command.DeadLetters(Optional.empty(), Command.DeadLetters.Action.REPLAY,
                Optional.of("55555555-5555-5555-5555-555555555555"), false));
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).contains("no consumer holds dead letter");
    }

    @Test
    void replayAllSkipsWhatWasReplayedWithSuccessAndFailsWhenOneFailsAgain() throws IOException {
        Map<String, Integer> ports = twoConsumers(Map.of(A1, "applied", "44444444-4444-4444-4444-444444444444", "failed"),
                Map.of(B1, "stale"));
        Run run = run(ports, new Command.DeadLetters(Optional.empty(), Command.DeadLetters.Action.REPLAY, Optional.empty(), true));
        assertThat(run.code()).isEqualTo(1);
        assertThat(requests.stream().filter(r -> r.contains("POST")).toList()).containsExactly(
                "env POST /admin/dead-letters/" + A1 + "/replay", "env POST /admin/dead-letters/44444444-4444-4444-4444-444444444444/replay",
                "oauth POST /admin/dead-letters/" + B1 + "/replay");
        assertThat(run.out()).contains(A1 + "  applied").contains("failed (HTTP 409): the event failed again: refused").contains(B1 + "  stale")
                .contains("Replayed 3, 1 failed.");
    }

    @Test
    void aConsumerThatDoesNotAnswerIsReported() throws IOException {
        int closed;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            closed = probe.getLocalPort();
        }
        Run run = run(Map.of("catalog-service", closed), new Command.DeadLetters(Optional.empty(), Command.DeadLetters.Action.LIST,
                Optional.empty(), false));
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("catalog-service does not answer on port " + closed);
    }
}
