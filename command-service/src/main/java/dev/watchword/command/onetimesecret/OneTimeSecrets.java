package dev.watchword.command.onetimesecret;

import dev.watchword.command.user.OneTimeSecret;
import dev.watchword.events.secret.SealedSecret;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Issues link tokens for emails: the token goes to the user only through notification-service, sealed for it
 * inside the event; the aggregate keeps the hash (CONVENTIONS.md: one-time codes only hashed or encrypted).
 */
@Component
public class OneTimeSecrets {

    private final SealedSecret sealer;

    public OneTimeSecrets(@Value("${watchword.sealing-key}") String sealingKey) {
        this.sealer = SealedSecret.withKey(sealingKey);
    }

    public OneTimeSecret issueFor(String userId, Instant now, Duration lifetime) {
        OpaqueToken token = OpaqueToken.issueFor(userId);
        return new OneTimeSecret(token.hash(), sealer.seal(token.value(), userId), now.plus(lifetime));
    }
}
