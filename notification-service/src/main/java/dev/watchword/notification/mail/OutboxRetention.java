package dev.watchword.notification.mail;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Keeps the outbox from becoming an archive of addresses and sealed links (OWASP ASVS 5.0 V14.2.7): a row done with
 * (sent, expired, cancelled) for longer than {@code watchword.mail.outbox.retention} loses its recipient, payload and
 * last error, as an erased user's rows do. Its event id, type, status and times stay: they are what keeps a
 * redelivered or republished event from sending the email again, and what the status counts read. Pending rows are
 * never touched.
 */
@Component
public class OutboxRetention implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(OutboxRetention.class);

    private final JdbcClient jdbc;
    private final OutgoingMailProperties.Outbox settings;
    private final Clock clock;

    OutboxRetention(JdbcClient jdbc, OutgoingMailProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.settings = properties.outbox();
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::pruneQuietly, settings.pruneInterval());
    }

    /** Blanks the rows past the retention; returns how many. */
    public int prune() {
        return prune(settings.retention());
    }

    public int prune(Duration retention) {
        int pruned = jdbc.sql("""
                        update outgoing_email set recipient = null, payload = '{}'::jsonb, last_error = null
                         where status <> 'PENDING' and recipient is not null
                           and coalesce(sent_at, created_at) < :before""")
                .param("before", Timestamp.from(clock.instant().minus(retention)))
                .update();
        if (pruned > 0) {
            log.info("Blanked {} outgoing email(s) older than the retention of {}", pruned, retention);
        }
        return pruned;
    }

    private void pruneQuietly() {
        try {
            prune();
        } catch (RuntimeException e) {
            // The next pass tries again; a scheduled task that throws would be logged only by the scheduler.
            log.warn("Outbox retention pass failed: {}", e.toString());
        }
    }
}
