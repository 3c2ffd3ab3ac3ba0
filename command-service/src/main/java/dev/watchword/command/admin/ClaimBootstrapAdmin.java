package dev.watchword.command.admin;

import dev.watchword.events.platform.BootstrapAdminGranted;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Claim the installation's one bootstrap grant for {@code userId}, whose address the caller saw verified; answers
 * whether this claim won ({@code false}: the grant was made before, to whoever it was).
 */
record ClaimBootstrapAdmin(@TargetAggregateIdentifier String claimId, String userId, Instant at) {

    ClaimBootstrapAdmin(String userId, Instant at) {
        this(BootstrapAdminGranted.STREAM, userId, at);
    }
}
