package io.patchbay.devstack;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A closed-loop load for {@code ./patchbay bench}: {@code connections} threads, each with its own {@link Call} (its own
 * connection), calling back to back; every call's latency goes to an HdrHistogram {@link Recorder}. Warm-up runs windows
 * until two in a row agree on throughput within 10 % (JIT, pools and caches settled), then the measured runs follow.
 */
final class Load implements AutoCloseable {

    /** One request on one connection; throws when the answer is not the expected one. */
    interface Call extends AutoCloseable {
        void call() throws Exception;

        @Override
        void close() throws Exception;
    }

    interface CallFactory {
        Call open() throws Exception;
    }

    /** One window: calls per second and latency percentiles in microseconds. */
    record Window(double perSecond, long calls, long errors, long p50Micros, long p99Micros, long maxMicros) {
        static Window of(Histogram histogram, long errors, Duration length) {
            return new Window(histogram.getTotalCount() / (length.toNanos() / 1e9), histogram.getTotalCount(), errors,
                    histogram.getValueAtPercentile(50) / 1000, histogram.getValueAtPercentile(99) / 1000,
                    histogram.getMaxValue() / 1000);
        }
    }

    private final Recorder recorder = new Recorder(3);
    private final AtomicLong errors = new AtomicLong();
    private final AtomicReference<Exception> firstError = new AtomicReference<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    private Load(String name, int connections, CallFactory factory) throws Exception {
        CountDownLatch opened = new CountDownLatch(connections);
        List<Call> calls = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            calls.add(factory.open());
        }
        for (Call call : calls) {
            Thread thread = Thread.ofPlatform().daemon().name(name + "-" + threads.size()).start(() -> loop(call, opened));
            threads.add(thread);
        }
        opened.await();
    }

    /** Starts {@code connections} callers; they run until {@link #close()}. */
    static Load start(String name, int connections, CallFactory factory) throws Exception {
        return new Load(name, connections, factory);
    }

    private void loop(Call call, CountDownLatch opened) {
        opened.countDown();
        try (call) {
            while (running) {
                long started = System.nanoTime();
                try {
                    call.call();
                    recorder.recordValue(System.nanoTime() - started);
                } catch (Exception e) {
                    errors.incrementAndGet();
                    firstError.compareAndSet(null, e);
                }
            }
        } catch (Exception e) {
            firstError.compareAndSet(null, e);
        }
    }

    /** Windows of {@code length} until two in a row are within 10 % of each other, at most {@code maxWindows}. */
    List<Window> warmUp(Duration length, int maxWindows) throws InterruptedException {
        List<Window> windows = new ArrayList<>();
        windows.add(measure(length));
        while (windows.size() < maxWindows) {
            Window window = measure(length);
            double previous = windows.getLast().perSecond();
            windows.add(window);
            if (previous > 0 && Math.abs(window.perSecond() - previous) / previous <= 0.10) {
                break;
            }
        }
        return windows;
    }

    /** One measured window of {@code length}. */
    Window measure(Duration length) throws InterruptedException {
        recorder.getIntervalHistogram(); // drop what came before
        long errorsBefore = errors.get();
        long started = System.nanoTime();
        Thread.sleep(length);
        Histogram histogram = recorder.getIntervalHistogram();
        return Window.of(histogram, errors.get() - errorsBefore, Duration.ofNanos(System.nanoTime() - started));
    }

    /** The first failure a caller saw, if any (the bench reports it instead of a figure). */
    Exception firstError() {
        return firstError.get();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join(10_000);
        }
    }
}
