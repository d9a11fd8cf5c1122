package io.patchbay.oauth.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A user's OAuth session with one integration (from the browser login). The tokens themselves are sealed in the store and
 * never part of this record; {@code expiresAt} is null when the provider gave no {@code expires_in}.
 */
public record OAuthSession(long id, UUID guid, long integrationId, UUID integrationGuid, String integrationTeamId, String userId,
                           boolean hasRefreshToken, Instant expiresAt, Instant createdTime, Instant updatedTime) {

    /** Expired, or expiring within {@code skew}: the token is refreshed before it is handed out. */
    public boolean expiredAt(Instant now, Duration skew) {
        return expiresAt != null && !expiresAt.isAfter(now.plus(skew));
    }

    /** Seconds left at {@code now} (0 when expired); null when the provider gave no lifetime. */
    public Long expiresInAt(Instant now) {
        return expiresAt == null ? null : Math.max(0, Duration.between(now, expiresAt).toSeconds());
    }
}
