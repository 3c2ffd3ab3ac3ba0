package dev.watchword.command.app;

import dev.watchword.command.problem.RuleViolation;
import org.springframework.http.HttpStatus;

/** The app already has a role of that name; roles are never redefined, so a token's roles keep their meaning. */
public class RoleExists extends RuleViolation {

    public RoleExists() {
        super("ROLE_EXISTS", HttpStatus.CONFLICT, "The app already has a role of that name.");
    }
}
