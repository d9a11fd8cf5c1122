package io.patchbay.catalog.application;

import io.patchbay.catalog.application.port.in.DiscoveryWorkUseCase;
import io.patchbay.catalog.application.port.out.BuiltInConnector;
import io.patchbay.catalog.application.port.out.DiscoveryJobs;
import io.patchbay.catalog.application.port.out.DiscoverySettings;
import io.patchbay.catalog.application.port.out.IntegrationStore;
import io.patchbay.catalog.application.port.out.ResourceDiscoverer;
import io.patchbay.catalog.domain.CatalogType;
import io.patchbay.catalog.domain.DiscoveryResult;
import io.patchbay.catalog.domain.Integration;
import io.patchbay.catalog.domain.IntegrationStatus;
import io.patchbay.catalog.domain.SecretStore;
import io.patchbay.kernel.secret.SecretBox;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A worker's step: claim a due job (durable table, FOR UPDATE SKIP LOCKED, leased), resolve the credentials, run the
 * connector with a time limit outside any transaction, then apply the result. A worker that dies leaves its lease to
 * expire and another worker claims the job again; after {@code maxAttempts} the integration ends in Error.
 */
@Singleton
public class DiscoveryService implements DiscoveryWorkUseCase {
    private final DiscoverySteps steps;
    private final IntegrationStore integrations;
    private final CatalogService catalog;
    private final BuiltInConnector builtIn;
    private final SecretBox secrets;
    private final DiscoverySettings settings;
    private final Clock clock;
    private final ExecutorService runner = Executors.newVirtualThreadPerTaskExecutor();

    public DiscoveryService(DiscoverySteps steps, IntegrationStore integrations, CatalogService catalog, BuiltInConnector builtIn,
                            SecretBox secrets, DiscoverySettings settings, Clock clock) {
        this.steps = steps;
        this.integrations = integrations;
        this.catalog = catalog;
        this.builtIn = builtIn;
        this.secrets = secrets;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public boolean runNext(String workerId) {
        Instant now = clock.instant();
        Optional<DiscoveryJobs.ClaimedJob> claimed = steps.claim(workerId, now, now.plus(settings.lease()));
        if (claimed.isEmpty()) {
            return false;
        }
        DiscoveryJobs.ClaimedJob job = claimed.get();
        if (job.attempts() > settings.maxAttempts()) {
            steps.abandon(job, workerId, settings.maxAttempts(), clock.instant());
            return true;
        }
        Optional<Integration> found = integrations.find(job.integrationId());
        if (found.isEmpty()) {
            steps.finish(job, workerId, "skipped", "integration deleted", clock.instant());
            return true;
        }
        Integration integration = found.get();
        if (integration.status() == IntegrationStatus.DISABLED) {
            steps.finish(job, workerId, "skipped", "integration disabled", clock.instant());
            return true;
        }
        Optional<CatalogType> type = catalog.find(integration.type());
        if (type.isEmpty()) {
            steps.complete(job, workerId, integration.revision(), emptyType(integration.type()),
                    DiscoveryResult.failed("integration type " + integration.type() + " is no longer in the catalog"), clock.instant());
            return true;
        }
        DiscoveryResult result = discover(integration, type.get());
        steps.complete(job, workerId, integration.revision(), type.get(), result, clock.instant());
        return true;
    }

    private DiscoveryResult discover(Integration integration, CatalogType type) {
        if (!builtIn.id().equals(integration.connectorId())) {
            return DiscoveryResult.failed("connector '" + integration.connectorId() + "' is not connected; only the built-in connector '"
                    + builtIn.id() + "' runs in this deployment");
        }
        Map<String, String> credentials = new LinkedHashMap<>();
        SecretStore store = integration.secretStore();
        if (store != null && !store.isApono()) {
            return DiscoveryResult.failed("the credentials are in the " + store.describe() + " secret store, which this deployment "
                    + "cannot reach (no " + PublishedNames.NAMES.name(store.kind()) + " access is configured); store them in the apono secret store instead");
        }
        if (store != null) {
            for (var entry : store.fields().entrySet()) {
                try {
                    credentials.put(entry.getKey(), secrets.open(entry.getValue()));
                } catch (IllegalArgumentException e) {
                    return DiscoveryResult.failed("the stored secret parameter '" + entry.getKey()
                            + "' cannot be decrypted with the configured encryption keys; send the credentials again");
                }
            }
        }
        // the source's answers may repeat a credential (PostgreSQL: 'password authentication failed for user "…"')
        return run(integration, type, credentials).scrubbed(credentials.values());
    }

    private DiscoveryResult run(Integration integration, CatalogType type, Map<String, String> credentials) {
        ResourceDiscoverer discoverer = catalog.discoverer(type.type()).orElseThrow();
        var request = new ResourceDiscoverer.DiscoveryRequest(type, integration.config(), credentials,
                new LinkedHashSet<>(integration.effectiveResourceTypes(type)), settings.jobTimeout());
        Future<DiscoveryResult> future = runner.submit(() -> discoverer.discover(request));
        try {
            return future.get(settings.jobTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return DiscoveryResult.failed("discovery did not finish within " + settings.jobTimeout().toSeconds() + " s and was stopped");
        } catch (ExecutionException e) {
            return DiscoveryResult.failed("discovery failed: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            return DiscoveryResult.failed("discovery was interrupted (the service is stopping)");
        }
    }

    private static CatalogType emptyType(String type) {
        return new CatalogType(type, type, "", "", java.util.List.of(), false, java.util.List.of(), java.util.List.of(), java.util.List.of());
    }
}
