package dev.watchword.events.user;

/** What a signed-in user asked to change when the current password was asked for (OWASP ASVS 5.0 V7.5.1). */
public enum CredentialChange {
    PASSWORD,
    EMAIL
}
