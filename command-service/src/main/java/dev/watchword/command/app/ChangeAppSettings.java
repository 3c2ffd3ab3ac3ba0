package dev.watchword.command.app;

import dev.watchword.events.app.AppSettings;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Replace the app's settings as a whole; answers the settings as recorded.
 *
 * @param linkBaseChange whether the actor's proof allows a new {@code link_base_url}; the same value may always be
 *                       sent again
 */
public record ChangeAppSettings(
        @TargetAggregateIdentifier String appId,
        AppSettings settings,
        String actorId,
        Instant at,
        LinkBaseChange linkBaseChange) {}
