package dev.watchword.events.app;

import java.time.Instant;

public record AppSettingsChanged(String appId, AppSettings settings, String changedBy, Instant changedAt)
        implements ClientAppEvent {}
