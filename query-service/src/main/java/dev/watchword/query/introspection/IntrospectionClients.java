package dev.watchword.query.introspection;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.stereotype.Component;

/**
 * Checks HTTP Basic client credentials against the configured clients.
 * <p>
 * Only SHA-256 digests of ids and secrets are kept. A plain hash is enough here: client secrets are random
 * values, not passwords a person chose, so there is no dictionary to run against it. Comparing digests of
 * equal length with {@link MessageDigest#isEqual} takes the same time whatever the input, and every
 * configured client is compared, so the timing tells neither the secret nor whether the id exists.
 * <p>
 * Deliberately not an {@code AuthenticationManager} bean: Spring Security would make such a bean the
 * manager of every filter chain, the bearer token chain included.
 */
@Component
class IntrospectionClients {

    private final List<Digests> clients;

    IntrospectionClients(IntrospectionProperties properties) {
        this.clients = properties.clients().stream()
                .filter(client -> !client.isBlank())
                .map(client -> {
                    if (!client.isComplete()) {
                        throw new IllegalStateException("An introspection client needs both an id and a secret "
                                + "(WATCHWORD_INTROSPECTION_CLIENT_ID, WATCHWORD_INTROSPECTION_CLIENT_SECRET)");
                    }
                    return new Digests(client.id(), sha256(client.id()), sha256(client.secret()));
                })
                .toList();
    }

    /** Any credentials fail while no client is configured. */
    Authentication authenticate(Authentication basic) {
        String id = decode(String.valueOf(basic.getPrincipal()));
        String secret = decode(String.valueOf(basic.getCredentials()));
        byte[] idDigest = sha256(id);
        byte[] secretDigest = sha256(secret);
        Digests match = null;
        for (Digests client : clients) {
            // Non-short-circuit "&": both comparisons run for every client.
            if (MessageDigest.isEqual(client.id(), idDigest) & MessageDigest.isEqual(client.secret(), secretDigest)) {
                match = client;
            }
        }
        if (match == null) {
            throw new BadCredentialsException("Unknown client or wrong secret");
        }
        return UsernamePasswordAuthenticationToken.authenticated(
                IntrospectionClient.global(match.clientId()),
                null,
                AuthorityUtils.createAuthorityList(IntrospectionClient.AUTHORITY));
    }

    /**
     * RFC 6749 section 2.3.1: the client id and secret are form-urlencoded before they are put into the
     * Basic header, so that a ':' in the id survives.
     */
    static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            throw new BadCredentialsException("Malformed client credentials");
        }
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    private record Digests(String clientId, byte[] id, byte[] secret) {}
}
