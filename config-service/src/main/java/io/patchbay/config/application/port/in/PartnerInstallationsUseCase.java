package io.patchbay.config.application.port.in;

import io.patchbay.kernel.auth.Caller;

/** What an app's partner team does to installations of its app. */
public interface PartnerInstallationsUseCase {
    void update(PartnerUpdateCommand command);

    void finalizeDeletion(Caller caller, String id);
}
