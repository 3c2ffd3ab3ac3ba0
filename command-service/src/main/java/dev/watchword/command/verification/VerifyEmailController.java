package dev.watchword.command.verification;

import dev.watchword.command.token.OpaqueToken;
import dev.watchword.command.user.InvalidVerificationToken;
import dev.watchword.command.user.VerifyEmail;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.Map;

/**
 * Confirms an address. The emailed link carries its token in the URL fragment, which browsers never send, so
 * it reaches no access log; the page at {@code /verify-email} ({@code LinkPagesController}) posts it here. A token works once, only for the
 * newest link, and only within its lifetime.
 */
@RestController
public class VerifyEmailController {

    private final CommandGateway commands;
    private final Clock clock;

    public VerifyEmailController(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @PostMapping(path = {"/api/auth/verify-email", "/api/auth/verify-email/"})
    public Map<String, String> verify(@Valid @RequestBody VerificationRequest body) {
        OpaqueToken token = OpaqueToken.parse(body.token()).orElseThrow(InvalidVerificationToken::new);
        try {
            commands.sendAndWait(new VerifyEmail(token.userId(), token.hash(), clock.instant()));
        } catch (AggregateNotFoundException unknownUser) {
            throw new InvalidVerificationToken();
        }
        return Map.of("detail", "Your email address is confirmed.");
    }

    public record VerificationRequest(@NotBlank @Size(max = 200) String token) {

        @Override
        public String toString() {
            return "VerificationRequest[<redacted>]";
        }
    }
}
