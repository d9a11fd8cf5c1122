package io.patchbay.infra.embedded;

import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Starts PostgreSQL's programs, unprivileged and tied to this JVM's life.
 * <p>
 * PostgreSQL refuses to run as root. When we are root, its programs run through {@code unshare -U}: a new user
 * namespace with no uid mapping, in which the process appears as the overflow user (65534, "nobody") and so do
 * the root-owned files it touches, so the "data directory owned by the current user" check passes while the
 * kernel still grants access as the real owner. No chown, no extra OS user. ({@code unshare -U -r} would not do:
 * it maps us to root again.)
 * <p>
 * {@code setpriv --pdeathsig INT} makes the kernel send the server a fast-shutdown signal if the JVM dies without
 * running its shutdown hooks (kill -9, halt). The "parent" the kernel watches is the thread that spawned the
 * process, so every spawn happens on one daemon thread that lives as long as the JVM.
 */
final class PostgresLauncher {

    private static final boolean ROOT = new UnixSystem().getUid() == 0;
    private static final boolean SETPRIV = Files.isExecutable(Path.of("/usr/bin/setpriv"));
    private static final ExecutorService SPAWNER = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "embedded-postgres-spawner");
        thread.setDaemon(true);
        return thread;
    });

    private PostgresLauncher() {
    }

    /** Starts {@code home/bin/program} with stdout and stderr going to {@code log}. */
    static Process start(Path home, String program, List<String> args, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command(home.resolve("bin").resolve(program).toString(), args))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        try {
            return SPAWNER.submit(builder::start).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while starting " + program, e);
        }
    }

    private static List<String> command(String executable, List<String> args) {
        List<String> command = new ArrayList<>();
        if (SETPRIV) {
            command.addAll(List.of("/usr/bin/setpriv", "--pdeathsig", "INT"));
        }
        if (ROOT) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(executable);
        command.addAll(args);
        return command;
    }
}
