package dev.watchword.events.user;

public enum LoginMethod {
    PASSWORD,
    MAGIC_LINK,
    EMAIL_OTP
}
