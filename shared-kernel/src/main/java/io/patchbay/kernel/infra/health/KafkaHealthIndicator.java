package io.patchbay.kernel.infra.health;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.reactivestreams.Publisher;
import io.micronaut.core.async.publisher.Publishers;

import java.util.Map;

/** Readiness: the Kafka cluster answers {@code describeCluster} within two seconds. */
@Singleton
@Readiness
@Requires(property = "kafka.bootstrap.servers")
public class KafkaHealthIndicator implements HealthIndicator {
    private final Admin admin;

    public KafkaHealthIndicator(@Value("${kafka.bootstrap.servers}") String bootstrap) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.CLIENT_ID_CONFIG, "health"));
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Publishers.fromCompletableFuture(() -> admin.describeCluster(new DescribeClusterOptions().timeoutMs(2000)).nodes()
                .toCompletionStage().toCompletableFuture()
                .handle((nodes, error) -> error == null
                        ? HealthResult.builder("kafka", HealthStatus.UP).details(Map.of("brokers", nodes.size())).build()
                        : HealthResult.builder("kafka", HealthStatus.DOWN).details(Map.of("error", error.getClass().getSimpleName())).build()));
    }

    @PreDestroy
    void close() {
        admin.close();
    }
}
