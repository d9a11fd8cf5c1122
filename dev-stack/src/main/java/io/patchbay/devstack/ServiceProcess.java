package io.patchbay.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A service running as its own JVM, output to its log file.
 * <p>
 * It is started through {@code setpriv --pdeathsig TERM}, so that the kernel stops it if the launcher dies without
 * running its shutdown code (kill -9). The "parent" the kernel watches is the <em>thread</em> that spawned the
 * process, so every spawn happens on one daemon thread that lives as long as the launcher's JVM.
 */
final class ServiceProcess {

    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");
    private static final ExecutorService SPAWNER = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "patchbay-service-spawner");
        thread.setDaemon(true);
        return thread;
    });

    private final ServiceDefinition service;
    private final int port;
    private final Path log;
    private final Process process;
    private final AotCache aot;

    private ServiceProcess(ServiceDefinition service, int port, Path log, Process process, AotCache aot) {
        this.service = service;
        this.port = port;
        this.log = log;
        this.process = process;
        this.aot = aot;
    }

    static ServiceProcess start(ServiceDefinition service, Path jar, int port, Map<String, String> environment,
                                String extraJavaOptions, Path log) throws IOException {
        Files.createDirectories(log.getParent());
        if (Files.exists(log)) {
            Files.move(log, log.resolveSibling(log.getFileName() + ".previous"), StandardCopyOption.REPLACE_EXISTING);
        }
        AotCache aot = AotCache.forJar(jar, javaOptions(extraJavaOptions));
        ProcessBuilder builder = new ProcessBuilder(command(jar, extraJavaOptions, aot))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        try {
            return new ServiceProcess(service, port, log, SPAWNER.submit(builder::start).get(), aot);
        } catch (ExecutionException e) {
            aot.trainingEnded();
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while starting " + service.name(), e);
        }
    }

    static List<String> command(Path jar, String extraJavaOptions, AotCache aot) {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(SETPRIV)) {
            command.addAll(List.of(SETPRIV.toString(), "--pdeathsig", "TERM"));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaOptions(extraJavaOptions));
        command.addAll(aot.javaOptions());
        command.addAll(List.of("-jar", jar.toString()));
        return command;
    }

    private static List<String> javaOptions(String extraJavaOptions) {
        List<String> options = new ArrayList<>();
        // the two flags only keep JDK 25's warnings about Netty's and Kafka's Unsafe/JNI use out of the logs
        options.addAll(List.of("--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"));
        // memory: the heap starts small and grows as the service needs it (the JVM's default start is 1/64 of the
        // machine's memory, 384 MiB here, all of it touched in time); the serial collector has the smallest footprint and
        // no concurrent threads competing for two cores
        options.addAll(List.of("-Xms32m", "-Xmx384m", "-XX:+UseSerialGC"));
        // native memory the JVM's own code freed (the JIT's arenas, Netty's buffers) goes back to the system every 2 s
        // instead of staying with the C library: 242 -> 215 MiB for config-service after 30 s of GET load here
        options.add("-XX:TrimNativeHeapInterval=2000");
        Arrays.stream(extraJavaOptions.trim().split("\\s+")).filter(s -> !s.isEmpty()).forEach(options::add);
        return options;
    }

    /** True when this start trains the jar's start-up cache: the JVM writes it when the service stops. */
    boolean trainsStartupCache() {
        return aot.mode() == AotCache.Mode.TRAIN;
    }

    ServiceDefinition service() {
        return service;
    }

    int port() {
        return port;
    }

    Path log() {
        return log;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int exitValue() {
        return process.exitValue();
    }

    /** SIGTERM: the service shuts down gracefully (its shutdown hooks run). */
    void requestStop() {
        process.destroy();
    }

    /** Waits for the process to end after {@link #requestStop()}; kills it (and anything it started) after the grace period. */
    void awaitStop(long graceMillis) {
        try {
            if (!process.waitFor(graceMillis, TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        } finally {
            if (!process.isAlive()) {
                aot.trainingEnded();
            }
        }
    }
}
