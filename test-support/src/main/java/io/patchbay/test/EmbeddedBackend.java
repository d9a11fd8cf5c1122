package io.patchbay.test;

import io.patchbay.infra.embedded.Directories;
import io.patchbay.infra.embedded.EmbeddedKafka;
import io.patchbay.infra.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Real servers from Maven Central in and beside this JVM; their data lives in a temp dir removed at exit. */
final class EmbeddedBackend implements Backend {

    private final Path root;
    private EmbeddedPostgres postgres;
    private EmbeddedKafka kafka;

    EmbeddedBackend() {
        try {
            root = Files.createTempDirectory("patchbay-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown, "test-infra-cleanup"));
    }

    private synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            postgres = EmbeddedPostgres.builder(root.resolve("postgres")).durable(false).start();
        }
        return postgres;
    }

    private synchronized EmbeddedKafka kafka() {
        if (kafka == null) {
            kafka = EmbeddedKafka.start(root.resolve("kafka"), 0);
        }
        return kafka;
    }

    @Override
    public void createDatabase(String name) {
        postgres().createDatabase(name);
    }

    @Override
    public String jdbcUrl(String database) {
        return postgres().jdbcUrl(database);
    }

    @Override
    public String user() {
        return EmbeddedPostgres.USER;
    }

    @Override
    public String password() {
        return EmbeddedPostgres.PASSWORD;
    }

    @Override
    public String kafkaBootstrap() {
        return kafka().bootstrapServers();
    }

    @Override
    public void stopKafka() {
        kafka().stop();
    }

    @Override
    public void startKafka() {
        kafka().start();
    }

    /** Stops both servers (their own hooks may be doing the same; stop() is idempotent) and deletes the data. */
    private synchronized void shutdown() {
        if (kafka != null) {
            kafka.stop();
        }
        if (postgres != null) {
            postgres.stop();
        }
        Directories.deleteRecursively(root);
    }
}
