package io.patchbay.config.application.port.in;

import io.patchbay.config.domain.Configuration;
import io.patchbay.config.domain.DisableReason;
import io.patchbay.kernel.auth.Caller;

/** Reading, installing and changing configurations, and their manual lifecycle changes. */
public interface ConfigurationsUseCase {
    Configuration get(Caller caller, TeamSelector team, String id);

    ConfigurationListing list(ListConfigurationsQuery query);

    Configuration install(InstallCommand command);

    Configuration changeAccess(ChangeAccessCommand command);

    /** @param reason the reason the caller names, or null for the caller's default */
    Configuration disable(Caller caller, TeamSelector team, String id, DisableReason reason);

    Configuration enable(Caller caller, TeamSelector team, String id);

    Configuration transfer(TransferCommand command);

    void delete(Caller caller, TeamSelector team, String id);
}
