package io.patchbay.catalog.adapter.out.discovery;

import io.micronaut.context.annotation.Value;
import io.patchbay.catalog.application.port.out.ResourceDiscoverer;
import io.patchbay.catalog.domain.DiscoveredResource;
import io.patchbay.catalog.domain.DiscoveryResult;
import io.patchbay.catalog.domain.Permission;
import io.patchbay.catalog.domain.ResourceTypeSpec;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupsOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The {@code kafka} connector: the Kafka admin client lists the cluster's topics (internal ones excluded) and consumer
 * groups; SASL credentials come from the secret parameters {@code username}/{@code password}.
 */
@Singleton
class KafkaDiscoverer implements ResourceDiscoverer {
    static final String TOPIC = "kafka-topic";
    static final String GROUP = "kafka-consumer-group";

    private final Duration connectTimeout;

    KafkaDiscoverer(@Value("${patchbay.discovery.connect-timeout:10s}") Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    @Override
    public String type() {
        return "kafka";
    }

    @Override
    public DiscoveryResult discover(DiscoveryRequest request) {
        String bootstrap = request.config().get("bootstrap_servers");
        String protocol = request.config().getOrDefault("security_protocol", "PLAINTEXT");
        int timeoutMs = (int) Math.max(1000, connectTimeout.toMillis());
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.SECURITY_PROTOCOL_CONFIG, protocol);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "patchbay-catalog-discovery");
        if (protocol.startsWith("SASL")) {
            String user = request.credentials().get("username");
            if (user == null) {
                return DiscoveryResult.failed("security_protocol " + protocol + " needs the secret parameters username and password");
            }
            String mechanism = request.config().getOrDefault("sasl_mechanism", "PLAIN");
            String module = mechanism.equals("PLAIN") ? "org.apache.kafka.common.security.plain.PlainLoginModule"
                    : "org.apache.kafka.common.security.scram.ScramLoginModule";
            props.put("sasl.mechanism", mechanism);
            props.put("sasl.jaas.config", module + " required username=\"" + escape(user) + "\" password=\""
                    + escape(request.credentials().getOrDefault("password", "")) + "\";");
        }
        Admin admin;
        try {
            admin = Admin.create(props);
        } catch (RuntimeException e) {
            return DiscoveryResult.failed("invalid Kafka client settings for " + bootstrap + ": " + e.getMessage());
        }
        try {
            List<DiscoveredResource> resources = new ArrayList<>();
            Set<String> complete = new HashSet<>();
            List<String> warnings = new ArrayList<>();
            boolean reached = false;
            String firstError = null;
            if (request.resourceTypes().contains(TOPIC)) {
                try {
                    Set<String> topics = new TreeSet<>(admin.listTopics(new ListTopicsOptions().listInternal(false).timeoutMs(timeoutMs))
                            .names().get(timeoutMs + 1000L, TimeUnit.MILLISECONDS));
                    topics.forEach(t -> resources.add(new DiscoveredResource("topic:" + t, t, TOPIC)));
                    complete.add(TOPIC);
                    reached = true;
                } catch (ExecutionException | TimeoutException e) {
                    firstError = describe(e);
                    warnings.add("could not list topics: " + firstError);
                }
            }
            if (request.resourceTypes().contains(GROUP)) {
                try {
                    Collection<ConsumerGroupListing> groups = admin.listConsumerGroups(new ListConsumerGroupsOptions().timeoutMs(timeoutMs))
                            .all().get(timeoutMs + 1000L, TimeUnit.MILLISECONDS);
                    groups.stream().map(ConsumerGroupListing::groupId).sorted()
                            .forEach(g -> resources.add(new DiscoveredResource("group:" + g, g, GROUP)));
                    complete.add(GROUP);
                    reached = true;
                } catch (ExecutionException | TimeoutException e) {
                    firstError = firstError == null ? describe(e) : firstError;
                    warnings.add("could not list consumer groups: " + describe(e));
                }
            }
            if (!reached) {
                return DiscoveryResult.failed("could not reach Kafka at " + bootstrap + " (" + protocol + "): " + firstError);
            }
            List<Permission> permissions = new ArrayList<>();
            for (ResourceTypeSpec spec : request.catalogType().resourceTypes()) {
                if (request.resourceTypes().contains(spec.id())) {
                    spec.permissions().forEach(p -> permissions.add(Permission.of(spec.id(), p)));
                }
            }
            return new DiscoveryResult(resources, permissions, complete, warnings, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DiscoveryResult.failed("Kafka discovery was interrupted");
        } finally {
            admin.close(Duration.ofSeconds(2));
        }
    }

    private static String describe(Exception e) {
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof TimeoutException || cause instanceof org.apache.kafka.common.errors.TimeoutException) {
            return "no answer from the brokers in time (" + cause.getMessage() + ")";
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
