package io.patchbay.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds a service's runnable jar: {@code <root>/<module>/target/<module>-*.jar} with a {@code Main-Class}, for a module
 * that has sources ({@code src/main/java}). Modules that are still empty shells are skipped quietly.
 */
final class ServiceJars {

    private ServiceJars() {
    }

    /** True when the module has code, so it is meant to run (and a missing jar is worth a word). */
    static boolean hasSources(Path root, ServiceDefinition service) {
        return Files.isDirectory(root.resolve(service.name()).resolve("src/main/java"));
    }

    /** The newest runnable jar of the service's module, if it has sources and has been built. */
    static Optional<Path> runnableJar(Path root, ServiceDefinition service) {
        if (!hasSources(root, service)) {
            return Optional.empty();
        }
        Path target = root.resolve(service.name()).resolve("target");
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(file -> isMainJar(file, service.name()))
                    .filter(ServiceJars::hasMainClass)
                    .max(Comparator.comparing(ServiceJars::modified));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean isMainJar(Path file, String module) {
        String name = file.getFileName().toString();
        return name.startsWith(module + "-") && name.endsWith(".jar")
                && !name.endsWith("-sources.jar") && !name.endsWith("-tests.jar") && !name.endsWith("-javadoc.jar")
                && Files.isRegularFile(file);
    }

    static boolean hasMainClass(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest() != null && file.getManifest().getMainAttributes().getValue("Main-Class") != null;
        } catch (IOException e) {
            return false;
        }
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
