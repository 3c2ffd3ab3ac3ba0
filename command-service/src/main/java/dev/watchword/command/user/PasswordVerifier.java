package dev.watchword.command.user;

/** Checks a password against a stored hash; injected into the handlers that check one (login,
 * re-authentication). */
@FunctionalInterface
public interface PasswordVerifier {

    boolean matches(String password, String passwordHash);
}
