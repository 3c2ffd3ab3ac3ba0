package dev.watchword.devstack;

/**
 * The client credentials of query-service's token introspection (RFC 7662 section 2.1, HTTP Basic) in a dev run: the
 * id from {@code WATCHWORD_INTROSPECTION_CLIENT_ID}, the secret generated into {@code .watchword/secrets.env}.
 */
public record IntrospectionClient(String id, String secret) {

    @Override
    public String toString() {
        return "IntrospectionClient[id=" + id + ", secret=<redacted>]";
    }
}
