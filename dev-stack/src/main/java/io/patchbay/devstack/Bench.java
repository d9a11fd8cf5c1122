package io.patchbay.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.patchbay.infra.embedded.Directories;
import io.patchbay.kernel.auth.TeamMembership;
import io.patchbay.kernel.auth.TeamRole;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * {@code ./patchbay bench}: starts a fresh stack on free ports in a temporary directory (so it runs beside a
 * {@code ./patchbay up}), measures what operations.md's "Benchmarks" lists, each figure next to its floor measured in
 * the same run, and appends the results to {@code docs/benchmarks.md} and a JSON file in {@code docs/benchmarks/}.
 * Everything it needs comes with the build: the load client is {@link KeepAliveGet}, latencies go to HdrHistogram.
 */
final class Bench {

    static final int CONNECTIONS = 32;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD_VARIABLE = "PATCHBAY_DB_PASSWORD";

    /** How much to measure: the full run, or a quick one (smaller counts, shorter windows) to try the harness. */
    record Sizes(Duration window, int maxWarmUpWindows, int runs, int lifecycleChanges, int bulkConfigurations, int maxBulkRounds) {
        static final Sizes FULL = new Sizes(Duration.ofSeconds(15), 12, 3, 100, 10_000, 5);
        static final Sizes QUICK = new Sizes(Duration.ofSeconds(4), 6, 2, 30, 1_000, 3);
    }

    private final Settings base;
    private final Sizes sizes;
    private final String label;
    private final PrintStream out;
    private final PrintStream err;
    private final Results results = new Results();
    private final HttpClient http = HttpClient.newHttpClient();
    private Settings settings;
    private DevStack.Running stack;
    private String admin;
    /** {@code target/bench/<time>}: the run's stack; its {@code logs} stay after the run. */
    private Path dir;

    Bench(Settings settings, boolean quick, String label, PrintStream out, PrintStream err) {
        this.base = settings;
        this.sizes = quick ? Sizes.QUICK : Sizes.FULL;
        this.label = label;
        this.out = out;
        this.err = err;
    }

