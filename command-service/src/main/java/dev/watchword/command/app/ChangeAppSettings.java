package dev.watchword.command.app;

import dev.watchword.events.app.AppSettings;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Replace the app's settings as a whole; answers the settings as recorded. */
public record ChangeAppSettings(@TargetAggregateIdentifier String appId, AppSettings settings, String actorId,
                                Instant at) {
}
