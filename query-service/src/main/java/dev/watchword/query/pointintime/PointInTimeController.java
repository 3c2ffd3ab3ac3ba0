package dev.watchword.query.pointintime;

import dev.watchword.events.user.RoleAssigned;
import dev.watchword.query.appscope.AdminScope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers about the past computed from the log, not from the current read models: what a user looked
 * like at an instant, and who granted or revoked a role. Needs {@code audit:read}, enforced with every other admin
 * rule in {@code AdminSecurityConfiguration}. Within the caller's {@link AdminScope}: a user of another app is
 * answered like an unknown id.
 */
@RestController
class PointInTimeController {

    private final UserEventLog log;

    PointInTimeController(UserEventLog log) {
        this.log = log;
    }

    /**
     * The user as of {@code at} (an ISO-8601 instant, inclusive): {@code exists: false} if they had not
     * registered by then, 404 {@code USER_NOT_FOUND} if the log holds nothing of them at all.
     */
    @GetMapping("/api/admin/users/{id}/as-of")
    UserAsOfResponse getUserAsOf(AdminScope scope, @PathVariable String id, @RequestParam Instant at) {
        UserAsOfFold fold = new UserAsOfFold(id, at);
        log.streamEvents(scope, id, at, event -> fold.apply(event.event()));
        UserAsOf user = fold.result();
        if (user.eventsApplied() == 0 && !log.hasEvents(scope, id)) {
            throw new UserNotFound();
        }
        return UserAsOfResponse.of(user);
    }

    /** Every grant and revocation of {@code role} for the user, in the order of the store; may be empty. */
    @GetMapping("/api/admin/users/{id}/roles/{role}/history")
    List<RoleChange> findRoleChanges(AdminScope scope, @PathVariable String id, @PathVariable String role) {
        List<RoleChange> changes = new ArrayList<>();
        log.streamRoleEvents(
                scope,
                id,
                role,
                event -> changes.add(new RoleChange(
                        event.event() instanceof RoleAssigned ? RoleChange.ASSIGNED : RoleChange.REVOKED,
                        event.actor(),
                        event.occurredAt(),
                        event.position())));
        if (changes.isEmpty() && !log.hasEvents(scope, id)) {
            throw new UserNotFound();
        }
        return changes;
    }
}
