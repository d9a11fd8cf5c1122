package io.patchbay.oauth.application.port.in;

import io.patchbay.kernel.auth.Caller;
import io.patchbay.kernel.auth.NamedTeam;
import io.patchbay.oauth.domain.Template;

import java.util.List;

/** The shipped templates, read-only, for administrators and publishers. */
public interface TemplatesUseCase {
    List<Template> list(Caller caller, NamedTeam team);

    Template get(Caller caller, NamedTeam team, String key);
}
