package io.patchbay.test;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Node.js project in the repository (the @vercel/sdk example, the deployment linters) that a test runs: installs
 * its locked dependencies with {@code npm ci} on first use and runs its commands. Tests call {@link #available()} in an
 * assumption, so that a machine without Node.js reports them as skipped with the reason rather than failing.
 */
public final class NodeProject {
    private final Path dir;

    private NodeProject(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    /** The project in {@code dir}, with its dependencies installed ({@code npm ci}) unless {@code probe} is there. */
    public static NodeProject installed(Path dir, String probe) throws IOException, InterruptedException {
        NodeProject project = new NodeProject(dir);
        if (!Files.exists(project.dir.resolve("node_modules").resolve(probe))) {
            Result install = project.run(Map.of(), 300, "npm", "ci", "--no-audit", "--no-fund");
            assertThat(install.exitCode()).as("npm ci in %s: %s", project.dir, install.output()).isZero();
        }
        return project;
    }

    /** Whether {@code node} and {@code npm} are on the PATH. */
    public static boolean available() {
        return onPath("node") && onPath("npm");
    }

    public Path dir() {
        return dir;
    }

    /** Runs {@code command} in the project directory; stdout and stderr together. */
    public Result run(Map<String, String> env, int timeoutSeconds, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(timeoutSeconds, TimeUnit.SECONDS)).as("%s finished", List.of(command)).isTrue();
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    public record Result(int exitCode, String output) {
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String entry : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(entry, tool))) {
                return true;
            }
        }
        return false;
    }
}
