package dev.watchword.command.user;

import dev.watchword.command.problem.RuleViolation;
import org.springframework.http.HttpStatus;

/** Someone else changed this user's roles first (concurrent edits, one wins, the other gets 409). */
public class RolesChanged extends RuleViolation {

    public RolesChanged() {
        super("ROLES_CHANGED", HttpStatus.CONFLICT, "The user's roles changed meanwhile. Reload and try again.");
    }
}
