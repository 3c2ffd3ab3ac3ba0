package dev.watchword.query.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Recognizes the API keys of client apps, by the SHA-256 that {@code ApiKeyIssued.keyHash} carries and
 * the {@code api_key_row} read model keeps. A key works while it is active, and after it was rotated out until the
 * end of its grace period ({@code valid_until}); a revoked key never does.
 * <p>
 * A key is {@code wwk_<keyId>_<secret>}: 8 base62 characters, then 256 random bits in unpadded base64url (43
 * characters), as command-service's {@code AppCredentials} makes them. Looking a key up by its hash is safe from
 * timing attacks: the index is searched by a digest the caller cannot steer towards a stored one, and a key of
 * 256 random bits needs no slow hash (OWASP ASVS 5.0 V11.4.2 concerns low-entropy secrets).
 */
@Repository
public class ApiKeyCredentials {

    /** What every API key starts with; nothing else presented as a bearer token does (JWTs start with "ey"). */
    public static final String PREFIX = "wwk_";

    private static final Pattern FORMAT = Pattern.compile("wwk_([0-9A-Za-z]{8})_[A-Za-z0-9_-]{43}");

    private final JdbcClient jdbc;

    ApiKeyCredentials(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether a bearer token is meant as an API key rather than an access token. */
    public static boolean isApiKey(String token) {
        return token != null && token.startsWith(PREFIX);
    }

    /** The app whose key {@code key} is, if it works at {@code now}. */
    public Optional<AppApiKey> findWorkingKey(String key, Instant now) {
        var format = key == null ? null : FORMAT.matcher(key);
        if (format == null || !format.matches()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select key.app_id, key.key_id, app.client_id
                        from api_key_row key join client_app_row app on app.app_id = key.app_id
                        where key.key_hash = :hash and key.key_id = :keyId
                          and (key.status = 'active'
                               or key.status = 'retiring' and key.valid_until > :now)""")
                .param("hash", hashOf(key))
                .param("keyId", format.group(1))
                .param("now", Timestamp.from(now))
                .query((row, n) ->
                        new AppApiKey(row.getString("app_id"), row.getString("key_id"), row.getString("client_id")))
                .optional();
    }

    /** SHA-256 of the whole key, base64url without padding: {@code ApiKeyIssued.keyHash}. */
    static String hashOf(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
