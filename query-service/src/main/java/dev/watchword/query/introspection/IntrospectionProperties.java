package dev.watchword.query.introspection;

import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who may call the token introspection endpoint (RFC 7662 section 2.1 requires client authentication, so
 * that the endpoint cannot be used to scan for valid tokens; section 4).
 *
 * @param clients the clients allowed to introspect every app's tokens: one, from
 *                {@code WATCHWORD_INTROSPECTION_CLIENT_ID} and {@code WATCHWORD_INTROSPECTION_CLIENT_SECRET}.
 *                An entry whose id and secret are both blank is ignored; one with only one of them set stops
 *                the service from starting. The default is none; registered client apps need no entry, as their
 *                backends authenticate with their client id and an API key ({@code AppIntrospectionClients}).
 */
@Validated
@ConfigurationProperties("watchword.introspection")
public record IntrospectionProperties(@NotNull @DefaultValue List<Client> clients) {

    /**
     * @param id     the client id, sent as the user name of HTTP Basic
     * @param secret the client secret, sent as the password of HTTP Basic; from the environment only
     */
    public record Client(String id, String secret) {

        boolean isBlank() {
            return (id == null || id.isBlank()) && (secret == null || secret.isBlank());
        }

        boolean isComplete() {
            return id != null && !id.isBlank() && secret != null && !secret.isBlank();
        }

        /** Never prints the secret, should the properties end up in a log. */
        @Override
        public String toString() {
            return "Client[id=" + id + ", secret=" + (secret == null ? "null" : "******") + "]";
        }
    }
}
