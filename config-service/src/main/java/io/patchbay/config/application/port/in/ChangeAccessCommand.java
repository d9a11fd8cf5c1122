package io.patchbay.config.application.port.in;

import io.patchbay.config.domain.ProjectSelection;
import io.patchbay.kernel.auth.Caller;

import java.util.List;

/** Change what a configuration may touch; null fields are left as they are. */
public record ChangeAccessCommand(Caller caller, TeamSelector team, String id, List<String> scopes, ProjectSelection selection,
                                  List<String> projects, boolean projectsGiven) {
}
