package io.patchbay.config.adapter.out.webhook;

import io.patchbay.config.application.port.out.VettedTarget;
import io.patchbay.config.application.port.out.WebhookTransport;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The JDK HttpClient, shared by all deliveries: redirects never followed, 5 s for the whole exchange (connect, answer and
 * the part of the body read), at most 64 KiB of the answer read and discarded. The host resolves only to the vetted
 * addresses while the request is under way ({@link PinnedAddresses}). Error texts name what failed, never a header value.
 */
@Singleton
class HttpWebhookTransport implements WebhookTransport {
    static final String DELIVERY_HEADER = "x-patchbay-delivery";
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    static final int MAX_ANSWER_BYTES = 64 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(HttpWebhookTransport.class);

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(TIMEOUT)
            .version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();
    private final boolean pinning;

    HttpWebhookTransport() {
        this.pinning = PinnedAddresses.installed();
        if (!pinning) {
            LOG.warn("webhook host pinning is not installed (META-INF/services/java.net.spi.InetAddressResolverProvider): "
                    + "deliveries are checked before they connect, but a DNS answer changing in between is not caught");
        }
    }

    @Override
    public Outcome send(VettedTarget target, byte[] body, String deliveryId, String signingSecret) {
        HttpRequest.Builder request = HttpRequest.newBuilder(target.url().uri()).timeout(TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("content-type", "application/json")
                .header(WebhookSignature.HEADER, WebhookSignature.sign(signingSecret, body))
                .header(DELIVERY_HEADER, deliveryId);
        long started = System.nanoTime();
        try (AutoCloseable pin = PinnedAddresses.pin(target.url().host(), target.addresses())) {
            CompletableFuture<HttpResponse<Void>> exchange = http.sendAsync(request.build(), info -> new CappedDiscard());
            try {
                HttpResponse<Void> response = exchange.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                return new Outcome(response.statusCode(), response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode(), since(started));
            } catch (TimeoutException e) {
                exchange.cancel(true);
                return new Outcome(null, "no answer within " + TIMEOUT.toSeconds() + " s", since(started));
            } catch (ExecutionException e) {
                return new Outcome(null, describe(e.getCause()), since(started));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, "interrupted", since(started));
        } catch (Exception e) {
            return new Outcome(null, describe(e), since(started));
        }
    }

    private static String describe(Throwable t) {
        if (t instanceof HttpConnectTimeoutException) {
            return "connect timed out";
        }
        if (t instanceof HttpTimeoutException) {
            return "no answer within " + TIMEOUT.toSeconds() + " s";
        }
        if (t instanceof ConnectException) {
            return "connection refused";
        }
        return "request failed (" + t.getClass().getSimpleName() + ")";
    }

    private static long since(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    @PreDestroy
    void close() {
        http.shutdownNow();
    }

    /** Reads at most {@link #MAX_ANSWER_BYTES} of the answer and drops them; past that the exchange is cancelled. */
    static final class CappedDiscard implements HttpResponse.BodySubscriber<Void> {
        private final CompletableFuture<Void> done = new CompletableFuture<>();
        private Flow.Subscription subscription;
        private long read;

        @Override
        public CompletionStage<Void> getBody() {
            return done;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            this.subscription = s;
            s.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            for (ByteBuffer b : items) {
                read += b.remaining();
            }
            if (read >= MAX_ANSWER_BYTES) {
                subscription.cancel();
                done.complete(null);
            } else {
                subscription.request(1);
            }
        }

        @Override
        public void onError(Throwable t) {
            done.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            done.complete(null);
        }
    }
}
