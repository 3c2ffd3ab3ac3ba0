package dev.watchword.command.verification;

import dev.watchword.command.appdirectory.AppDirectory;
import dev.watchword.command.onetimesecret.OpaqueToken;
import dev.watchword.command.password.PasswordPolicy;
import dev.watchword.command.security.ClientAddress;
import dev.watchword.command.user.EmailRegistry;
import dev.watchword.command.user.UserRuleViolation;
import dev.watchword.command.user.VerificationCommand.VerifyEmail;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Confirms an address. The emailed link carries its token in the URL fragment, which browsers never send, so
 * it reaches no access log; the page at {@code /verify-email} ({@code LinkPagesController}) posts it here. A token works once, only for the
 * newest link, and only within its lifetime.
 * <p>
 * The first confirmation of an address ends a pre-account takeover (OWASP ASVS 5.0 V6.4): a password set
 * before it is dropped and every earlier session ends, since whoever registered the address may not own it.
 * The owner may choose a password in the same request ({@code password}, checked like a reset's), or later
 * through a password reset.
 */
@RestController
public class VerifyEmailController {

    private final CommandGateway commands;
    private final EmailRegistry registry;
    private final PasswordPolicy policy;
    private final AppDirectory apps;
    private final Clock clock;

    public VerifyEmailController(
            CommandGateway commands, EmailRegistry registry, PasswordPolicy policy, AppDirectory apps, Clock clock) {
        this.commands = commands;
        this.registry = registry;
        this.policy = policy;
        this.apps = apps;
        this.clock = clock;
    }

    @PostMapping("/api/auth/verify-email")
    public Map<String, String> verify(@Valid @RequestBody VerificationRequest body, HttpServletRequest request) {
        OpaqueToken token = OpaqueToken.parse(body.token()).orElseThrow(UserRuleViolation::invalidVerificationToken);
        if (body.password() != null) {
            String email = registry.emailOf(token.userId()).orElseThrow(UserRuleViolation::invalidVerificationToken);
            String appId = registry.appOf(token.userId()).orElseThrow(UserRuleViolation::invalidVerificationToken);
            policy.check(body.password(), email, apps.of(appId).passwordMinLength());
        }
        try {
            // Check first, hash last: the aggregate hashes the password only once the token is accepted.
            commands.sendAndWait(new VerifyEmail(
                    token.userId(), token.hash(), body.password(), ClientAddress.of(request), clock.instant()));
        } catch (AggregateNotFoundException | IncompatibleAggregateException unknownUser) {
            throw UserRuleViolation.invalidVerificationToken();
        }
        return Map.of(
                "detail",
                body.password() != null
                        ? "Your email address is confirmed and your password is set. Earlier sign-ins have ended."
                        : "Your email address is confirmed. Earlier sign-ins have ended; if you chose a password before, "
                                + "set it again with a password reset.");
    }

    /** @param password optional: a password to set with the confirmation */
    public record VerificationRequest(
            @NotBlank @Size(max = 200) String token, String password) {

        @Override
        public String toString() {
            return "VerificationRequest[<redacted>]";
        }
    }
}
