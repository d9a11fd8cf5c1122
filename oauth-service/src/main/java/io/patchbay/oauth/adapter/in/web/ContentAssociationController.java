package io.patchbay.oauth.adapter.in.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.patchbay.kernel.auth.Caller;
import io.patchbay.kernel.error.Problems;
import io.patchbay.oauth.application.port.in.ContentAssociationsUseCase;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Controller("/__api__/v1/content/{content_guid}/oauth/integrations/associations")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "OAuth integrations")
public class ContentAssociationController {
    private static final String FIELD = "oauth_integration_guid";

    private final ContentAssociationsUseCase associations;

    public ContentAssociationController(ContentAssociationsUseCase associations) {
        this.associations = associations;
    }

    @Get
    @Operation(summary = "The content item's OAuth integration associations (administrators and publishers)")
    public List<AssociationResponse> list(@Parameter(hidden = true) Caller caller, @PathVariable("content_guid") String contentGuid,
                                          @Nullable @Header(IntegrationController.TEAM_HEADER) String team) {
        return associations.list(caller, IdKinds.team(team), IdKinds.guid(contentGuid, "content_guid")).stream()
                .map(WireMapper::association).toList();
    }

    @Put
    @Status(HttpStatus.NO_CONTENT)
    @Operation(summary = "Replace the content item's associations: [{\"oauth_integration_guid\": …}]; [] clears them")
    public void replace(@Parameter(hidden = true) Caller caller, @PathVariable("content_guid") String contentGuid,
                        @Nullable @Valid @Body List<@Valid AssociationRequest> body,
                        @Nullable @Header(IntegrationController.TEAM_HEADER) String team) {
        UUID content = IdKinds.guid(contentGuid, "content_guid");
        if (body == null) {
            throw Problems.validation("body", "must be a JSON array of {\"" + FIELD + "\": \"<guid>\"}");
        }
        List<UUID> guids = new ArrayList<>(body.size());
        for (int i = 0; i < body.size(); i++) {
            guids.add(IdKinds.guid(body.get(i).oauthIntegrationGuid(), "[" + i + "]." + FIELD));
        }
        associations.replace(caller, IdKinds.team(team), content, guids);
    }
}
