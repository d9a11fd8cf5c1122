package io.patchbay.oauth.application;

import io.patchbay.kernel.error.DomainException;
import io.patchbay.kernel.auth.Caller;
import io.patchbay.kernel.auth.NamedTeam;
import io.patchbay.kernel.auth.TeamMembership;
import io.patchbay.oauth.application.port.in.TemplatesUseCase;
import io.patchbay.oauth.application.port.out.TemplateCatalog;
import io.patchbay.oauth.domain.PositRole;
import io.patchbay.oauth.domain.Template;
import jakarta.inject.Singleton;

import java.util.List;

/** Templates are the same for every tenant: an administrator or publisher of the acting team (or of any team, if none is named) reads them. */
@Singleton
public class TemplateService implements TemplatesUseCase {
    private final TemplateCatalog catalog;

    public TemplateService(TemplateCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public List<Template> list(Caller caller, NamedTeam team) {
        requireReader(caller, team);
        return catalog.all();
    }

    @Override
    public Template get(Caller caller, NamedTeam team, String key) {
        requireReader(caller, team);
        return catalog.find(key).orElseThrow(() -> new DomainException.NotFound("OAuth template " + key));
    }

    private static void requireReader(Caller caller, NamedTeam team) {
        if (Access.namesATeam(team)) {
            Access.requireReader(Access.roleIn(caller, Access.actingTeam(caller, team)));
            return;
        }
        if (caller.isAdmin()) {
            return;
        }
        boolean reader = caller.teams().stream().map(TeamMembership::role).map(PositRole::of).anyMatch(PositRole::mayReadIntegrations);
        if (!reader) {
            throw new DomainException.NotPermitted("viewers have no access to the OAuth integrations API");
        }
    }
}