    int run() {
        // the run's PostgreSQL, Kafka and service logs live under target/bench/<time>/; all but the logs is deleted at the end
        dir = base.root().resolve("target").resolve("bench").resolve(results.stamp());
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            err.println("Cannot create " + dir + ": " + e.getMessage());
            return 1;
        }
        Map<String, String> env = new HashMap<>(base.env());
        for (ServiceDefinition service : ServiceDefinition.ALL) {
            env.put(service.portVariable(), Integer.toString(PortCheck.freePort()));
        }
        env.put(Settings.PG_PORT, Integer.toString(PortCheck.freePort()));
        env.put(Settings.KAFKA_PORT, Integer.toString(PortCheck.freePort()));
        settings = new Settings(base.root(), env);
        // 32 callers as one user would meet the per-caller limit within a second: lifted so far that it never answers
        // 429, but still counting every request, as in production
        // commit timestamps let the lifecycle breakdown tell the change's and each consumer's commit apart
        DevStack devStack = new DevStack(settings, dir, out, err, Map.of("PATCHBAY_RATE_LIMIT_REQUESTS", "1000000000"),
                Map.of("track_commit_timestamp", "on"));
        Optional<List<DevStack.Planned>> plan = devStack.startablePlan();
        if (plan.isEmpty()) {
            return 1;
        }
        try {
            stack = devStack.start(plan.get(), true);
            admin = Tokens.minter(settings).mint("bench-admin", List.of(), List.of("admin"), null, Duration.ofHours(2));
            results.put("startup.up_all_millis", stack.took().toMillis(), null, "./patchbay up, jars built");
            rss("idle");
            getConfiguration();
            rss("after_get_load");
            lifecycleLatency();
            outbox();
            eachServiceAlone();
        } catch (Exception e) {
            err.println("The benchmark stopped: " + e);
            return 1;
        } finally {
            devStack.stop();
            keepOnlyLogs();
        }
        try {
            Path written = results.write(base.root().resolve("docs"), label, sizes == Sizes.QUICK, commit());
            out.println();
            out.println(results.table());
            out.println("Written to docs/benchmarks.md and " + base.root().relativize(written));
            out.println("The run's logs are in " + base.root().relativize(dir.resolve("logs")));
        } catch (IOException e) {
            err.println("Cannot write the results: " + e.getMessage());
            return 1;
        }
        return 0;
    }

    // --- GET configuration next to the same lookup over JDBC --------------------------------------------------------

    private void getConfiguration() throws Exception {
        section("GET /v1/integrations/configuration/{id}, " + CONNECTIONS + " connections, next to the JDBC lookup");
        String team = "team_bench";
        String owner = token("own_bench", team);
        team(team, "enterprise", "own_bench");
        app("bench-app", null);
        String id = configuration(team, owner, "bench-app");
        int port = port(ServiceDefinition.CONFIG_SERVICE);
        String path = "/v1/integrations/configuration/" + id + "?teamId=" + team;
        String jdbcUrl = jdbcUrl("config_service");
        String password = stack.commonEnv().get(PASSWORD_VARIABLE);
        // the same single row the endpoint reads, by primary key, over one connection per caller
        Load.CallFactory jdbc = () -> {
            Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", password);
            PreparedStatement select = connection.prepareStatement("SELECT * FROM configuration WHERE id = ?");
            select.setString(1, id);
            return new Load.Call() {
                @Override
                public void call() throws SQLException {
                    try (ResultSet row = select.executeQuery()) {
                        if (!row.next()) {
                            throw new SQLException("no row for " + id);
                        }
                    }
                }

                @Override
                public void close() throws SQLException {
                    connection.close();
                }
            };
        };
        List<Load.Window> api = new ArrayList<>();
        List<Load.Window> floor = new ArrayList<>();
        try (Load load = Load.start("bench-get", CONNECTIONS, () -> new KeepAliveGet(port, path, owner, 200))) {
            List<Load.Window> warm = load.warmUp(Duration.ofSeconds(5), sizes.maxWarmUpWindows());
            out.printf(Locale.ROOT, "  API warm-up: %d windows of 5 s, last %.0f/s%n", warm.size(), warm.getLast().perSecond());
            failIfErrors(load);
        }
        try (Load load = Load.start("bench-jdbc", CONNECTIONS, jdbc)) {
            List<Load.Window> warm = load.warmUp(Duration.ofSeconds(5), sizes.maxWarmUpWindows());
            out.printf(Locale.ROOT, "  JDBC warm-up: %d windows of 5 s, last %.0f/s%n", warm.size(), warm.getLast().perSecond());
            failIfErrors(load);
        }
        for (int run = 0; run < sizes.runs(); run++) {
            try (Load load = Load.start("bench-get", CONNECTIONS, () -> new KeepAliveGet(port, path, owner, 200))) {
                api.add(print("API ", load.measure(sizes.window())));
                failIfErrors(load);
            }
            try (Load load = Load.start("bench-jdbc", CONNECTIONS, jdbc)) {
                floor.add(print("JDBC", load.measure(sizes.window())));
                failIfErrors(load);
            }
        }
        Load.Window apiMedian = median(api);
        Load.Window floorMedian = median(floor);
        results.put("get.requests_per_second", Math.round(apiMedian.perSecond()), Math.round(floorMedian.perSecond()),
                "median of " + api.size() + " runs of " + sizes.window().toSeconds() + " s; API runs "
                        + spread(api) + "/s, JDBC runs " + spread(floor) + "/s");
        results.put("get.p50_millis", apiMedian.p50Micros() / 1000.0, floorMedian.p50Micros() / 1000.0, "median run");
        results.put("get.p99_millis", apiMedian.p99Micros() / 1000.0, floorMedian.p99Micros() / 1000.0, "median run");
    }

    // --- lifecycle change until all three consumers show it ---------------------------------------------------------

    private void lifecycleLatency() throws Exception {
        section("Lifecycle change until environment-, oauth- and catalog-service show it (windows of " + sizes.lifecycleChanges() + " changes)");
        String team = "team_bench_lifecycle";
        String owner = token("own_lifecycle", team);
        team(team, "enterprise", "own_lifecycle");
        app("bench-lifecycle-app", null);
        String id = configuration(team, owner, "bench-lifecycle-app");
        link(owner, id);
        String password = stack.commonEnv().get(PASSWORD_VARIABLE);
        try (Connection config = DriverManager.getConnection(jdbcUrl("config_service"), "postgres", password)) {
            Map<String, Connection> consumers = new LinkedHashMap<>();
            for (ServiceDefinition service : ServiceDefinition.ALL) {
                if (service.consumer()) {
                    consumers.put(service.name(), DriverManager.getConnection(jdbcUrl(service.database()), "postgres", password));
                }
            }
            try {
                // like the GET: windows until two agree (p50 within 10 %), since the first hundred events of a fresh
                // platform run through code the JIT has not compiled yet; the first window is reported as such
                LifecycleWindow first = changes(config, consumers, team, owner, id);
                out.printf(Locale.ROOT, "  first window (fresh platform): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                        millis(first.all(), 50), millis(first.all(), 99), first.all().getMaxValue() / 1e6);
                results.put("lifecycle.first_window_p50_millis", millis(first.all(), 50), null,
                        "the first " + sizes.lifecycleChanges() + " changes after the platform started (not warmed up)");
                results.put("lifecycle.first_window_p99_millis", millis(first.all(), 99), null, "");
                LifecycleWindow previous = first;
                LifecycleWindow measured = null;
                for (int w = 1; w < sizes.maxWarmUpWindows() && measured == null; w++) {
                    LifecycleWindow next = changes(config, consumers, team, owner, id);
                    double before = millis(previous.all(), 50);
                    double now = millis(next.all(), 50);
                    out.printf(Locale.ROOT, "  warm-up window %d: p50 %.1f ms, p99 %.1f ms%n", w, now, millis(next.all(), 99));
                    if (Math.abs(now - before) <= 0.1 * before) {
                        measured = changes(config, consumers, team, owner, id);
                        results.put("lifecycle.warm_up_changes", (double) (w + 1) * sizes.lifecycleChanges(), null,
                                "changes before the measured window");
                    }
                    previous = next;
                }
                if (measured == null) {
                    measured = changes(config, consumers, team, owner, id);
                    results.put("lifecycle.warm_up_changes", (double) sizes.maxWarmUpWindows() * sizes.lifecycleChanges(), null,
                            "changes before the measured window (no two windows agreed)");
                }
                report(measured);
                breakdown(config, consumers, id, measured.changes());
            } finally {
                for (Connection c : consumers.values()) {
                    c.close();
                }
            }
        }
    }

    /** One window of measured changes: all three, each consumer, the request itself, and each change's timestamps. */
    private record LifecycleWindow(Histogram all, Map<String, Histogram> each, Histogram requests, List<Change> changes) {
    }

    /** One measured change: the configuration's version after it, its commit, its response, and when all three showed it. */
    private record Change(long version, long committedMicros, Instant answered, Instant seenByAll) {
    }

    private LifecycleWindow changes(Connection config, Map<String, Connection> consumers, String team, String owner, String id) throws Exception {
        LifecycleWindow window = new LifecycleWindow(new Histogram(3), new LinkedHashMap<>(), new Histogram(3), new ArrayList<>());
        consumers.keySet().forEach(service -> window.each().put(service, new Histogram(3)));
        String base = url(ServiceDefinition.CONFIG_SERVICE) + "/v1/integrations/configuration/" + id;
        try (PreparedStatement current = config.prepareStatement("SELECT version, "
                + "(extract(epoch FROM pg_xact_commit_timestamp(xmin)) * 1000000)::bigint FROM configuration WHERE id = ?")) {
            current.setString(1, id);
            for (int i = 0; i < sizes.lifecycleChanges(); i++) {
                // an even number of changes a window: every window starts from an enabled configuration
                boolean disable = i % 2 == 0;
                long sent = System.nanoTime();
                send("POST", base + (disable ? "/disable" : "/enable") + "?teamId=" + team, owner,
                        disable ? "{\"reason\":\"disabled-by-owner\"}" : "{}", 200, 204);
                // operations.md: from the change's response (the request's own time is reported on its own)
                long answered = System.nanoTime();
                Instant answeredAt = Instant.now();
                window.requests().recordValue(answered - sent);
                long version;
                long committed;
                // the configuration row as the change left it (the next change waits for this one): its commit timestamp
                try (ResultSet row = current.executeQuery()) {
                    if (!row.next()) {
                        throw new SQLException("no configuration " + id);
                    }
                    version = row.getLong(1);
                    committed = row.getLong(2);
                }
                long slowest = 0;
                for (Map.Entry<String, Connection> consumer : consumers.entrySet()) {
                    long took = awaitVersion(consumer.getValue(), id, version, answered);
                    window.each().get(consumer.getKey()).recordValue(took);
                    slowest = Math.max(slowest, took);
                }
                window.all().recordValue(slowest);
                window.changes().add(new Change(version, committed, answeredAt, answeredAt.plusNanos(slowest)));
            }
        }
        return window;
    }

    private void report(LifecycleWindow measured) throws Exception {
        Histogram all = measured.all();
        Histogram requests = measured.requests();
        Histogram floor = kafkaRoundTrips(sizes.lifecycleChanges());
        out.printf(Locale.ROOT, "  all three: p50 %.1f ms, p99 %.1f ms, max %.1f ms; Kafka produce->consume floor p50 %.1f ms, p99 %.1f ms%n",
                millis(all, 50), millis(all, 99), all.getMaxValue() / 1e6, millis(floor, 50), millis(floor, 99));
        out.printf(Locale.ROOT, "  the change's request itself: p50 %.1f ms, p99 %.1f ms%n", millis(requests, 50), millis(requests, 99));
        results.put("lifecycle.p50_millis", millis(all, 50), millis(floor, 50),
                "from the change's response until all three consumers' projections hold its version, after the warm-up; floor: one record produced (acks=all) and consumed on the same broker");
        results.put("lifecycle.p99_millis", millis(all, 99), millis(floor, 99), "");
        results.put("lifecycle.max_millis", all.getMaxValue() / 1e6, floor.getMaxValue() / 1e6, "");
        results.put("lifecycle.request_p50_millis", millis(requests, 50), null, "the disable/enable request itself (not in the figures above)");
        results.put("lifecycle.request_p99_millis", millis(requests, 99), null, "");
        measured.each().forEach((service, histogram) -> results.put("lifecycle." + service + ".p99_millis", millis(histogram, 99), null, ""));
    }

    /**
     * Where a change's time goes, from the timestamps the platform keeps and the commit timestamps PostgreSQL keeps for
     * the bench ({@code track_commit_timestamp}): the change's commit (the configuration row as the change left it), the relay's read
     * ({@code published_at}), each consumer's inbox transaction ({@code received_at}) and its commit, and when the bench
     * saw all three. One clock: the same machine.
     */
    private void breakdown(Connection config, Map<String, Connection> consumers, String id, List<Change> changes) throws SQLException {
        Map<String, Long> published = new HashMap<>();
        // published_at only: the relay's mark rewrote the row, so its xmin is the mark's, not the change's
        try (PreparedStatement select = config.prepareStatement("SELECT event_id::text, (extract(epoch FROM published_at) * 1000000)::bigint "
                + "FROM outbox_event WHERE record_key = ? AND published_at IS NOT NULL")) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    published.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        // per change (by version): the outbox's commit and read, and per consumer its inbox transaction's start and commit
        Set<Long> measured = changes.stream().map(Change::version).collect(Collectors.toSet());
        Map<Long, Long> relayed = new HashMap<>();
        Map<Long, Long> lastCommit = new HashMap<>();
        for (Map.Entry<String, Connection> consumer : consumers.entrySet()) {
            Histogram delivery = new Histogram(3);
            Histogram transaction = new Histogram(3);
            try (PreparedStatement select = consumer.getValue().prepareStatement("SELECT event_id::text, version, "
                    + "(extract(epoch FROM received_at) * 1000000)::bigint, "
                    + "(extract(epoch FROM pg_xact_commit_timestamp(xmin)) * 1000000)::bigint FROM inbox_event WHERE configuration_id = ?")) {
                select.setString(1, id);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        Long read = published.get(rows.getString(1));
                        if (read == null) {
                            continue;
                        }
                        long version = rows.getLong(2);
                        if (!measured.contains(version)) {
                            continue; // a warm-up window's change
                        }
                        long received = rows.getLong(3);
                        long committed = rows.getLong(4);
                        relayed.put(version, read);
                        delivery.recordValue(Math.max(0, received - read) * 1000);
                        transaction.recordValue(Math.max(0, committed - received) * 1000);
                        lastCommit.merge(version, committed, Math::max);
                    }
                }
            }
            results.put("lifecycle." + consumer.getKey() + ".delivery_p50_millis", millis(delivery, 50), null,
                    "relay's read until the consumer's inbox transaction began (published_at to received_at)");
            results.put("lifecycle." + consumer.getKey() + ".inbox_transaction_p50_millis", millis(transaction, 50), null,
                    "the consumer's inbox transaction, from its start to its commit");
            out.printf(Locale.ROOT, "  %-20s relay -> inbox p50 %.1f ms, p99 %.1f ms; inbox transaction p50 %.1f ms, p99 %.1f ms%n",
                    consumer.getKey(), millis(delivery, 50), millis(delivery, 99), millis(transaction, 50), millis(transaction, 99));
        }
        Histogram relay = new Histogram(3);
        Histogram answered = new Histogram(3);
        Histogram seen = new Histogram(3);
        for (Change change : changes) {
            Long read = relayed.get(change.version());
            Long committed = lastCommit.get(change.version());
            if (read == null || committed == null) {
                continue;
            }
            relay.recordValue(Math.max(0, read - change.committedMicros()) * 1000);
            answered.recordValue(Math.max(0, micros(change.answered()) - change.committedMicros()) * 1000);
            seen.recordValue(Math.max(0, micros(change.seenByAll()) - committed) * 1000);
        }
        results.put("lifecycle.relay_wakeup_p50_millis", millis(relay, 50), null,
                "the change's commit until the relay read its outbox row (commit timestamp to published_at)");
        results.put("lifecycle.commit_to_response_p50_millis", millis(answered, 50), null,
                "the change's commit until the bench had its response (the lifecycle figures start at the response)");
        results.put("lifecycle.last_commit_to_seen_p50_millis", millis(seen, 50), null,
                "the last consumer's commit until the bench saw all three (its polling, every millisecond)");
        out.printf(Locale.ROOT, "  commit -> relay read p50 %.1f ms, p99 %.1f ms; commit -> response p50 %.1f ms; last consumer commit -> seen p50 %.1f ms, p99 %.1f ms%n",
                millis(relay, 50), millis(relay, 99), millis(answered, 50), millis(seen, 50), millis(seen, 99));
    }

    private static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000;
    }

    /**
     * Polls the consumer's projection every millisecond (the first run polled every 200 µs: three connections at that
     * rate loaded the 2-core machine enough to skew the figure it measured); nanoseconds from {@code started} until it
     * holds {@code version}.
     */
    private static long awaitVersion(Connection consumer, String id, long version, long started) throws Exception {
        long deadline = started + TimeUnit.SECONDS.toNanos(60);
        try (PreparedStatement select = consumer.prepareStatement("SELECT version FROM configuration_projection WHERE configuration_id = ?")) {
            select.setString(1, id);
            while (System.nanoTime() < deadline) {
                try (ResultSet row = select.executeQuery()) {
                    if (row.next() && row.getLong(1) >= version) {
                        return System.nanoTime() - started;
                    }
                }
                Thread.sleep(1);
            }
        }
        throw new IllegalStateException("a consumer did not show version " + version + " of " + id + " within 60 s");
    }

    private Histogram kafkaRoundTrips(int count) throws Exception {
        String topic = "patchbay.bench.floor";
        Map<String, Object> client = settings.kafkaClient(settings.kafkaPort());
        try (Admin admin = Admin.create(client)) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        Map<String, Object> producerProps = new HashMap<>(client);
        producerProps.putAll(Map.of("acks", "all", "enable.idempotence", "true", "linger.ms", "0"));
        Map<String, Object> consumerProps = new HashMap<>(client);
        consumerProps.putAll(Map.of("fetch.max.wait.ms", "500", "isolation.level", "read_committed"));
        Histogram histogram = new Histogram(3);
        TopicPartition partition = new TopicPartition(topic, 0);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProps, new ByteArraySerializer(), new ByteArraySerializer());
             KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProps, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToEnd(List.of(partition));
            consumer.position(partition);
            byte[] value = new byte[600];
            for (int i = 0; i < count + 10; i++) {
                long started = System.nanoTime();
                producer.send(new ProducerRecord<>(topic, value)).get(10, TimeUnit.SECONDS);
                int received = 0;
                while (received == 0) {
                    ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofSeconds(5));
                    received = records.count();
                }
                if (i >= 10) { // the first ten warm the clients up
                    histogram.recordValue(System.nanoTime() - started);
                }
            }
        }
        return histogram;
    }

    // --- outbox: a plan downgrade of many configurations ------------------------------------------------------------

    private void outbox() throws Exception {
        int n = sizes.bulkConfigurations();
        section("Plan downgrade of " + n + " configurations: outbox to Kafka, and until all three consumers show them");
        String team = "team_bench_bulk";
        String owner = token("own_bulk", team);
        team(team, "enterprise", "own_bulk");
        app("bench-bulk-app", "enterprise");
        long created = System.nanoTime();
        List<String> ids = parallel(n, i -> configuration(team, owner, "bench-bulk-app"));
        out.printf(Locale.ROOT, "  %d configurations created in %.1f s%n", n, (System.nanoTime() - created) / 1e9);
        String password = stack.commonEnv().get(PASSWORD_VARIABLE);
        Map<String, Object> client = settings.kafkaClient(settings.kafkaPort());
        Map<String, Connection> consumers = new LinkedHashMap<>();
        try (Admin kafka = Admin.create(client)) {
            for (ServiceDefinition service : ServiceDefinition.ALL) {
                if (service.consumer()) {
                    consumers.put(service.name(), DriverManager.getConnection(jdbcUrl(service.database()), "postgres", password));
                }
            }
            // like the GET and the lifecycle: rounds until two downgrades agree (the relay's rate within 10 %), since the
            // first bulk change runs the relay's and the consumers' batch paths through code the JIT has not compiled yet
            // (the C2 compiler threads took 29 % of the machine in a perf profile of that first round). An upgrade between
            // two downgrades enables them all again. The first round is reported on its own; the later of the two
            // agreeing rounds is the figure.
            Bulk first = bulk(kafka, consumers, team, "pro", "DISABLED", ids);
            out.printf(Locale.ROOT, "  first round (fresh platform): %s%n", first);
            results.put("outbox.first_round.relay_events_per_second", Math.round(first.relayRate()), null,
                    "the first downgrade after the platform started (not warmed up): the relay alone");
            results.put("outbox.first_round.all_consumers_millis", first.converged() / 1e6, null, "");
            Bulk previous = first;
            Bulk measured = null;
            int round = 1;
            while (measured == null && round < sizes.maxBulkRounds()) {
                bulk(kafka, consumers, team, "enterprise", "ACTIVE", ids);
                Bulk next = bulk(kafka, consumers, team, "pro", "DISABLED", ids);
                round++;
                if (Math.abs(next.relayRate() - previous.relayRate()) <= 0.1 * previous.relayRate()) {
                    measured = next;
                } else {
                    out.printf(Locale.ROOT, "  warm-up round %d: %s%n", round, next);
                    previous = next;
                }
            }
            String rounds = measured != null ? round + " downgrades, the last two agreeing"
                    : round + " downgrades, no two agreeing within 10 %: the last one";
            if (measured == null) {
                measured = previous;
            }
            double floor = kafkaThroughput(client, n);
            out.printf(Locale.ROOT, "  measured (%s): %s; producer floor %.0f/s%n", rounds, measured, floor);
            results.put("outbox.request_millis", measured.answered() / 1e6, null, n + " configurations disabled by one PUT /v1/teams/{id}; " + rounds);
            results.put("outbox.events_per_second", Math.round(n / (measured.onKafka() / 1e9)), Math.round(floor),
                    "from the request until all events are on the topic; floor: the same number of 600-byte records from one idempotent producer (acks=all)");
            if (!Double.isNaN(measured.relayRate())) {
                results.put("outbox.relay_events_per_second", Math.round(measured.relayRate()), Math.round(floor),
                        "the relay alone: the events not yet on the topic when the request answered, over the time until they all were");
            }
            results.put("outbox.all_consumers_millis", measured.converged() / 1e6, null, "until all three consumers' projections show all " + n);
        } finally {
            for (Connection c : consumers.values()) {
                c.close();
            }
        }
    }

    /** One bulk change: times from the request's start, in nanoseconds; {@code relayRate}: events per second of the relay alone. */
    private record Bulk(long answered, long onKafka, long backlog, double relayRate, Map<String, Long> shown, long converged) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "request %.2f s; on Kafka after %.2f s (the relay %.0f/s on the %d left when the request "
                    + "answered); all three consumers after %.2f s", answered / 1e9, onKafka / 1e9, relayRate, backlog, converged / 1e9);
        }
    }

    /** Moves the team to {@code plan} and waits until every consumer's projection shows each id in {@code state}. */
    private Bulk bulk(Admin kafka, Map<String, Connection> consumers, String team, String plan, String state, List<String> ids) throws Exception {
        int n = ids.size();
        long before = endOffsets(kafka);
        // each consumer's inbox before the change: its progress is polled by counting the inbox rows received since
        Map<String, Timestamp> inboxBefore = new LinkedHashMap<>();
        for (Map.Entry<String, Connection> consumer : consumers.entrySet()) {
            inboxBefore.put(consumer.getKey(), lastReceived(consumer.getValue()));
        }
        long started = System.nanoTime();
        send("PUT", url(ServiceDefinition.CONFIG_SERVICE) + "/v1/teams/" + team, admin, "{\"plan\":\"" + plan + "\"}", 200);
        long answered = System.nanoTime() - started;
        long onKafkaWhenAnswered = endOffsets(kafka) - before;
        long onKafka = 0;
        Map<String, Long> shown = new LinkedHashMap<>();
        long deadline = started + TimeUnit.MINUTES.toNanos(5);
        while (shown.size() < consumers.size() && System.nanoTime() < deadline) {
            if (onKafka == 0 && endOffsets(kafka) - before >= n) {
                onKafka = System.nanoTime() - started;
            }
            for (Map.Entry<String, Connection> consumer : consumers.entrySet()) {
                // the exact check (every id in the state) only once the cheap count says all arrived: it costs PostgreSQL
                // ~15 ms a time, which polled for three consumers every 20 ms took from the relay and the consumers it measures
                if (!shown.containsKey(consumer.getKey()) && receivedSince(consumer.getValue(), inboxBefore.get(consumer.getKey())) >= n
                        && inState(consumer.getValue(), ids, state) >= n) {
                    shown.put(consumer.getKey(), System.nanoTime() - started);
                }
            }
            Thread.sleep(20);
        }
        if (shown.size() < consumers.size()) {
            throw new IllegalStateException("the consumers did not show all " + n + " configurations " + state + " within 5 minutes: " + shown);
        }
        if (onKafka == 0) {
            onKafka = shown.values().stream().min(Long::compare).orElseThrow();
        }
        // the relay publishes each chunk the request commits while the request goes on; what it had left when the
        // request answered, over the time it took for that, is its own rate on a backlog
        long backlog = n - Math.min(n, onKafkaWhenAnswered);
        double relayRate = backlog > 0 && onKafka > answered ? backlog / ((onKafka - answered) / 1e9) : Double.NaN;
        return new Bulk(answered, onKafka, backlog, relayRate, shown, shown.values().stream().max(Long::compare).orElseThrow());
    }

    /** Records on the lifecycle topic so far: the sum of its partitions' end offsets (as {@code ./patchbay status} reads them). */
    private static long endOffsets(Admin kafka) throws Exception {
        return ConsumerLag.offsets(kafka, ConsumerLag.partitions(kafka), OffsetSpec.latest()).values().stream().mapToLong(Long::longValue).sum();
    }

    /** When the consumer's newest inbox row was received (its inbox transaction's start), or the epoch for an empty inbox. */
    private static Timestamp lastReceived(Connection consumer) throws SQLException {
        try (PreparedStatement last = consumer.prepareStatement("SELECT coalesce(max(received_at), 'epoch') FROM inbox_event");
             ResultSet row = last.executeQuery()) {
            row.next();
            return row.getTimestamp(1);
        }
    }

    /** Inbox rows received after {@code since}: an index range on {@code received_at}, cheap enough to poll. */
    private static long receivedSince(Connection consumer, Timestamp since) throws SQLException {
        try (PreparedStatement count = consumer.prepareStatement("SELECT count(*) FROM inbox_event WHERE received_at > ?")) {
            count.setTimestamp(1, since);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static long inState(Connection consumer, List<String> ids, String state) throws SQLException {
        try (PreparedStatement count = consumer.prepareStatement(
                "SELECT count(*) FROM configuration_projection WHERE state = ? AND configuration_id = ANY (?)")) {
            count.setString(1, state);
            count.setArray(2, consumer.createArrayOf("text", ids.toArray()));
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static double kafkaThroughput(Map<String, Object> client, int n) throws Exception {
        Map<String, Object> props = new HashMap<>(client);
        props.putAll(Map.of("acks", "all", "enable.idempotence", "true"));
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            byte[] value = new byte[600];
            long started = System.nanoTime();
            List<Future<?>> sent = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                sent.add(producer.send(new ProducerRecord<>("patchbay.bench.floor", ("k" + i).getBytes(), value)));
            }
            for (Future<?> f : sent) {
                f.get(60, TimeUnit.SECONDS);
            }
            return n / ((System.nanoTime() - started) / 1e9);
        }
    }

    // --- start-up and memory ----------------------------------------------------------------------------------------

    private void rss(String when) {
        for (ServiceProcess service : stack.services()) {
            rssKib(service.pid()).ifPresent(kib -> results.put("rss_mib." + when + "." + service.service().name(),
                    Math.round(kib / 1024.0), null, ""));
        }
    }

    /** Resident memory of a process in KiB, from /proc (Linux). */
    static Optional<Long> rssKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Optional.of(Long.parseLong(line.replaceAll("\\D", "")));
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** A second instance of every service started alone on the running stack: process start until readiness is 200. */
    private void eachServiceAlone() throws Exception {
        section("Each service alone: from process start to ready");
        Path logs = dir.resolve("logs").resolve("alone");
        for (ServiceProcess running : stack.services()) {
            ServiceDefinition service = running.service();
            int port = PortCheck.freePort();
            Map<String, String> env = new LinkedHashMap<>(stack.commonEnv());
            env.put("PATCHBAY_HTTP_PORT", Integer.toString(port));
            env.put("PATCHBAY_DB_URL", jdbcUrl(service.database()));
            Path jar = ServiceJars.runnableJar(settings.root(), service).orElseThrow();
            long started = System.nanoTime();
            ServiceProcess alone = ServiceProcess.start(service, jar, port, env, settings.serviceJavaOptions(),
                    logs.resolve(service.name() + ".log"));
            try {
                while (!Health.check(port, "/health/readiness").up()) {
                    if (!alone.isAlive() || System.nanoTime() - started > TimeUnit.SECONDS.toNanos(120)) {
                        throw new IllegalStateException(service.name() + " did not become ready alone:\n" + DevStack.tail(alone.log()));
                    }
                    Thread.sleep(20);
                }
                long millis = (System.nanoTime() - started) / 1_000_000;
                out.printf("  %-20s ready in %d ms%n", service.name(), millis);
                results.put("startup.ready_alone_millis." + service.name(), millis, null, "");
            } finally {
                alone.requestStop();
                alone.awaitStop(10_000);
            }
        }
    }

    /** Deletes the run's databases and Kafka data, keeping its logs (services, each service alone, PostgreSQL and Kafka). */
    private void keepOnlyLogs() {
        try (var entries = Files.list(dir)) {
            for (Path entry : entries.toList()) {
                if (!entry.getFileName().toString().equals("logs")) {
                    Directories.deleteRecursively(entry);
                }
            }
        } catch (IOException | RuntimeException e) {
            err.println("Could not delete the run's data in " + dir + ": " + e.getMessage());
        }
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    private String token(String user, String team) {
        return Tokens.minter(settings).mint(user, List.of(new TeamMembership(team, TeamRole.OWNER)), List.of(), null, Duration.ofHours(2));
    }

    private void team(String team, String plan, String owner) throws Exception {
        String config = url(ServiceDefinition.CONFIG_SERVICE);
        send("PUT", config + "/v1/teams/" + team, admin, "{\"slug\":\"" + team.replace('_', '-') + "\",\"plan\":\"" + plan + "\"}", 200);
        send("PUT", config + "/v1/teams/" + team + "/members/" + owner, admin, "{\"role\":\"OWNER\"}", 200, 204);
    }

    private void app(String slug, String requiredPlan) throws Exception {
        send("POST", url(ServiceDefinition.CONFIG_SERVICE) + "/v1/integrations/apps", admin, "{\"slug\":\"" + slug + "\",\"name\":\""
                + slug + "\",\"scopes\":[\"read:project\"],\"icon\":\"https://example.com/i.png\""
                + (requiredPlan == null ? "" : ",\"requiredPlan\":\"" + requiredPlan + "\"") + "}", 201);
    }

    private String configuration(String team, String owner, String app) throws Exception {
        return send("POST", url(ServiceDefinition.CONFIG_SERVICE) + "/v1/integrations/configurations?teamId=" + team, owner,
                "{\"integrationIdOrSlug\":\"" + app + "\"}", 201).get("id").asText();
    }

    /** A record linked to the configuration in each consumer, so that each applies real changes. */
    private void link(String owner, String configurationId) throws Exception {
        String env = url("environment-service");
        String integration = send("POST", env + "/integration", owner, "{\"name\":\"bench-int\",\"category\":\"helpdesk\","
                + "\"config\":{\"base_url\":\"https://api.example.com\"}}", 201).get("id").asText();
        String environment = send("POST", env + "/environment", owner, "{\"name\":\"bench-env\"}", 201).get("id").asText();
        send("POST", env + "/environment-integration", owner, "{\"integration_id\":\"" + integration + "\",\"environment_id\":\""
                + environment + "\",\"configuration_id\":\"" + configurationId + "\"}", 201);
        send("POST", url("oauth-service") + "/__api__/v1/oauth/integrations", owner, "{\"name\":\"bench-oauth\",\"template\":\"custom\","
                + "\"configuration_id\":\"" + configurationId + "\",\"config\":{\"auth_type\":\"Service Account\",\"auth_mode\":\"Confidential\","
                + "\"token_uri\":\"http://localhost:9/token\",\"client_id\":\"bench\",\"client_secret\":\"bench-secret\",\"scopes\":\"read\","
                + "\"token_endpoint_auth_method\":\"client_secret_post\"}}", 200);
        send("POST", url("catalog-service") + "/api/admin/v4/integrations", owner, "{\"name\":\"bench-kafka\",\"type\":\"kafka\","
                + "\"integration_config\":{\"bootstrap_servers\":\"" + stack.kafkaBootstrap() + "\"},\"configuration_id\":\""
                + configurationId + "\"}", 200);
    }

    private JsonNode send(String method, String url, String token, String body, int... expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (int status : expected) {
            if (response.statusCode() == status) {
                return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
            }
        }
        throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": " + response.body());
    }

    interface Task<T> {
        T run(int i) throws Exception;
    }

    private static <T> List<T> parallel(int n, Task<T> task) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS)) {
            List<Future<T>> futures = IntStream.range(0, n).mapToObj(i -> pool.submit(() -> task.run(i))).toList();
            List<T> results = new ArrayList<>(n);
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        }
    }

    private int port(String service) {
        return stack.services().stream().filter(s -> s.service().name().equals(service)).findFirst().orElseThrow().port();
    }

    private String url(String service) {
        return Health.baseUrl(port(service));
    }

    private String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + stack.pgPort() + "/" + database;
    }

    private void section(String title) {
        out.println();
        out.println("== " + title);
    }

    private Load.Window print(String what, Load.Window window) {
        out.printf(Locale.ROOT, "  %s %8.0f/s  p50 %6.2f ms  p99 %6.2f ms  max %7.2f ms%n", what, window.perSecond(),
                window.p50Micros() / 1000.0, window.p99Micros() / 1000.0, window.maxMicros() / 1000.0);
        return window;
    }

    private static void failIfErrors(Load load) {
        if (load.firstError() != null) {
            throw new IllegalStateException("the load saw errors: " + load.firstError(), load.firstError());
        }
    }

    private static Load.Window median(List<Load.Window> windows) {
        List<Load.Window> sorted = windows.stream().sorted((a, b) -> Double.compare(a.perSecond(), b.perSecond())).toList();
        return sorted.get(sorted.size() / 2);
    }

    private static String spread(List<Load.Window> windows) {
        return windows.stream().map(w -> String.format(Locale.ROOT, "%.0f", w.perSecond())).reduce((a, b) -> a + ", " + b).orElse("");
    }

    private static double millis(Histogram histogram, double percentile) {
        return Math.round(histogram.getValueAtPercentile(percentile) / 1e4) / 100.0;
    }

    private String commit() {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").directory(base.root().toFile())
                    .redirectErrorStream(true).start();
            String commit = new String(git.getInputStream().readAllBytes()).trim();
            return git.waitFor() == 0 ? commit : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
