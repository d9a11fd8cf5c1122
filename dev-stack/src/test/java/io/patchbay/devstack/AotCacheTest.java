package io.patchbay.devstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AotCacheTest {
    @TempDir
    Path dir;

    @Test
    void theFirstStartTrainsAnotherMeanwhileRunsWithoutAndLaterStartsUseTheCache() throws Exception {
        Path jar = Files.write(dir.resolve("config-service-1.jar"), new byte[] {1, 2, 3});
        AotCache first = AotCache.forJar(jar, List.of("-Xmx384m"));
        assertThat(first.mode()).isEqualTo(AotCache.Mode.TRAIN);
        String output = first.javaOptions().getFirst();
        assertThat(output).startsWith("-XX:AOTCacheOutput=" + dir.resolve("aot").resolve("config-service-1-"));

        assertThat(AotCache.forJar(jar, List.of("-Xmx384m")).mode()).as("while the first one trains").isEqualTo(AotCache.Mode.NONE);

        Path cache = Path.of(output.substring("-XX:AOTCacheOutput=".length()));
        Files.write(cache, new byte[] {0}); // what the JVM writes as the training run stops
        first.trainingEnded();
        AotCache later = AotCache.forJar(jar, List.of("-Xmx384m"));
        assertThat(later.mode()).isEqualTo(AotCache.Mode.USE);
        assertThat(later.javaOptions()).containsExactly("-XX:AOTCache=" + cache);
        assertThat(dir.resolve("aot")).isDirectoryNotContaining("glob:**.training");
    }

    @Test
    void aNewBuildOrOtherOptionsTrainANewCacheAndTheOldOneGoes() throws Exception {
        Path jar = Files.write(dir.resolve("oauth-service-1.jar"), new byte[] {1});
        AotCache first = AotCache.forJar(jar, List.of());
        Path cache = Path.of(first.javaOptions().getFirst().substring("-XX:AOTCacheOutput=".length()));
        Files.write(cache, new byte[] {0});
        first.trainingEnded();

        assertThat(AotCache.forJar(jar, List.of("-XX:+UseSerialGC")).mode()).isEqualTo(AotCache.Mode.TRAIN);
        Files.write(jar, new byte[] {1, 2});
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(5)));
        AotCache rebuilt = AotCache.forJar(jar, List.of());
        assertThat(rebuilt.mode()).isEqualTo(AotCache.Mode.TRAIN);
        assertThat(cache).doesNotExist();
    }

    @Test
    void aClaimLeftByAKilledTrainingRunGoesStale() throws Exception {
        Path jar = Files.write(dir.resolve("catalog-service-1.jar"), new byte[] {1});
        AotCache killed = AotCache.forJar(jar, List.of());
        Path cache = Path.of(killed.javaOptions().getFirst().substring("-XX:AOTCacheOutput=".length()));
        Files.setLastModifiedTime(cache.resolveSibling(cache.getFileName() + ".training"), FileTime.from(Instant.now().minusSeconds(3600)));
        assertThat(AotCache.forJar(jar, List.of()).mode()).isEqualTo(AotCache.Mode.TRAIN);
    }
}
