package io.patchbay.oauth.application.port.in;

import io.patchbay.kernel.auth.Caller;
import io.patchbay.oauth.domain.Association;

import java.util.List;
import java.util.UUID;

/** A content item's associations in the acting team; {@code replace} sets them all at once (unknown guids: 400, nothing changed). */
public interface ContentAssociationsUseCase {
    List<Association> list(Caller caller, String teamHeader, UUID contentGuid);

    void replace(Caller caller, String teamHeader, UUID contentGuid, List<UUID> integrationGuids);
}
