package dev.watchword.command.onetimesecret;

import dev.watchword.command.user.OneTimeSecret;
import dev.watchword.events.secret.SealedSecret;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Email sign-in codes. A code is bound to the request that asked for it: the request id names the user only
 * sealed (so it reveals nothing, and an unknown address gets an id of the same shape), and the code's hash is
 * keyed with the request id, so a code is worthless with any other request. Hashes are HMACs under a server
 * key: a plain hash of a 6-digit code could be reversed by trying a million values.
 */
@Component
public class EmailOtpCodes {

    private static final String REQUEST_BINDING = "watchword/email-otp-request";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SealedSecret sealer;
    private final SecretKeySpec hashKey;

    public EmailOtpCodes(@Value("${watchword.sealing-key}") String sealingKey) {
        this.sealer = SealedSecret.withKey(sealingKey);
        this.hashKey = ServerKeys.derive(sealingKey, "watchword/email-otp-hash/v1");
    }

    public record IssuedCode(String requestId, OneTimeSecret code) {}

    public IssuedCode issueFor(String userId, Instant now, Duration lifetime, int digits) {
        String requestId = requestIdFor(userId);
        String code = randomDigits(digits);
        return new IssuedCode(
                requestId, new OneTimeSecret(hash(requestId, code), sealer.seal(code, userId), now.plus(lifetime)));
    }

    /** A request id for an address without an account: indistinguishable from a real one. */
    public String decoyRequestId() {
        return requestIdFor(UUID.randomUUID().toString());
    }

    public Optional<String> userOf(String requestId) {
        try {
            String opened = sealer.open(requestId, REQUEST_BINDING);
            return Optional.of(opened.substring(0, opened.indexOf(':')));
        } catch (IllegalArgumentException | IndexOutOfBoundsException notOurs) {
            return Optional.empty();
        }
    }

    public String hash(String requestId, String code) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(ServerKeys.hmac(hashKey, requestId + ":" + code));
    }

    private String requestIdFor(String userId) {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        return sealer.seal(
                userId + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(nonce), REQUEST_BINDING);
    }

    private static String randomDigits(int digits) {
        StringBuilder code = new StringBuilder(digits);
        for (int i = 0; i < digits; i++) {
            code.append(RANDOM.nextInt(10));
        }
        return code.toString();
    }
}
