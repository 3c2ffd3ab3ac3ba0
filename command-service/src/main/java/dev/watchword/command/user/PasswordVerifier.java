package dev.watchword.command.user;

/** Checks a password against a stored hash; injected into the aggregate's {@link Login} handler. */
@FunctionalInterface
public interface PasswordVerifier {

    boolean matches(String password, String passwordHash);
}
