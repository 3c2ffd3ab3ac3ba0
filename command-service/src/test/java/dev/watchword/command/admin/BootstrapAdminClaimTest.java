package dev.watchword.command.admin;

import dev.watchword.events.platform.BootstrapAdminGranted;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The installation's bootstrap grant: claimed once, never again, whoever asks later. */
class BootstrapAdminClaimTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    private FixtureConfiguration<BootstrapAdminClaim> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(BootstrapAdminClaim.class);
    }

    @Test
    void claimWhenFirstThenGrantRecorded() {
        fixture.givenNoPriorActivity()
                .when(new ClaimBootstrapAdmin("user-1", T0))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(true)
                .expectEvents(new BootstrapAdminGranted("user-1", T0));
    }

    @Test
    void claimWhenGrantedBeforeToAnotherAccountThenNothingRecorded() {
        // A later owner of the address (after an erasure or an email change) proves the mailbox: no second grant.
        fixture.givenState(() -> {
                    BootstrapAdminClaim claim = new BootstrapAdminClaim();
                    claim.on(new BootstrapAdminGranted("user-1", T0));
                    return claim;
                })
                .when(new ClaimBootstrapAdmin("user-2", T0.plusSeconds(3600)))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void claimWhenSameAccountAgainThenNothingRecorded() {
        fixture.given(new BootstrapAdminGranted("user-1", T0))
                .when(new ClaimBootstrapAdmin("user-1", T0.plusSeconds(60)))
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }
}
