package dev.watchword.query.introspection;

/**
 * An authenticated caller of the introspection endpoint: the principal of its security context.
 *
 * @param id     the client id
 * @param tenant the app a client app's backend speaks for (it authenticated with one of the app's API keys), whose
 *               tokens alone it may see active; {@code null} for a configured client, which sees every app's
 */
record IntrospectionClient(String id, String tenant) {

    /** The one authority such a caller holds. */
    static final String AUTHORITY = "token_introspection";

    /** A client from the configuration ({@code WATCHWORD_INTROSPECTION_CLIENT_ID}). */
    static IntrospectionClient global(String id) {
        return new IntrospectionClient(id, null);
    }

    /** Whether this client may learn that a token of {@code tokenApp} is active. */
    boolean mayIntrospect(String tokenApp) {
        return tenant == null || tenant.equals(tokenApp);
    }
}
