package dev.watchword.events.user;

public enum LoginFailureReason {
    WRONG_PASSWORD
}
