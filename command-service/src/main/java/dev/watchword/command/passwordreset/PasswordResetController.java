package dev.watchword.command.passwordreset;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.watchword.command.appdirectory.AppDirectory;
import dev.watchword.command.appdirectory.AppPolicy;
import dev.watchword.command.appdirectory.RequestAppResolver;
import dev.watchword.command.onetimesecret.OneTimeSecrets;
import dev.watchword.command.onetimesecret.OpaqueToken;
import dev.watchword.command.password.PasswordPolicy;
import dev.watchword.command.security.ClientAddress;
import dev.watchword.command.user.EmailRegistry;
import dev.watchword.command.user.PasswordCommand.RequestPasswordReset;
import dev.watchword.command.user.PasswordCommand.ResetPassword;
import dev.watchword.command.user.UserRuleViolation;
import dev.watchword.events.user.LoginMethod;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Password reset: the request answers the same 202 for every address (OWASP ASVS 5.0 V6.3.8); the emailed
 * link works once, only while newest, for 30 minutes by default; a successful reset ends every session and
 * the owner is told by email. An admin may trigger a reset (admin API), never set a password.
 */
@RestController
@EnableConfigurationProperties(PasswordResetSettings.class)
public class PasswordResetController {

    private final CommandGateway commands;
    private final EmailRegistry registry;
    private final OneTimeSecrets secrets;
    private final PasswordPolicy policy;
    private final PasswordResetSettings settings;
    private final RequestAppResolver appResolver;
    private final AppDirectory apps;
    private final Clock clock;

    public PasswordResetController(
            CommandGateway commands,
            EmailRegistry registry,
            OneTimeSecrets secrets,
            PasswordPolicy policy,
            PasswordResetSettings settings,
            RequestAppResolver appResolver,
            AppDirectory apps,
            Clock clock) {
        this.appResolver = appResolver;
        this.apps = apps;
        this.commands = commands;
        this.registry = registry;
        this.secrets = secrets;
        this.policy = policy;
        this.settings = settings;
        this.clock = clock;
    }

    @PostMapping("/api/auth/password/reset")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Map<String, String> request(@Valid @RequestBody ResetRequest body, HttpServletRequest request) {
        AppPolicy appPolicy = appResolver.resolveAllowing(body.clientId(), request, LoginMethod.PASSWORD);
        Instant now = clock.instant();
        registry.ownerOfTyped(appPolicy.appId(), body.email())
                .ifPresent(userId -> commands.sendAndWait(new RequestPasswordReset(
                        userId,
                        secrets.issueFor(userId, now, settings.lifetime()),
                        ClientAddress.of(request),
                        null,
                        now)));
        return Map.of("detail", "If the address has an account, a reset link is on its way.");
    }

    @PostMapping("/api/auth/password/reset/confirm")
    public Map<String, String> confirm(@Valid @RequestBody ResetConfirmation body, HttpServletRequest request) {
        OpaqueToken token = OpaqueToken.parse(body.token()).orElseThrow(UserRuleViolation::invalidResetToken);
        String email = registry.emailOf(token.userId()).orElseThrow(UserRuleViolation::invalidResetToken);
        String appId = registry.appOf(token.userId()).orElseThrow(UserRuleViolation::invalidResetToken);
        policy.check(body.password(), email, apps.of(appId).passwordMinLength());
        try {
            // The aggregate checks the token first and hashes the new password only if it was accepted.
            commands.sendAndWait(new ResetPassword(
                    token.userId(), token.hash(), body.password(), ClientAddress.of(request), clock.instant()));
        } catch (AggregateNotFoundException | IncompatibleAggregateException unknownUser) {
            throw UserRuleViolation.invalidResetToken();
        }
        return Map.of("detail", "Your password is changed. Every session was signed out.");
    }

    public record ResetRequest(
            @NotBlank @Size(max = 320) String email,
            @JsonProperty("client_id") @Size(max = 100) String clientId) {}

    /** @param password checked by {@link PasswordPolicy} and answered with its codes, never VALIDATION_FAILED */
    public record ResetConfirmation(
            @NotBlank @Size(max = 200) String token, String password) {

        @Override
        public String toString() {
            return "ResetConfirmation[<redacted>]";
        }
    }
}
