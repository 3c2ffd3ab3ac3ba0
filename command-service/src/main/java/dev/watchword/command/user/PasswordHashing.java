package dev.watchword.command.user;

/**
 * Hashes a new password; injected into the handlers that set one, so that the costly hash is computed only
 * after the token or the current password was accepted (check first, hash last).
 */
@FunctionalInterface
public interface PasswordHashing {

    String hash(String password);
}
