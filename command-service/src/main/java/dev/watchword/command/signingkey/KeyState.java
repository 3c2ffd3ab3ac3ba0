package dev.watchword.command.signingkey;

/** Where a signing key is in its life; derived from its {@link KeyLifecycle} and the time, never stored. */
public enum KeyState {
    /** In the JWKS ahead of time, so that verifiers caching the set know it before it signs; not signing yet. */
    NEXT,
    /** Signs every new access token; exactly one key at a time. */
    CURRENT,
    /** In the JWKS until every token it signed has expired, no longer signing. */
    RETIRED,
    /** Out of the JWKS: its tokens no longer verify. Its row, private key included, is deleted. */
    WITHDRAWN;

    public boolean published() {
        return this != WITHDRAWN;
    }
}
