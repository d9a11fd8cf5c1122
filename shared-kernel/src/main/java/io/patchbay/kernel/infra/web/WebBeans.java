package io.patchbay.kernel.infra.web;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.patchbay.kernel.paging.CursorCodec;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

/** Beans every service uses: the clock and the page-cursor codec ({@code PATCHBAY_CURSOR_SECRET}). */
@Factory
public class WebBeans {
    static final String DEV_CURSOR_SECRET = "patchbay-dev-cursor-secret-change-me";

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    CursorCodec cursorCodec(@Value("${patchbay.cursor.secret:" + DEV_CURSOR_SECRET + "}") String secret) {
        return new CursorCodec(secret.getBytes(StandardCharsets.UTF_8));
    }
}
