package dev.watchword.devstack;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A PostgreSQL location as the services want it: a JDBC URL plus user and password (either may be null when the
 * URL did not say). Parses the {@code DATABASE_URL} forms that hosting platforms hand out.
 */
record DatabaseUrl(String jdbcUrl, String username, String password) {

    static DatabaseUrl parse(String url) {
        String value = url.strip();
        if (value.startsWith("jdbc:postgresql:")) {
            return fromJdbc(value);
        }
        if (value.startsWith("postgres://") || value.startsWith("postgresql://")) {
            return fromUri(URI.create(value));
        }
        throw new DevStackException("DATABASE_URL must start with postgres://, postgresql:// or jdbc:postgresql://");
    }

    private static DatabaseUrl fromJdbc(String jdbcUrl) {
        String query = URI.create(jdbcUrl.substring("jdbc:".length())).getRawQuery();
        return new DatabaseUrl(jdbcUrl, queryParameter(query, "user"), queryParameter(query, "password"));
    }

    private static DatabaseUrl fromUri(URI uri) {
        if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
            throw new DevStackException(
                    "DATABASE_URL needs a host and a database name: postgres://user:pass@host:port/db");
        }
        String username = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            username = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : "";
        }
        int port = uri.getPort() > 0 ? uri.getPort() : 5432;
        String jdbcUrl = "jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getRawPath()
                + (uri.getRawQuery() != null ? "?" + uri.getRawQuery() : "");
        return new DatabaseUrl(jdbcUrl, username, password);
    }

    private static String queryParameter(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv[0].equals(name)) {
                return kv.length > 1 ? decode(kv[1]) : "";
            }
        }
        return null;
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        // Never print the password.
        return jdbcUrl.replaceAll("password=[^&]*", "password=***") + (username != null ? " as " + username : "");
    }
}
