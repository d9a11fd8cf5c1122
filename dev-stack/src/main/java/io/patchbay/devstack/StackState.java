package io.patchbay.devstack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * {@code <dir>/stack.properties}, written while a stack is up: the launcher's pid and the ports in use, so that
 * {@code ./patchbay status} finds a stack that was started with other ports. Deleted when the stack stops.
 */
record StackState(long pid, int postgresPort, int kafkaPort, Map<String, Integer> servicePorts) {

    static final String FILE = "stack.properties";

    StackState {
        servicePorts = Map.copyOf(servicePorts);
    }

    boolean launcherAlive() {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    void write(Path dir) {
        Properties properties = new Properties();
        properties.setProperty("pid", Long.toString(pid));
        properties.setProperty("postgres.port", Integer.toString(postgresPort));
        properties.setProperty("kafka.port", Integer.toString(kafkaPort));
        servicePorts.forEach((name, port) -> properties.setProperty("service." + name + ".port", Integer.toString(port)));
        Path file = dir.resolve(FILE);
        Path temporary = dir.resolve(FILE + ".tmp");
        try (Writer writer = Files.newBufferedWriter(temporary)) {
            properties.store(writer, "written by ./patchbay up while the stack runs");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Optional<StackState> read(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
            Map<String, Integer> services = new LinkedHashMap<>();
            for (String key : properties.stringPropertyNames()) {
                if (key.startsWith("service.") && key.endsWith(".port")) {
                    services.put(key.substring("service.".length(), key.length() - ".port".length()),
                            Integer.parseInt(properties.getProperty(key)));
                }
            }
            return Optional.of(new StackState(Long.parseLong(properties.getProperty("pid")),
                    Integer.parseInt(properties.getProperty("postgres.port")),
                    Integer.parseInt(properties.getProperty("kafka.port")), services));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static void delete(Path dir) {
        try {
            Files.deleteIfExists(dir.resolve(FILE));
        } catch (IOException ignored) {
            // a stale file is ignored by status anyway (its pid is gone)
        }
    }
}
