package io.patchbay.oauth.support;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;

/** Keeps every log line of the test JVM (message, logger, MDC and stack trace) for the secret leak scan (logback-test.xml). */
public class CapturingAppender extends AppenderBase<ILoggingEvent> {
    /** The OAuth server running in the test JVM (a provider: it is given the secrets) — its own logs are not the service's. */
    static final java.util.List<String> PROVIDER_LOGGERS = java.util.List.of("no.nav.", "okhttp3.", "mockwebserver");

    @Override
    protected void append(ILoggingEvent event) {
        if (PROVIDER_LOGGERS.stream().anyMatch(event.getLoggerName()::startsWith)) {
            return;
        }
        StringBuilder line = new StringBuilder(event.getLevel() + " " + event.getLoggerName() + " " + event.getFormattedMessage());
        if (!event.getMDCPropertyMap().isEmpty()) {
            line.append(' ').append(event.getMDCPropertyMap());
        }
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) {
            line.append('\n').append(ThrowableProxyUtil.asString(thrown));
        }
        Captured.log(line.toString());
    }
}
