package dev.watchword.query.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.watchword.query.appscope.AdminScope;
import dev.watchword.query.appscope.AppPrincipal;
import dev.watchword.query.problem.ProblemCode;
import dev.watchword.query.problem.Problems;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail for auditors: every event, in the order of the store. Needs {@code audit:read},
 * enforced with every other admin rule in {@code AdminSecurityConfiguration}, not here.
 * <p>
 * Filters, on both endpoints: {@code aggregate} (a user or app id), {@code type} (one or more, comma separated),
 * {@code actor}, {@code app}, {@code from} (inclusive) and {@code to} (exclusive), ISO-8601 instants compared
 * with the time the event occurred.
 * <p>
 * Within the caller's {@link AdminScope}: an app's admin sees its app's events (those of the app itself and of its
 * users) and nothing else; the platform operator sees every event and may filter with {@code app}.
 */
@RestController
class AuditEntryController {

    /** The default is 100 entries a page. */
    static final int DEFAULT_LIMIT = 100;
    /** A larger {@code limit} is lowered to this. */
    static final int MAX_LIMIT = 1000;

    static final String NDJSON = "application/x-ndjson";

    private static final Logger log = LoggerFactory.getLogger(AuditEntryController.class);

    private final AuditEntries entries;
    private final AuditExportSlots slots;
    private final ObjectWriter lines;

    AuditEntryController(AuditEntries entries, AuditExportSlots slots, ObjectMapper json) {
        this.entries = entries;
        this.slots = slots;
        this.lines = json.writerFor(AuditEntryResponse.class);
    }

    /**
     * Keyset pagination on the position: {@code after} (exclusive, default -1, the start) and {@code limit}
     * (default {@value #DEFAULT_LIMIT}, at most {@value #MAX_LIMIT}). A page does not move when events are
     * added, and the next page starts at its {@code next_after}.
     */
    @GetMapping("/api/admin/audit")
    AuditPage findAuditEntries(
            AdminScope scope,
            @RequestParam(required = false) Long after,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String aggregate,
            @RequestParam(required = false) List<String> type,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String app,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to) {
        int size = limit == null ? DEFAULT_LIMIT : Math.min(limit, MAX_LIMIT);
        if (size < 1) {
            throw new ErrorResponseException(
                    HttpStatus.BAD_REQUEST,
                    Problems.of(HttpStatus.BAD_REQUEST, ProblemCode.MALFORMED_REQUEST, "limit must be at least 1."),
                    null);
        }
        AuditFilter filter = new AuditFilter(aggregate, type, actor, app, from, to);
        return AuditPage.of(entries.findAuditEntries(scope, filter, after == null ? -1 : after, size).stream()
                .map(AuditEntryResponse::of)
                .toList());
    }

    /**
     * Every matching entry as JSON Lines, one item of the list per line, read from the database a fetch at a
     * time and written as it is read, so neither side holds the whole trail.
     * <p>
     * Written on the request's own (virtual) thread rather than as a {@code StreamingResponseBody}: an async
     * request ends at the container's async timeout (30 seconds by default), which a large export outlasts.
     * <p>
     * An export holds a database connection throughout, so exports run on their own small pool, one per caller and a
     * few at once ({@link AuditExportSlots}, {@link AuditExportProperties}); the rest of the API keeps its
     * connections however many are asked for.
     */
    @GetMapping("/api/admin/audit/export")
    void exportAuditEntries(
            AdminScope scope,
            Principal caller,
            @RequestParam(required = false) String aggregate,
            @RequestParam(required = false) List<String> type,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String app,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            HttpServletResponse response)
            throws IOException {
        AuditFilter filter = new AuditFilter(aggregate, type, actor, app, from, to);
        try (AuditExportSlots.Slot slot = slots.acquire(callerOf(caller))) {
            export(scope, filter, response);
        }
    }

    /**
     * Whom the one-export-at-a-time rule counts: a user by its id, an API key by its app (an app's keys share one
     * export, as they are one backend).
     */
    private static String callerOf(Principal caller) {
        if (caller instanceof Authentication authentication
                && authentication.getPrincipal() instanceof AppPrincipal app) {
            return "app:" + app.appId();
        }
        return "user:" + caller.getName();
    }

    private void export(AdminScope scope, AuditFilter filter, HttpServletResponse response) throws IOException {
        response.setStatus(HttpStatus.OK.value());
        response.setContentType(NDJSON);
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename("watchword-audit.jsonl")
                        .build()
                        .toString());
        OutputStream body = response.getOutputStream();
        try {
            entries.streamAuditEntries(scope, filter, entry -> writeLine(body, AuditEntryResponse.of(entry)));
        } catch (UncheckedIOException e) {
            // The client went away mid-export; the response is committed, there is nobody left to tell.
            log.debug("Audit export aborted: {}", e.getCause().toString());
            return;
        } catch (DataAccessException e) {
            // A statement or idle timeout (AuditExportProperties), or the database went away. Once lines were sent
            // the status cannot change: the client sees the export end early.
            if (!response.isCommitted()) {
                throw e;
            }
            log.warn("Audit export cut short: {}", e.getMostSpecificCause().toString());
            return;
        }
        body.flush();
    }

    private void writeLine(OutputStream body, AuditEntryResponse entry) {
        try {
            body.write(lines.writeValueAsBytes(entry));
            body.write('\n');
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
