package dev.watchword.command.emailchange;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.watchword.command.onetimesecret.OneTimeSecrets;
import dev.watchword.command.onetimesecret.OpaqueToken;
import dev.watchword.command.password.PasswordPolicy;
import dev.watchword.command.problem.InvalidEmailAddress;
import dev.watchword.command.security.Caller;
import dev.watchword.command.security.ClientAddress;
import dev.watchword.command.user.CurrentPasswordOutcome;
import dev.watchword.command.user.EmailAddress;
import dev.watchword.command.user.EmailChangeCommand.ConfirmEmailChange;
import dev.watchword.command.user.EmailChangeCommand.RequestEmailChange;
import dev.watchword.command.user.EmailRegistry;
import dev.watchword.command.user.RegistrationCommand.NoteRegistrationAttempt;
import dev.watchword.command.user.UserRuleViolation;
import dev.watchword.command.user.VerificationSettings;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Email change: requires the password, takes effect only once the new address proves itself by the link sent
 * there, and the old address is told. The password is checked first, for a taken address as for a free one, so
 * a wrong password gets the same 403 either way and nobody is emailed; with the right password a taken address
 * gets the same 202 as a free one and its owner is told instead, as for a registration (OWASP ASVS 5.0 V6.3.8:
 * no enumeration through this door). Wrong passwords count like failed logins and end the session after the
 * lockout threshold; the answer takes at least the timing floor ({@code UniformResponseTime}).
 */
@RestController
public class EmailChangeController {

    private final CommandGateway commands;
    private final EmailRegistry registry;
    private final OneTimeSecrets secrets;
    private final VerificationSettings verification;
    private final Clock clock;

    public EmailChangeController(
            CommandGateway commands,
            EmailRegistry registry,
            OneTimeSecrets secrets,
            VerificationSettings verification,
            Clock clock) {
        this.commands = commands;
        this.registry = registry;
        this.secrets = secrets;
        this.verification = verification;
        this.clock = clock;
    }

    @PostMapping("/api/auth/email/change")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Map<String, String> request(
            @AuthenticationPrincipal Jwt token, @Valid @RequestBody EmailChange body, HttpServletRequest request) {
        Caller caller = Caller.of(token);
        String newEmail = EmailAddress.normalize(body.newEmail()).orElseThrow(InvalidEmailAddress::new);
        Instant now = clock.instant();
        String ip = ClientAddress.of(request);
        var owner = registry.ownerOf(caller.appId(), newEmail).filter(id -> !id.equals(caller.userId()));
        CurrentPasswordOutcome outcome = commands.sendAndWait(new RequestEmailChange(
                caller.userId(),
                caller.sessionId(),
                body.password(),
                newEmail,
                owner.isPresent(),
                secrets.issueFor(caller.userId(), now, verification.lifetime()),
                ip,
                ClientAddress.userAgentOf(request),
                now));
        outcome.requireAccepted();
        // Only whoever knows this account's password may cause an email to the other account's owner.
        owner.ifPresent(id -> commands.sendAndWait(new NoteRegistrationAttempt(id, ip, now)));
        return Map.of("detail", "Check the new address: the change takes effect once you open the link sent there.");
    }

    @PostMapping("/api/auth/email/change/confirm")
    public Map<String, String> confirm(@Valid @RequestBody Confirmation body) {
        OpaqueToken link = OpaqueToken.parse(body.token()).orElseThrow(UserRuleViolation::invalidEmailChangeToken);
        try {
            commands.sendAndWait(new ConfirmEmailChange(link.userId(), link.hash(), clock.instant()));
        } catch (AggregateNotFoundException | IncompatibleAggregateException unknownUser) {
            throw UserRuleViolation.invalidEmailChangeToken();
        } catch (RuntimeException e) {
            // The registry's primary key refused the address: someone registered it after the request.
            if (causedBy(e, DataIntegrityViolationException.class)) {
                throw new EmailUnavailable();
            }
            throw e;
        }
        return Map.of("detail", "Your email address is changed.");
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    public record EmailChange(
            @NotNull @Size(max = PasswordPolicy.MAX_REQUEST_UNITS)
            String password,

            @JsonProperty("new_email") @NotBlank @Size(max = 320)
            String newEmail) {

        @Override
        public String toString() {
            return "EmailChange[<redacted>]";
        }
    }

    public record Confirmation(@NotBlank @Size(max = 200) String token) {}
}
