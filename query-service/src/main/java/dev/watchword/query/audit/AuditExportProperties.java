package dev.watchword.query.audit;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of {@code GET /api/admin/audit/export}, which holds a database connection for as long as its client reads:
 * exports get a small connection pool of their own, so however many run, the rest of the API keeps its connections
 * (OWASP ASVS 5.0 V2.4.1 anti-automation, V15.2.2 resource limits against denial of service).
 *
 * @param maxConcurrent    how many exports run at once on this instance, which is also the size of their pool; one
 *                         more is a 503 {@code SERVICE_UNAVAILABLE} with {@code Retry-After}. A caller (a user, an API
 *                         key) runs one at a time; a second is a 429 {@code RATE_LIMITED}. The default is 2.
 * @param statementTimeout the longest a single database round trip of an export may take (PostgreSQL
 *                         {@code statement_timeout}); the default is 1 minute
 * @param idleTimeout      the longest an export's transaction may wait for its client to read on (PostgreSQL
 *                         {@code idle_in_transaction_session_timeout}): a client that stops reading loses its export
 *                         and frees the connection. The default is 1 minute.
 * @param retryAfter       the {@code Retry-After} of a refused export; the default is 30 seconds
 */
@Validated
@ConfigurationProperties("watchword.audit.export")
public record AuditExportProperties(
        @DefaultValue("2") @Min(1) int maxConcurrent,
        @DefaultValue("1m") @NotNull Duration statementTimeout,
        @DefaultValue("1m") @NotNull Duration idleTimeout,
        @DefaultValue("30s") @NotNull Duration retryAfter) {}
