package dev.watchword.command.app;

import dev.watchword.command.problem.RuleViolation;
import org.springframework.http.HttpStatus;

/** Only an active key can be rotated: a retired or revoked one has been replaced already. */
public class ApiKeyNotActive extends RuleViolation {

    public ApiKeyNotActive() {
        super("API_KEY_NOT_ACTIVE", HttpStatus.CONFLICT, "This API key is retired or revoked; rotate an active one.");
    }
}
