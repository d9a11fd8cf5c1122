package io.patchbay.config.adapter.in.web;

import io.patchbay.config.application.PublishedNames;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.patchbay.config.application.port.in.CreateWebhookCommand;
import io.patchbay.config.application.port.in.CreatedWebhook;
import io.patchbay.config.application.port.in.DeliveryLog;
import io.patchbay.config.application.port.in.WebhooksUseCase;
import io.patchbay.config.domain.WebhookEvent;
import io.patchbay.kernel.auth.Caller;
import io.patchbay.kernel.infra.web.request.Limit;
import io.patchbay.kernel.infra.web.request.PageCursors;
import io.patchbay.kernel.paging.CursorCodec;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import java.util.ArrayList;
import java.util.List;

/** Vercel's webhooks ({@code @vercel/sdk} webhooks.*), and Patchbay's delivery log and redelivery. */
@Controller("/v1/webhooks")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Webhooks")
public class WebhookController {
    private static final Limit LIMIT = new Limit(100, 100);

    private final WebhooksUseCase webhooks;
    private final CursorCodec cursors;

    public WebhookController(WebhooksUseCase webhooks, CursorCodec cursors) {
        this.webhooks = webhooks;
        this.cursors = cursors;
    }

    @Post
    @Status(HttpStatus.OK)
    @Operation(summary = "Register a webhook for the acting user or team; the answer carries its secret, this once")
    public WebhookResponse create(@Parameter(hidden = true) Caller caller, @Valid @Body CreateWebhookRequest body, @RequestBean TeamParams team) {
        String url = body.url();
        List<String> names = body.events();
        List<WebhookEvent> events = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            events.add(PublishedNames.NAMES.fromRequest(WebhookEvent.class, names.get(i), "events[" + i + "]"));
        }
        CreatedWebhook created = webhooks.create(new CreateWebhookCommand(caller, team.selector(), url, events,
                body.projectIds()));
        return WireMapper.webhook(created.webhook(), created.secret());
    }

    @Get
    @Operation(summary = "List the acting user's or team's webhooks (no secrets)")
    public List<WebhookResponse> list(@Parameter(hidden = true) Caller caller, @Nullable @QueryValue String projectId, @RequestBean TeamParams team) {
        return webhooks.list(caller, team.selector(), projectId).stream().map(w -> WireMapper.webhook(w, null)).toList();
    }

    @Get("/{id}")
    @Operation(summary = "Read a webhook (no secret)")
    public WebhookResponse get(@Parameter(hidden = true) Caller caller, @PathVariable String id, @RequestBean TeamParams team) {
        return WireMapper.webhook(webhooks.get(caller, team.selector(), IdKinds.WEBHOOK.check(id, "id")), null);
    }

    @Delete("/{id}")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a webhook; its pending deliveries are dropped")
    public void delete(@Parameter(hidden = true) Caller caller, @PathVariable String id, @RequestBean TeamParams team) {
        webhooks.delete(caller, team.selector(), IdKinds.WEBHOOK.check(id, "id"));
    }

    @Get("/{id}/deliveries")
    @Operation(summary = "A webhook's deliveries, newest first (bare array; X-Next-Until when more)")
    public HttpResponse<List<DeliveryResponse>> deliveries(@Parameter(hidden = true) Caller caller, @PathVariable String id,
                                                           @Nullable @QueryValue String limit, @Nullable @QueryValue String until,
                                                           @RequestBean TeamParams team) {
        Long before = PageCursors.decode(cursors, until, "until", 1, parts -> Long.parseLong(parts.getFirst()));
        DeliveryLog log = webhooks.deliveries(caller, team.selector(), IdKinds.WEBHOOK.check(id, "id"), LIMIT.parse(limit), before);
        MutableHttpResponse<List<DeliveryResponse>> response = HttpResponse.ok(log.items().stream().map(WireMapper::delivery).toList());
        log.next().ifPresent(seq -> response.header(ConfigurationController.NEXT_HEADER, cursors.encode(List.of(Long.toString(seq)))));
        return response;
    }

    @Post("/{id}/deliveries/{deliveryId}/redeliver")
    @Status(HttpStatus.ACCEPTED)
    @Operation(summary = "Send a delivery again now, with the same delivery id")
    public DeliveryResponse redeliver(@Parameter(hidden = true) Caller caller, @PathVariable String id, @PathVariable String deliveryId,
                                      @RequestBean TeamParams team) {
        return WireMapper.delivery(webhooks.redeliver(caller, team.selector(), IdKinds.WEBHOOK.check(id, "id"), IdKinds.DELIVERY.check(deliveryId, "deliveryId")));
    }
}
