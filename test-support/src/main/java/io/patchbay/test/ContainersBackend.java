package io.patchbay.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * {@code postgres:17} and {@code apache/kafka:3.9.1} through Testcontainers (removed by Ryuk at exit).
 * Kafka is "stopped" by pausing its container: clients then time out instead of being refused, and unpausing
 * keeps the mapped port and the data. That is the closest a container gets to the embedded broker's stop/start.
 */
final class ContainersBackend implements Backend {

    private static final String DUPLICATE_DATABASE = "42P04";

    private PostgreSQLContainer<?> postgres;
    private KafkaContainer kafka;

    private synchronized PostgreSQLContainer<?> postgres() {
        if (postgres == null) {
            PostgreSQLContainer<?> container = new PostgreSQLContainer<>(DockerImageName.parse("postgres:17"))
                    .withCommand("postgres", "-c", "fsync=off", "-c", "max_connections=200");
            container.start();
            postgres = container;
        }
        return postgres;
    }

    private synchronized KafkaContainer kafka() {
        if (kafka == null) {
            // as the embedded broker: session timeouts from 1 s (Kafka's minimum is 6 s); Testcontainers already sets
            // group.initial.rebalance.delay.ms=0 and replication factor 1 for the internal topics
            KafkaContainer container = new KafkaContainer(DockerImageName.parse("apache/kafka:3.9.1"))
                    .withEnv("KAFKA_GROUP_MIN_SESSION_TIMEOUT_MS", "1000");
            container.start();
            kafka = container;
        }
        return kafka;
    }

    @Override
    public void createDatabase(String name) {
        PostgreSQLContainer<?> container = postgres();
        try (Connection connection = DriverManager.getConnection(container.getJdbcUrl(), user(), password());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE \"" + name + "\"");
        } catch (SQLException e) {
            if (!DUPLICATE_DATABASE.equals(e.getSQLState())) {
                throw new IllegalStateException("Cannot create database " + name, e);
            }
        }
    }

    @Override
    public String jdbcUrl(String database) {
        PostgreSQLContainer<?> container = postgres();
        return "jdbc:postgresql://" + container.getHost() + ":"
                + container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT) + "/" + database;
    }

    @Override
    public String user() {
        return postgres().getUsername();
    }

    @Override
    public String password() {
        return postgres().getPassword();
    }

    @Override
    public String kafkaBootstrap() {
        return kafka().getBootstrapServers();
    }

    @Override
    public synchronized void stopKafka() {
        DockerClientFactory.instance().client().pauseContainerCmd(kafka().getContainerId()).exec();
    }

    @Override
    public synchronized void startKafka() {
        DockerClientFactory.instance().client().unpauseContainerCmd(kafka().getContainerId()).exec();
    }
}
