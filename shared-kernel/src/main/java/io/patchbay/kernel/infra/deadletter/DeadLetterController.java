package io.patchbay.kernel.infra.deadletter;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.patchbay.kernel.auth.Caller;
import io.patchbay.kernel.error.ErrorKind;
import io.patchbay.kernel.error.ProblemException;
import io.patchbay.kernel.error.Problems;
import io.patchbay.kernel.event.ApplyLifecycleEventUseCase;
import io.patchbay.kernel.infra.web.ProblemBody;
import io.patchbay.kernel.infra.web.ProblemResponses;
import io.patchbay.kernel.paging.CursorCodec;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The dead letters of a consuming service, for platform admins (operations.md, "Dead letters"): the same routes and
 * shapes in environment-, oauth- and catalog-service. JSON is snake_case; times are RFC 3339 UTC with milliseconds.
 * <ul>
 *   <li>{@code GET /admin/dead-letters?limit=1..1000 (100)&cursor=…}: newest first,
 *       {@code {"data": [dead letter…], "next_cursor": "…" | null}}.</li>
 *   <li>{@code GET /admin/dead-letters/{id}}: one, with the record's payload.</li>
 *   <li>{@code POST /admin/dead-letters/{id}/replay}: 200 {@code {"outcome": "applied"|"duplicate"|"stale", "dead_letter"}}
 *       when the inbox took the event (applied now, already applied before, or older than what the service knows: the
 *       last two change nothing); 409 problem {@code replay_failed} when it failed again, with the scrubbed error message
 *       in {@code detail} (the dead letter keeps it with its class, one more attempt and {@code last_replay.outcome}
 *       {@code failed}); 503 {@code dependency_unavailable} when the database cannot be reached.</li>
 *   <li>{@code DELETE /admin/dead-letters/{id}}: 204, discarded.</li>
 * </ul>
 * No token is a 401 (the authentication filter), a token without the platform {@code admin} role a 403, an id that is
 * not a UUID a 400 naming {@code id}, an unknown one a 404.
 */
@Controller("/admin/dead-letters")
@ExecuteOn(TaskExecutors.BLOCKING)
@Requires(beans = ApplyLifecycleEventUseCase.class)
@Tag(name = "Dead letters")
public class DeadLetterController {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    /** The problem code of a replay whose event failed again. */
    public static final String REPLAY_FAILED = "replay_failed";
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final DateTimeFormatter RFC3339_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final DeadLetters deadLetters;
    private final CursorCodec cursors;

    public DeadLetterController(DeadLetters deadLetters, CursorCodec cursors) {
        this.deadLetters = deadLetters;
        this.cursors = cursors;
    }

    @Get
    @Operation(summary = "List the dead letters of this service (platform admins; newest first; limit 1-1000, default 100; cursor)")
    public DeadLetterPage list(@Parameter(hidden = true) Caller caller, HttpRequest<?> request,
                               @Parameter(schema = @Schema(type = "integer", minimum = "1", maximum = "1000", defaultValue = "100"))
                               @Nullable @QueryValue String limit,
                               @Nullable @QueryValue String cursor) {
        requireAdmin(caller);
        onlyKnown(request, "limit", "cursor");
        DeadLetters.Page page = deadLetters.list(position(cursor), limit(limit));
        return new DeadLetterPage(page.items().stream().map(d -> body(d, false)).toList(),
                page.next() == null ? null : cursors.encode(List.of(Long.toString(micros(page.next().at())), page.next().id().toString())));
    }

    @Get("/{id}")
    @Operation(summary = "Get a dead letter, with the record's payload (platform admins)")
    public DeadLetterBody get(@Parameter(hidden = true) Caller caller, @PathVariable String id) {
        requireAdmin(caller);
        UUID uuid = uuid(id);
        return deadLetters.get(uuid).map(d -> body(d, true)).orElseThrow(() -> Problems.notFound("dead letter " + id));
    }

    @Post("/{id}/replay")
    @Operation(summary = "Apply the stored event through the inbox now (platform admins): applied, duplicate or stale; "
            + "409 replay_failed when it fails again")
    @ApiResponse(responseCode = "200", description = "the inbox took the event",
            content = @Content(schema = @Schema(implementation = ReplayBody.class)))
    @ApiResponse(responseCode = "409", description = "the event failed again (problem code replay_failed, scrubbed error in detail)",
            content = @Content(mediaType = ProblemBody.MEDIA_TYPE, schema = @Schema(implementation = ProblemBody.class)))
    public HttpResponse<?> replay(@Parameter(hidden = true) Caller caller, @PathVariable String id) {
        requireAdmin(caller);
        DeadLetters.Replay replay = deadLetters.replay(uuid(id));
        if (replay.outcome() == DeadLetter.ReplayOutcome.FAILED) {
            // the message only: the exception's class is in the dead letter (error.class), not in a problem
            return ProblemResponses.of(new ProblemException(ErrorKind.CONFLICT, REPLAY_FAILED, "the event failed again: "
                    + replay.errorMessage(), List.of(), OptionalLong.empty()));
        }
        return HttpResponse.ok(new ReplayBody(replay.outcome().wire(), body(replay.deadLetter(), false)));
    }

