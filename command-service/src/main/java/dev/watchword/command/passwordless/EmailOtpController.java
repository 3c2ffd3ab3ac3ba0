package dev.watchword.command.passwordless;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.watchword.command.appdirectory.AppPolicy;
import dev.watchword.command.appdirectory.RequestAppResolver;
import dev.watchword.command.issuing.AccessTokenIssuer;
import dev.watchword.command.issuing.IssuedTokens;
import dev.watchword.command.onetimesecret.EmailOtpCodes;
import dev.watchword.command.onetimesecret.OpaqueToken;
import dev.watchword.command.security.ClientAddress;
import dev.watchword.command.user.EmailRegistry;
import dev.watchword.command.user.LoginOutcome;
import dev.watchword.command.user.PasswordlessCommand.LoginWithEmailOtp;
import dev.watchword.command.user.PasswordlessCommand.RequestEmailOtp;
import dev.watchword.events.user.LoginMethod;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sign-in codes by email: the request returns a {@code request_id} (of the same shape for unknown addresses),
 * which must accompany the code; a code lives 10 minutes by default and dies after 5 wrong tries.
 */
@RestController
public class EmailOtpController {

    private final CommandGateway commands;
    private final EmailRegistry registry;
    private final EmailOtpCodes codes;
    private final AccessTokenIssuer tokens;
    private final PasswordlessSettings settings;
    private final RequestAppResolver apps;
    private final Clock clock;

    public EmailOtpController(
            CommandGateway commands,
            EmailRegistry registry,
            EmailOtpCodes codes,
            AccessTokenIssuer tokens,
            PasswordlessSettings settings,
            RequestAppResolver apps,
            Clock clock) {
        this.apps = apps;
        this.commands = commands;
        this.registry = registry;
        this.codes = codes;
        this.tokens = tokens;
        this.settings = settings;
        this.clock = clock;
    }

    @PostMapping("/api/auth/otp")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Map<String, String> request(@Valid @RequestBody CodeRequest body, HttpServletRequest request) {
        AppPolicy appPolicy = apps.resolveAllowing(body.clientId(), request, LoginMethod.EMAIL_OTP);
        Instant now = clock.instant();
        Optional<String> userId = registry.ownerOfTyped(appPolicy.appId(), body.email());
        String requestId;
        if (userId.isPresent()) {
            EmailOtpCodes.IssuedCode issued =
                    codes.issueFor(userId.get(), now, settings.emailOtpLifetime(), settings.emailOtpDigits());
            commands.sendAndWait(new RequestEmailOtp(
                    userId.get(), issued.requestId(), issued.code(), ClientAddress.of(request), now));
            requestId = issued.requestId();
        } else {
            requestId = codes.decoyRequestId();
        }
        return Map.of(
                "request_id", requestId, "detail", "If the address has an account, a sign-in code is on its way.");
    }

    @PostMapping("/api/auth/otp/verify")
    public IssuedTokens verify(@Valid @RequestBody CodeLogin body, HttpServletRequest request) {
        // The user's app decides whether codes work; its aggregate refuses them (403) when switched off.
        String userId = codes.userOf(body.requestId()).orElseThrow(InvalidCode::new);
        OpaqueToken refresh = OpaqueToken.issueFor(userId);
        LoginOutcome outcome;
        try {
            outcome = commands.sendAndWait(new LoginWithEmailOtp(
                    userId,
                    body.requestId(),
                    codes.hash(body.requestId(), body.code()),
                    UUID.randomUUID().toString(),
                    refresh.hash(),
                    ClientAddress.of(request),
                    ClientAddress.userAgentOf(request),
                    clock.instant()));
        } catch (AggregateNotFoundException | IncompatibleAggregateException unknownUser) {
            throw new InvalidCode();
        }
        if (outcome instanceof LoginOutcome.Granted granted) {
            return tokens.issue(granted.grant(), refresh);
        }
        throw new InvalidCode();
    }

    public record CodeRequest(
            @NotBlank @Size(max = 320) String email,
            @JsonProperty("client_id") @Size(max = 100) String clientId) {}

    public record CodeLogin(
            @JsonProperty("request_id") @NotBlank @Size(max = 300)
            String requestId,

            @NotBlank @Pattern(regexp = "[0-9]{6,8}") String code) {

        @Override
        public String toString() {
            return "CodeLogin[<redacted>]";
        }
    }
}
