package io.patchbay.kernel.infra.link;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.client.annotation.Client;

import java.util.concurrent.CompletableFuture;

/**
 * config-service's read endpoint, as consuming services call it. URL: {@code micronaut.http.services.config-service.url}
 * ({@code PATCHBAY_CONFIG_SERVICE_URL}); the time limit is applied by {@link ConfigServiceGateway}.
 */
@Client(id = "config-service")
public interface ConfigServiceClient {
    @Get("/v1/integrations/configuration/{id}")
    CompletableFuture<LinkedConfiguration> configuration(@PathVariable String id, @Header(HttpHeaders.AUTHORIZATION) String authorization);
}