    @Delete("/{id}")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(summary = "Discard a dead letter (platform admins); the copy on the dead-letter topic, if any, stays")
    public void discard(@Parameter(hidden = true) Caller caller, @PathVariable String id) {
        requireAdmin(caller);
        UUID uuid = uuid(id);
        if (!deadLetters.discard(uuid)) {
            throw Problems.notFound("dead letter " + id);
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record DeadLetterPage(List<DeadLetterBody> data, @JsonProperty("next_cursor") String nextCursor) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ReplayBody(@Schema(allowableValues = {"applied", "duplicate", "stale"}) String outcome,
                             @JsonProperty("dead_letter") DeadLetterBody deadLetter) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ErrorBody(@JsonProperty("class") String type, String message) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record LastReplayBody(String at, @Schema(allowableValues = {"applied", "duplicate", "stale", "failed"}) String outcome) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record DeadLetterBody(String id, @JsonProperty("event_id") String eventId, @JsonProperty("event_type") String eventType,
                                 String subject, String topic, int partition, long offset,
                                 @JsonProperty("consumer_group") String consumerGroup, @JsonProperty("record_key") String recordKey,
                                 ErrorBody error, int attempts, @JsonProperty("dead_lettered_at") String deadLetteredAt,
                                 @JsonProperty("in_dead_letter_topic") boolean inDeadLetterTopic,
                                 @JsonProperty("last_replay") LastReplayBody lastReplay,
                                 @JsonInclude(JsonInclude.Include.NON_NULL)
                                 @Schema(description = "the record's headers (GET of one dead letter only)") Map<String, String> headers,
                                 @JsonInclude(JsonInclude.Include.NON_NULL)
                                 @Schema(description = "the record's value as text (GET of one dead letter only)") String payload) {
    }

    static DeadLetterBody body(DeadLetter d, boolean withRecord) {
        return new DeadLetterBody(d.id().toString(), d.eventId() == null ? null : d.eventId().toString(), d.eventType(), d.subject(),
                d.topic(), d.partition(), d.offset(), d.consumerGroup(), d.recordKey(), new ErrorBody(d.errorClass(), d.errorMessage()),
                d.attempts(), RFC3339_MILLIS.format(d.deadLetteredAt()), d.inDeadLetterTopic(),
                d.replayOutcome() == null ? null : new LastReplayBody(RFC3339_MILLIS.format(d.replayedAt()), d.replayOutcome().wire()),
                withRecord ? d.headers() : null,
                withRecord && d.payload() != null ? new String(d.payload(), StandardCharsets.UTF_8) : null);
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.isAdmin()) {
            throw Problems.forbidden("dead letters are for platform admins");
        }
    }

    private static UUID uuid(String value) {
        if (value == null || !UUID_TEXT.matcher(value).matches()) {
            throw Problems.validation("id", "must be a UUID, was '" + shown(value) + "'");
        }
        return UUID.fromString(value);
    }

    private static int limit(String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw Problems.validation("limit", "must be an integer from 1 to " + MAX_LIMIT + ", was '" + shown(value) + "'");
    }

    private DeadLetterStore.Position position(String cursor) {
        if (cursor == null) {
            return null;
        }
        List<String> parts = cursors.decode(cursor, "cursor", 2);
        try {
            long micros = Long.parseLong(parts.get(0));
            return new DeadLetterStore.Position(Instant.EPOCH.plus(micros, java.time.temporal.ChronoUnit.MICROS), UUID.fromString(parts.get(1)));
        } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
            throw Problems.validation("cursor", "is not a valid cursor");
        }
    }

    private static long micros(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000);
    }

    /** Unknown query parameters are a 400 naming them, so a misspelt one does not silently list everything. */
    private static void onlyKnown(HttpRequest<?> request, String... known) {
        Set<String> names = Set.of(known);
        for (String name : request.getParameters().names()) {
            if (!names.contains(name)) {
                throw Problems.validation(name, "is not a known query parameter (known: " + String.join(", ", known) + ")");
            }
        }
    }

    /** A value quoted back in an error: short, and without characters that could not be shown. */
    private static String shown(String value) {
        if (value == null) {
            return "";
        }
        String cut = value.length() > 60 ? value.substring(0, 60) + "…" : value;
        return cut.replaceAll("[\\p{Cntrl}\\p{Cs}]", "?");
    }
}
