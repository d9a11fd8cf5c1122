package io.patchbay.config.application.port.in;

import io.patchbay.config.domain.ProjectSelection;
import io.patchbay.config.domain.Source;
import io.patchbay.kernel.auth.Caller;

import java.util.List;

/** Install an app. {@code scopes} null = all the app's scopes; {@code selection} null = all; {@code source} null = external. */
public record InstallCommand(Caller caller, TeamSelector team, String integrationIdOrSlug, List<String> scopes,
                             ProjectSelection selection, List<String> projects, Source source) {
}
