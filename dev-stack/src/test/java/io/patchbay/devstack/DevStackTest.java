package io.patchbay.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevStackTest {

    @TempDir
    Path dir;

    @Test
    void theLogTailLeavesStackFramesOutAndKeepsTheLast30Lines() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            lines.add("line " + i);
        }
        lines.addAll(List.of("Caused by: java.net.ConnectException: Connection refused",
                "\tat java.base/sun.nio.ch.Net.pollConnect(Native Method)", "\t... 29 common frames omitted", "\t... 4 more"));
        Path log = Files.write(dir.resolve("service.log"), lines);

        List<String> tail = DevStack.tail(log).lines().map(String::strip).toList();

        assertThat(tail).hasSize(30).startsWith("line 12").endsWith("line 40",
                "Caused by: java.net.ConnectException: Connection refused");
    }

    @Test
    void aMissingLogIsSaidSo() {
        assertThat(DevStack.tail(dir.resolve("nope.log"))).contains("(no log:");
    }

    @Test
    void pathsBelowTheCurrentDirectoryAreShownRelative() {
        Path cwd = Path.of("").toAbsolutePath();
        assertThat(DevStack.display(cwd.resolve(".patchbay/logs/x.log"))).isEqualTo(".patchbay/logs/x.log");
        assertThat(DevStack.display(Path.of("/elsewhere/x.log"))).isEqualTo("/elsewhere/x.log");
    }
}
