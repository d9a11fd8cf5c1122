package io.patchbay.kernel.infra.audit;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/**
 * Time-ordered entry ids (UUID version 7): the millisecond of the entry, then a counter within that millisecond, then
 * random bits. Entries written in the same millisecond (a bulk change's chunk) keep the order they were made in, so
 * "newest first" ({@code occurred_at DESC, id DESC}) is the reverse of the order of writing within this process.
 */
final class AuditIds {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static long lastMillis = -1;
    private static int counter;

    private AuditIds() {
    }

    static synchronized UUID next(Instant at) {
        long millis = at.toEpochMilli();
        if (millis > lastMillis) {
            lastMillis = millis;
            counter = RANDOM.nextInt(1 << 10);
        } else {
            millis = lastMillis;
            counter++;
            if (counter >= 1 << 12) {
                lastMillis = ++millis;
                counter = 0;
            }
        }
        long msb = (millis << 16) | 0x7000L | counter;
        long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
