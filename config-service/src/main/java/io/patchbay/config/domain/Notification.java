package io.patchbay.config.domain;

import io.patchbay.kernel.error.DomainException;

import java.util.Objects;

/** A partner's notice on an installation: level and title required, message and href optional. */
public record Notification(NotificationLevel level, String title, String message, String href) {
    public Notification {
        Objects.requireNonNull(level);
        if (title == null || title.isBlank()) {
            throw new DomainException.InvalidValue("notification.title", "is required");
        }
        if (title.length() > 200) {
            throw new DomainException.InvalidValue("notification.title", "must be at most 200 characters");
        }
        if (message != null && message.length() > 2000) {
            throw new DomainException.InvalidValue("notification.message", "must be at most 2000 characters");
        }
        if (href != null && !href.matches("https?://\\S{1,2000}")) {
            throw new DomainException.InvalidValue("notification.href", "must be an http(s) URL");
        }
    }
}
