package dev.watchword.command.admin;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.watchword.events.platform.BootstrapAdminGranted;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The installation's bootstrap grant, a fact that holds once in its life: one stream with a fixed id
 * ({@link BootstrapAdminGranted#STREAM}). The event store's unique (stream, sequence) key settles a race of two
 * first claims (one append fails and records nothing); afterwards every claim finds the grant and records
 * nothing, so a later owner of the address never becomes an operator through it (OWASP ASVS 5.0 V8.2.1: a
 * privilege only to whom it was meant for).
 */
@Aggregate
public class BootstrapAdminClaim {

    @AggregateIdentifier
    private String claimId;

    private String grantedTo;

    protected BootstrapAdminClaim() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(ClaimBootstrapAdmin command) {
        if (grantedTo != null || !BootstrapAdminGranted.STREAM.equals(command.claimId())) {
            return false;
        }
        apply(new BootstrapAdminGranted(command.userId(), command.at()));
        return true;
    }

    @EventSourcingHandler
    void on(BootstrapAdminGranted event) {
        claimId = BootstrapAdminGranted.STREAM;
        grantedTo = event.userId();
    }
}
