package io.patchbay.devstack;

import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;

/**
 * Ctrl-C (SIGINT) and SIGTERM ask the stack to stop instead of starting the JVM's shutdown straight away, so that
 * services, Kafka and PostgreSQL are stopped in that order by one thread. A second signal forces the exit.
 * Without {@code sun.misc.Signal} the JVM's own handling applies and the shutdown hook stops the stack.
 */
final class Signals {

    private Signals() {
    }

    static void onStop(Runnable stop, Runnable force) {
        AtomicBoolean signalled = new AtomicBoolean();
        try {
            for (String name : new String[] {"INT", "TERM"}) {
                Signal.handle(new Signal(name), signal -> {
                    if (signalled.compareAndSet(false, true)) {
                        stop.run();
                    } else {
                        force.run();
                    }
                });
            }
        } catch (RuntimeException | LinkageError e) {
            // no signal handling available: the shutdown hook stops everything
        }
    }
}
