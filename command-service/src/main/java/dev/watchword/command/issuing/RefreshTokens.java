package dev.watchword.command.issuing;

import dev.watchword.command.onetimesecret.OpaqueToken;
import dev.watchword.command.onetimesecret.ServerKeys;
import java.util.Base64;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Refresh tokens and their successors. A successor is a keyed hash of the token it replaces: the same token
 * presented twice (two tabs refreshing at once) yields the same successor without the server keeping any
 * token in clear, and nobody without the server key can compute it. It is as unpredictable as a random
 * 256-bit token to anyone who lacks the key.
 */
@Component
public class RefreshTokens {

    private final SecretKeySpec successorKey;

    public RefreshTokens(@Value("${watchword.sealing-key}") String sealingKey) {
        this.successorKey = ServerKeys.derive(sealingKey, "watchword/refresh-token-successor/v1");
    }

    public OpaqueToken issueFor(String userId) {
        return OpaqueToken.issueFor(userId);
    }

    public OpaqueToken successorOf(OpaqueToken presented) {
        byte[] mac = ServerKeys.hmac(successorKey, presented.value());
        return new OpaqueToken(
                presented.userId(), Base64.getUrlEncoder().withoutPadding().encodeToString(mac));
    }
}
