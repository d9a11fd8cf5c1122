package io.patchbay.devstack;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** A repository root with service modules and jars, but no code to run: enough for discovery and argument checks. */
final class FakeRepository {

    private FakeRepository() {
    }

    /** {@code <root>/<module>/src/main/java} and {@code target/<module>-0.1.0-SNAPSHOT.jar}, with or without a Main-Class. */
    static Path module(Path root, String module, boolean withMainClass) throws IOException {
        Files.createDirectories(root.resolve(module).resolve("src/main/java"));
        Path jar = root.resolve(module).resolve("target").resolve(module + "-0.1.0-SNAPSHOT.jar");
        Files.createDirectories(jar.getParent());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (withMainClass) {
            manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "example.Main");
        }
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(file, manifest)) {
            // the manifest is all
        }
        return jar;
    }
}
