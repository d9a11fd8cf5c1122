package io.patchbay.devstack;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A service jar's JDK 25 ahead-of-time cache (JEP 483/514): the classes a start loads and links, kept beside the jar in
 * {@code target/aot/}. The first start after a build is the training run ({@code -XX:AOTCacheOutput}): the JVM writes
 * the cache when the service stops, which takes it a while (up to a minute on a loaded 2-core machine). Every later
 * start uses it ({@code -XX:AOTCache}): config-service reached its database in 3.5 s instead of 13.4 s on that machine.
 * The cache belongs to one jar (its size and time), one JDK and one set of JVM options: a new build or other options
 * train a new one. A cache that does not fit is ignored by the JVM, never an error.
 */
final class AotCache {
    /** A training run killed before it wrote the cache leaves its claim; after this long another start trains again. */
    private static final Duration STALE_CLAIM = Duration.ofMinutes(15);

    enum Mode { USE, TRAIN, NONE }

    private final Mode mode;
    private final Path file;

    private AotCache(Mode mode, Path file) {
        this.mode = mode;
        this.file = file;
    }

    /** The cache for {@code jar} started with {@code javaOptions}: used when it exists, trained by the first start that claims it. */
    static AotCache forJar(Path jar, List<String> javaOptions) {
        try {
            Path dir = jar.toAbsolutePath().getParent().resolve("aot");
            String name = jar.getFileName().toString().replaceFirst("\\.jar$", "");
            long key = Objects.hash(Files.size(jar), Files.getLastModifiedTime(jar).toMillis(), Runtime.version().toString(), javaOptions);
            Path file = dir.resolve(name + "-" + HexFormat.of().toHexDigits(key) + ".aot");
            if (Files.isRegularFile(file)) {
                return new AotCache(Mode.USE, file);
            }
            Files.createDirectories(dir);
            Path claim = claim(file);
            try {
                Files.createFile(claim);
            } catch (FileAlreadyExistsException e) {
                if (Files.getLastModifiedTime(claim).toInstant().isAfter(Instant.now().minus(STALE_CLAIM))) {
                    return new AotCache(Mode.NONE, file); // another instance of this jar is training it
                }
                Files.setLastModifiedTime(claim, FileTime.from(Instant.now()));
            }
            removeOthers(dir, name, file);
            return new AotCache(Mode.TRAIN, file);
        } catch (IOException e) {
            return new AotCache(Mode.NONE, null); // no cache: the service starts as it would without one
        }
    }

    /** The JVM options that use or train the cache. */
    List<String> javaOptions() {
        return switch (mode) {
            case USE -> List.of("-XX:AOTCache=" + file);
            case TRAIN -> List.of("-XX:AOTCacheOutput=" + file);
            case NONE -> List.of();
        };
    }

    Mode mode() {
        return mode;
    }

    /** After a training run ended: the claim goes, whether the JVM wrote the cache or was killed first. */
    void trainingEnded() {
        if (mode == Mode.TRAIN) {
            try {
                Files.deleteIfExists(claim(file));
            } catch (IOException ignored) {
                // a claim left behind goes stale
            }
        }
    }

    private static Path claim(Path file) {
        return file.resolveSibling(file.getFileName() + ".training");
    }

    /** Caches of earlier builds of the same jar. */
    private static void removeOthers(Path dir, String name, Path keep) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, name + "-*.aot")) {
            for (Path f : files) {
                if (!f.equals(keep)) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }
}
