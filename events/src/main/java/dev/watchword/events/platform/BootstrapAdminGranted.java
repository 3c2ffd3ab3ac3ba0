package dev.watchword.events.platform;

import java.time.Instant;

/**
 * The installation's one bootstrap grant: the account that proved the mailbox of
 * {@code WATCHWORD_BOOTSTRAP_ADMIN_EMAIL} first becomes the first platform operator. Recorded once, in the
 * stream {@link #STREAM}, so a later owner of the address (after an email change or an erasure) never inherits
 * the grant. No address in it: the user's own events hold that, encrypted.
 *
 * @param userId    the account granted the default app's {@code admin} role
 * @param grantedAt when the grant was claimed
 */
public record BootstrapAdminGranted(String userId, Instant grantedAt) implements PlatformEvent {

    /** The aggregate (stream) id of the installation's bootstrap claim: one stream per installation. */
    public static final String STREAM = "platform:bootstrap-admin";
}
