package io.patchbay.test;

/** One PostgreSQL and one Kafka, started lazily; the embedded and the container flavours. */
interface Backend {

    void createDatabase(String name);

    String jdbcUrl(String database);

    String user();

    String password();

    String kafkaBootstrap();

    void stopKafka();

    void startKafka();
}
