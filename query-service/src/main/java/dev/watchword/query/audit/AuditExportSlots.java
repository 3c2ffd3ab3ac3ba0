package dev.watchword.query.audit;

import dev.watchword.query.problem.ProblemCode;
import dev.watchword.query.problem.Problems;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Who may start an export now: one at a time per caller, {@link AuditExportProperties#maxConcurrent()} in all on
 * this instance. A refusal is immediate, never a wait: a waiting export would hold a request thread and tell its
 * client nothing.
 */
@Component
class AuditExportSlots {

    private final Semaphore slots;
    private final Set<String> exporting = ConcurrentHashMap.newKeySet();
    private final String retryAfter;

    AuditExportSlots(AuditExportProperties properties) {
        this.slots = new Semaphore(properties.maxConcurrent());
        this.retryAfter = String.valueOf(Math.max(1, properties.retryAfter().toSeconds()));
    }

    /**
     * A slot for {@code caller}, to close when its export ends.
     *
     * @throws ErrorResponseException 429 {@code RATE_LIMITED} while the caller runs another export, 503
     *                                {@code SERVICE_UNAVAILABLE} while every slot is taken; both with
     *                                {@code Retry-After} (RFC 9110 section 10.2.3)
     */
    Slot acquire(String caller) {
        if (!exporting.add(caller)) {
            throw refused(
                    HttpStatus.TOO_MANY_REQUESTS,
                    ProblemCode.RATE_LIMITED,
                    "An export of yours is still running; try again when it has finished.");
        }
        if (!slots.tryAcquire()) {
            exporting.remove(caller);
            throw refused(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    ProblemCode.SERVICE_UNAVAILABLE,
                    "Too many exports are running; try again later.");
        }
        AtomicBoolean open = new AtomicBoolean(true);
        return () -> {
            if (open.compareAndSet(true, false)) {
                slots.release();
                exporting.remove(caller);
            }
        };
    }

    private ErrorResponseException refused(HttpStatus status, ProblemCode code, String detail) {
        ErrorResponseException refusal = new ErrorResponseException(status, Problems.of(status, code, detail), null);
        refusal.getHeaders().set(HttpHeaders.RETRY_AFTER, retryAfter);
        return refusal;
    }

    /** A running export's slot; closing it again does nothing. */
    interface Slot extends AutoCloseable {

        @Override
        void close();
    }
}
