package io.patchbay.kernel.infra.link;

import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.retry.annotation.CircuitBreaker;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import java.util.Optional;

/**
 * One look-up of a configuration in config-service, at most {@code patchbay.config-service.timeout} (2 s) each, with a bounded retry and a circuit breaker around it
 * ({@code patchbay.config-service.retries}, default 1 retry, so at most two calls; {@code .breaker-reset}, default 5 s). Not found and not visible
 * are answers, not failures. Micronaut's breaker opens as soon as one look-up has failed all its attempts; while it is
 * open (5 s) links answer 503 at once instead of waiting on timeouts again.
 */
@Singleton
public class ConfigServiceGateway {
    private final ConfigServiceClient client;
    private final Duration timeout;

    public ConfigServiceGateway(ConfigServiceClient client, @Value("${patchbay.config-service.timeout:2s}") Duration timeout) {
        this.client = client;
        this.timeout = timeout;
    }

    @CircuitBreaker(attempts = "${patchbay.config-service.retries:1}", delay = "${patchbay.config-service.retry-delay:100ms}",
            reset = "${patchbay.config-service.breaker-reset:5s}", includes = ConfigServiceUnavailableException.class)
    public Optional<LinkedConfiguration> find(String configurationId, String authorization) {
        CompletableFuture<LinkedConfiguration> call = client.configuration(configurationId, authorization);
        try {
            return Optional.ofNullable(call.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new ConfigServiceUnavailableException("config-service did not answer within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConfigServiceUnavailableException("interrupted while calling config-service", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof HttpClientResponseException response) {
                int status = response.code();
                if (status == 400 || status == 401 || status == 403 || status == 404) {
                    return Optional.empty();
                }
                throw new ConfigServiceUnavailableException("config-service answered " + status, response);
            }
            if (e.getCause() instanceof HttpClientException failure) {
                throw new ConfigServiceUnavailableException("config-service is unreachable: " + failure.getMessage(), failure);
            }
            throw new ConfigServiceUnavailableException("calling config-service failed: " + e.getCause(), e.getCause());
        }
    }
}
