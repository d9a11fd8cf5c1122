package io.patchbay.config.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver on a free local port (com.sun.net.httpserver): records every request; answers {@code status}, or
 * never answers while {@code hang} is set, or is not listening at all between {@link #stop()} and {@link #start()} (same
 * port). What an integrator's endpoint does with Vercel's webhooks: check the signature, dedupe by delivery id.
 */
final class Receiver implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    private final List<Request> requests = new ArrayList<>();
    private final AtomicInteger status = new AtomicInteger(200);
    private final CountDownLatch released = new CountDownLatch(1);
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private volatile boolean hang;
    private HttpServer server;
    private int port;

    record Request(String deliveryId, String signature, String contentType, byte[] body, long receivedAtNanos) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String type() {
            return json().get("type").asText();
        }

        String configurationId() {
            return json().get("payload").get("configuration").get("id").asText();
        }

        boolean signedWith(String secret) {
            try {
                Mac mac = Mac.getInstance("HmacSHA1");
                mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
                return HexFormat.of().formatHex(mac.doFinal(body)).equals(signature);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    Receiver() {
        start();
    }

    synchronized void start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        port = server.getAddress().getPort();
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            synchronized (this) {
                requests.add(new Request(exchange.getRequestHeaders().getFirst("x-patchbay-delivery"),
                        exchange.getRequestHeaders().getFirst("x-vercel-signature"), exchange.getRequestHeaders().getFirst("content-type"), body,
                        System.nanoTime()));
            }
            if (hang) {
                try {
                    released.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        server.start();
    }

    synchronized void stop() {
        server.stop(0);
    }

    void answer(int code) {
        status.set(code);
    }

    void hang() {
        hang = true;
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    int port() {
        return port;
    }

    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Distinct deliveries in the order they first arrived. */
    synchronized List<Request> firstArrivals() {
        List<Request> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Request r : requests) {
            if (seen.add(r.deliveryId())) {
                out.add(r);
            }
        }
        return out;
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
