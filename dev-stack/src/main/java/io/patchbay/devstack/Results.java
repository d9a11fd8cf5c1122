package io.patchbay.devstack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The figures of one {@code ./patchbay bench} run, each with its floor when it has one: printed, appended as a row to
 * the summary table of {@code docs/benchmarks.md} (between its markers) with the run's details below, and written whole
 * to {@code docs/benchmarks/<time>.json}.
 */
final class Results {

    static final String ROWS_MARKER = "<!-- bench:rows -->";
    static final String RUNS_MARKER = "<!-- bench:runs -->";

    record Figure(double value, Double floor, String note) {
        String ratio() {
            return floor == null || floor == 0 ? "" : String.format(Locale.ROOT, "%.0f %%", 100 * value / floor);
        }
    }

    private final Map<String, Figure> figures = new LinkedHashMap<>();
    private final OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);

    void put(String name, double value, Number floor, String note) {
        figures.put(name, new Figure(value, floor == null ? null : floor.doubleValue(), note));
    }

    Map<String, Figure> figures() {
        return figures;
    }

    /** The run's figures as a Markdown table: figure, value, floor, value as a share of the floor, how it was measured. */
    String table() {
        StringBuilder table = new StringBuilder("| figure | value | floor | of floor | how |\n|---|---:|---:|---:|---|\n");
        figures.forEach((name, f) -> table.append("| ").append(name).append(" | ").append(number(f.value())).append(" | ")
                .append(f.floor() == null ? "" : number(f.floor())).append(" | ").append(f.ratio()).append(" | ")
                .append(f.note()).append(" |\n"));
        return table.toString();
    }

    /** One row of the summary table of docs/benchmarks.md. */
    String summaryRow(String label, boolean quick, String commit) {
        return "| " + at.format(DateTimeFormatter.ISO_LOCAL_DATE) + " | " + commit + " | " + (label.isBlank() ? "" : label)
                + (quick ? " (quick)" : "") + " | "
                + cell("get.requests_per_second", true) + " | " + cell("get.p99_millis", false) + " | "
                + cell("lifecycle.p50_millis", false) + " / " + cell("lifecycle.p99_millis", false) + " / "
                + cell("lifecycle.max_millis", false) + " | "
                + cell("outbox.events_per_second", true) + "; relay " + cell("outbox.relay_events_per_second", true) + " | " + seconds("outbox.all_consumers_millis") + " | "
                + seconds(max("startup.ready_alone_millis.")) + " | " + seconds("startup.up_all_millis") + " | "
                + number(max("rss_mib.idle.")) + " / " + number(max("rss_mib.after_get_load.")) + " |";
    }

    /** The run's time as its files are named ({@code 2026-12-04T062319Z}). */
    String stamp() {
        return at.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmmss'Z'"));
    }

    /** Appends the summary row and the details of this run to {@code docs/benchmarks.md}; writes the JSON file. */
    Path write(Path docs, String label, boolean quick, String commit) throws IOException {
        Path markdown = docs.resolve("benchmarks.md");
        String text = Files.exists(markdown) ? Files.readString(markdown) : "# Benchmarks\n\n" + skeleton();
        if (!text.contains(ROWS_MARKER) || !text.contains(RUNS_MARKER)) {
            text = text + "\n" + skeleton();
        }
        text = text.replace(ROWS_MARKER, summaryRow(label, quick, commit) + "\n" + ROWS_MARKER);
        String details = "#### " + at + " — " + commit + (label.isBlank() ? "" : " — " + label) + (quick ? " (quick)" : "")
                + "\n\n" + table() + "\n";
        text = text.replace(RUNS_MARKER, RUNS_MARKER + "\n\n" + details.stripTrailing());
        Files.createDirectories(docs);
        Files.writeString(markdown, text, StandardCharsets.UTF_8);

        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode().put("at", at.toString()).put("commit", commit).put("label", label).put("quick", quick);
        ObjectNode values = root.putObject("figures");
        figures.forEach((name, f) -> {
            ObjectNode figure = values.putObject(name).put("value", f.value()).put("note", f.note());
            if (f.floor() != null) {
                figure.put("floor", f.floor());
            }
        });
        Path file = docs.resolve("benchmarks").resolve(stamp() + "-" + commit + ".json");
        Files.createDirectories(file.getParent());
        json.writeValue(file.toFile(), root);
        return file;
    }

    private String cell(String name, boolean withRatio) {
        Figure f = figures.get(name);
        if (f == null) {
            return "–";
        }
        String floor = f.floor() == null ? "" : " (floor " + number(f.floor()) + (withRatio ? ", " + f.ratio() : "") + ")";
        return number(f.value()) + floor;
    }

    private String seconds(String name) {
        Figure f = figures.get(name);
        return f == null ? "–" : String.format(Locale.ROOT, "%.1f", f.value() / 1000);
    }

    private String seconds(OptionalDouble millis) {
        return millis.isEmpty() ? "–" : String.format(Locale.ROOT, "%.1f", millis.getAsDouble() / 1000);
    }

    private String number(OptionalDouble value) {
        return value.isEmpty() ? "–" : number(value.getAsDouble());
    }

    private OptionalDouble max(String prefix) {
        return figures.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).mapToDouble(e -> e.getValue().value()).max();
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e12 ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.1f", value);
    }

    static String skeleton() {
        return """
                ## `./patchbay bench`

                Written by `./patchbay bench` (operations.md, "Benchmarks"): a fresh stack on free ports, every figure next to its
                floor measured in the same run on the same machine. Rows are appended; the JSON of each run is in `benchmarks/`.

                %s

                ### Runs
                %s
                """.formatted(SUMMARY_HEADER + ROWS_MARKER, RUNS_MARKER);
    }

    static final String SUMMARY_HEADER = "| date | commit | run | GET req/s (JDBC floor, share) | GET p99 ms (floor) "
            + "| lifecycle p50 / p99 / max ms (Kafka round-trip floor) | outbox events/s from the request; relay alone (producer floor, share) "
            + "| all consumers show the bulk, s | slowest service ready alone, s | `up` all, s | RSS MiB max idle / after GET load |\n"
            + "|---|---|---|---|---|---|---|---|---|---|---|\n";
}
