package dev.watchword.notification.mail;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read-only view of the outbox, so that an SMTP outage shows up as a growing {@code failing} count. Counts
 * only: no address or event content leaves through it.
 */
@RestController
class OutboxStatusController {

    private final OutgoingEmailRepository repository;

    OutboxStatusController(OutgoingEmailRepository repository) {
        this.repository = repository;
    }

    @GetMapping({"/outbox/status", "/outbox/status/"})
    OutboxStatus status() {
        return repository.status();
    }
}
