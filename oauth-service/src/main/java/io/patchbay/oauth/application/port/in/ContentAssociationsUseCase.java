package io.patchbay.oauth.application.port.in;

import io.patchbay.kernel.auth.Caller;
import io.patchbay.kernel.auth.NamedTeam;
import io.patchbay.oauth.domain.Association;

import java.util.List;
import java.util.UUID;

/** A content item's associations in the acting team; {@code replace} sets them all at once (unknown guids: 400, nothing changed). */
public interface ContentAssociationsUseCase {
    List<Association> list(Caller caller, NamedTeam team, UUID contentGuid);

    void replace(Caller caller, NamedTeam team, UUID contentGuid, List<UUID> integrationGuids);
}
