package dev.watchword.command.passwordchange;

import dev.watchword.command.tenant.Tenants;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.watchword.command.bearer.Caller;
import dev.watchword.command.password.PasswordHasher;
import dev.watchword.command.password.PasswordPolicy;
import dev.watchword.command.problem.ClientAddress;
import dev.watchword.command.user.ChangePassword;
import dev.watchword.command.user.EmailRegistry;
import dev.watchword.command.user.SessionEnded;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;

/**
 * A logged-in user changes the password, proving the current one (OWASP ASVS 5.0 V6.2.3), and may end every
 * other session at the same time. The owner is told by email.
 */
@RestController
public class ChangePasswordController {

    private final CommandGateway commands;
    private final EmailRegistry registry;
    private final PasswordHasher passwords;
    private final PasswordPolicy policy;
    private final Tenants tenants;
    private final Clock clock;

    public ChangePasswordController(CommandGateway commands, EmailRegistry registry, PasswordHasher passwords,
                                    PasswordPolicy policy, Tenants tenants, Clock clock) {
        this.tenants = tenants;
        this.commands = commands;
        this.registry = registry;
        this.passwords = passwords;
        this.policy = policy;
        this.clock = clock;
    }

    @PostMapping(path = {"/api/auth/password/change", "/api/auth/password/change/"})
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void change(@AuthenticationPrincipal Jwt token, @Valid @RequestBody PasswordChange body,
                       HttpServletRequest request) {
        Caller caller = Caller.of(token);
        String email = registry.emailOf(caller.userId()).orElseThrow(SessionEnded::new);
        policy.check(body.newPassword(), email, tenants.of(caller.appId()).passwordMinLength());
        commands.sendAndWait(new ChangePassword(caller.userId(), caller.sessionId(), body.currentPassword(),
                passwords.hash(body.newPassword()), body.endOtherSessions(), ClientAddress.of(request),
                clock.instant()));
    }

    public record PasswordChange(@JsonProperty("current_password") @NotNull @Size(max = 1024) String currentPassword,
                                 @JsonProperty("new_password") @NotNull @Size(max = 1024) String newPassword,
                                 @JsonProperty("end_other_sessions") boolean endOtherSessions) {

        @Override
        public String toString() {
            return "PasswordChange[<redacted>]";
        }
    }
}
