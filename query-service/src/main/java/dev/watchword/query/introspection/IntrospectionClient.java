package dev.watchword.query.introspection;

/** An authenticated caller of the introspection endpoint: the principal of its security context. */
record IntrospectionClient(String id) {

    /** The one authority such a caller holds. */
    static final String AUTHORITY = "token_introspection";
}
