package io.patchbay.test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.testcontainers.DockerClientFactory;

/** Asks Testcontainers whether a Docker daemon answers; never throws. */
final class Docker {

    private Docker() {
    }

    static boolean available() {
        if (!anythingPointsAtADaemon()) {
            return false; // spares every test JVM Testcontainers' multi-line ERROR about a missing Docker
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }

    /** The places Testcontainers looks in; if none exists, no daemon can answer. */
    private static boolean anythingPointsAtADaemon() {
        if (System.getenv("DOCKER_HOST") != null || System.getProperty("docker.host") != null) {
            return true;
        }
        String home = System.getProperty("user.home");
        String runtimeDir = System.getenv("XDG_RUNTIME_DIR");
        return Stream.of(Path.of("/var/run/docker.sock"), Path.of(home, ".testcontainers.properties"),
                        Path.of(home, ".docker"), Path.of(runtimeDir == null ? "/nonexistent" : runtimeDir, "docker.sock"))
                .anyMatch(Files::exists);
    }
}
