package io.patchbay.devstack;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * {@code ./patchbay status}: PostgreSQL and Kafka (do they accept connections?), each service's {@code GET /health}
 * and, for the lifecycle consumers, their consumer group's lag on the lifecycle topic.
 * Ports come from the running stack's {@code stack.properties} when there is one, else from the environment.
 * Exit code 0 when every service that runs (or should run) is UP.
 */
final class StatusCommand {

    private static final Set<String> READINESS = Set.of("jdbc", "kafka");

    private StatusCommand() {
    }

    static int run(Settings settings, Path dir, PrintStream out) {
        // health details (database, Kafka) are for platform admins only
        String admin = Tokens.minter(settings).mint("patchbay-status", java.util.List.of(), java.util.List.of("admin"), null,
                java.time.Duration.ofMinutes(1));
        Optional<StackState> state = StackState.read(dir).filter(StackState::launcherAlive);
        int pgPort = state.map(StackState::postgresPort).orElse(settings.pgPort());
        int kafkaPort = state.map(StackState::kafkaPort).orElse(settings.kafkaPort());
        out.println(state.map(s -> "Patchbay launcher running (pid " + s.pid() + ", data in " + DevStack.display(dir) + ")")
                .orElse("No running ./patchbay up found for " + DevStack.display(dir) + "; checking the configured ports."));
        out.printf("  %-20s %-6s %s%n", "PostgreSQL", pgPort, accepts(pgPort) ? "UP" : "DOWN");
        boolean external = settings.externalKafka() && state.isEmpty();
        boolean kafkaUp = external || accepts(kafkaPort);
        if (!external) {
            out.printf("  %-20s %-6s %s%n", "Kafka", kafkaPort, kafkaUp ? "UP" : "DOWN");
        }
        Map<String, OptionalLong> lags = kafkaUp
                ? ConsumerLag.of(settings.kafkaClient(kafkaPort),
                        ServiceDefinition.ALL.stream()
                        .filter(ServiceDefinition::consumer).map(ServiceDefinition::name).toList())
                : Map.of();
        boolean allUp = true;
        int checked = 0;
        for (ServiceDefinition service : ServiceDefinition.ALL) {
            Integer port = state.map(s -> s.servicePorts().get(service.name())).orElse(null);
            if (port == null) {
                if (state.isPresent() || ServiceJars.runnableJar(settings.root(), service).isEmpty()) {
                    out.printf("  %-20s %-6s %s%n", service.name(), "-", "not part of this stack (no runnable jar)");
                    continue;
                }
                port = settings.port(service);
            }
            checked++;
            Health.Report health = Health.check(port, "/health", admin);
            allUp &= health.up();
            out.printf("  %-20s %-6d %s%s%s%n", service.name(), port, health.up() ? "UP" : "DOWN", details(port, health, admin),
                    lag(service, lags));
        }
        if (state.isEmpty() && !allUp) {
            out.println("Start the stack with: ./patchbay up");
        }
        return allUp && checked > 0 ? 0 : 1;
    }

    private static String lag(ServiceDefinition service, Map<String, OptionalLong> lags) {
        if (!service.consumer()) {
            return "";
        }
        OptionalLong lag = lags.getOrDefault(service.name(), OptionalLong.empty());
        return lag.isPresent() ? "  consumer lag: " + lag.getAsLong() : "  consumer lag: unknown";
    }

    private static String details(int port, Health.Report health, String admin) {
        if (!health.reachable()) {
            return "  (no answer on " + Health.baseUrl(port) + "/health)";
        }
        Health.Report readiness = Health.check(port, "/health/readiness", admin);
        Map<String, String> components = readiness.components().isEmpty() ? health.components() : readiness.components();
        StringBuilder text = new StringBuilder("  ");
        if (health.httpStatus() != 200) {
            text.append("HTTP ").append(health.httpStatus()).append(' ');
        }
        // the database and the broker, and whatever else is not UP (the other indicators are noise here)
        Map<String, String> shown = new LinkedHashMap<>();
        components.forEach((name, status) -> {
            if (READINESS.contains(name) || !"UP".equals(status)) {
                shown.put(name, status);
            }
        });
        if (!shown.isEmpty()) {
            text.append("readiness: ");
            shown.forEach((name, status) -> text.append(name).append(' ').append(status).append(", "));
            text.setLength(text.length() - 2);
        }
        return text.toString().stripTrailing();
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
