package dev.watchword.command.passwordchange;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.watchword.command.appdirectory.AppDirectory;
import dev.watchword.command.password.PasswordPolicy;
import dev.watchword.command.security.Caller;
import dev.watchword.command.security.ClientAddress;
import dev.watchword.command.user.CurrentPasswordOutcome;
import dev.watchword.command.user.EmailRegistry;
import dev.watchword.command.user.PasswordCommand.ChangePassword;
import dev.watchword.command.user.UserRuleViolation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A logged-in user changes the password, proving the current one (OWASP ASVS 5.0 V6.2.3), and may end every
 * other session at the same time. The owner is told by email. Wrong current passwords count like failed logins
 * and end the session after the lockout threshold (see {@code User}).
 */
@RestController
public class ChangePasswordController {

    private final CommandGateway commands;
    private final EmailRegistry registry;
    private final PasswordPolicy policy;
    private final AppDirectory appDirectory;
    private final Clock clock;

    public ChangePasswordController(
            CommandGateway commands,
            EmailRegistry registry,
            PasswordPolicy policy,
            AppDirectory appDirectory,
            Clock clock) {
        this.appDirectory = appDirectory;
        this.commands = commands;
        this.registry = registry;
        this.policy = policy;
        this.clock = clock;
    }

    @PostMapping("/api/auth/password/change")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void change(
            @AuthenticationPrincipal Jwt token, @Valid @RequestBody PasswordChange body, HttpServletRequest request) {
        Caller caller = Caller.of(token);
        String email = registry.emailOf(caller.userId()).orElseThrow(UserRuleViolation::sessionEnded);
        policy.check(body.newPassword(), email, appDirectory.of(caller.appId()).passwordMinLength());
        // The aggregate checks the current password once and hashes the new one only if it matched.
        CurrentPasswordOutcome outcome = commands.sendAndWait(new ChangePassword(
                caller.userId(),
                caller.sessionId(),
                body.currentPassword(),
                body.newPassword(),
                body.endOtherSessions(),
                ClientAddress.of(request),
                ClientAddress.userAgentOf(request),
                clock.instant()));
        outcome.requireAccepted();
    }

    /**
     * @param newPassword checked by {@link PasswordPolicy}, whose codes ({@code PASSWORD_REQUIRED},
     *                    {@code PASSWORD_TOO_SHORT}, {@code PASSWORD_TOO_LONG}, ...) a client sees
     */
    public record PasswordChange(
            @JsonProperty("current_password") @NotNull @Size(max = PasswordPolicy.MAX_REQUEST_UNITS)
            String currentPassword,

            @JsonProperty("new_password") String newPassword,
            @JsonProperty("end_other_sessions") boolean endOtherSessions) {

        @Override
        public String toString() {
            return "PasswordChange[<redacted>]";
        }
    }
}
