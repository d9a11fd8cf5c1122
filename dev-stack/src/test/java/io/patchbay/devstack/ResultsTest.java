package io.patchbay.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ResultsTest {

    @Test
    void eachRunAddsOneSummaryRowAndItsDetailsAndWritesItsJson(@TempDir Path docs) throws Exception {
        Files.writeString(docs.resolve("benchmarks.md"), "# Benchmarks\n\nIntro.\n\n" + Results.skeleton() + "\n## Other\nkept\n");
        Results first = new Results();
        first.put("get.requests_per_second", 3000, 10000, "median of 3");
        first.put("get.p99_millis", 12.5, 3.25, "");
        first.put("startup.ready_alone_millis.config-service", 2400, null, "");
        first.put("startup.ready_alone_millis.oauth-service", 3100, null, "");
        first.put("rss_mib.idle.config-service", 180, null, "");
        Path json = first.write(docs, "before", false, "abc1234");
        Results second = new Results();
        second.put("get.requests_per_second", 4000, 10000, "");
        second.write(docs, "after", true, "def5678");

        String text = Files.readString(docs.resolve("benchmarks.md"));
        assertThat(text).contains("Intro.", "## Other\nkept")
                .contains("| abc1234 | before | 3000 (floor 10000, 30 %) | 12.5 (floor 3.3) |")
                .contains("| 3.1 |") // the slowest service alone, in seconds
                .contains("| def5678 | after (quick) | 4000 (floor 10000, 40 %) | – |");
        assertThat(text.indexOf("abc1234 | before")).as("rows in the order of the runs").isLessThan(text.indexOf("def5678 | after"));
        assertThat(text.indexOf("— def5678 — after")).as("newest details first").isLessThan(text.indexOf("— abc1234 — before"));
        assertThat(text).containsOnlyOnce(Results.ROWS_MARKER).containsOnlyOnce(Results.RUNS_MARKER);

        JsonNode written = new ObjectMapper().readTree(json.toFile());
        assertThat(written.get("commit").asText()).isEqualTo("abc1234");
        assertThat(written.at("/figures/get.requests_per_second/value").asDouble()).isEqualTo(3000);
        assertThat(written.at("/figures/get.requests_per_second/floor").asDouble()).isEqualTo(10000);
        assertThat(written.at("/figures/startup.ready_alone_millis.oauth-service").has("floor")).isFalse();
    }

    @Test
    void aFileWithoutTheMarkersGetsTheSectionAppended(@TempDir Path docs) throws Exception {
        Files.writeString(docs.resolve("benchmarks.md"), "# Benchmarks\n\nold figures\n");
        Results results = new Results();
        results.put("startup.up_all_millis", 12000, null, "");
        results.write(docs, "", false, "abc1234");
        String text = Files.readString(docs.resolve("benchmarks.md"));
        assertThat(text).startsWith("# Benchmarks\n\nold figures\n").contains("## `./patchbay bench`").contains("| 12.0 |");
    }
}
