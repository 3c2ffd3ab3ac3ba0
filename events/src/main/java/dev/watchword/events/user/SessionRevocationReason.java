package dev.watchword.events.user;

public enum SessionRevocationReason {
    LOGOUT
}
