package dev.watchword.command.signingkey;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a missing master key into Spring Boot's "APPLICATION FAILED TO START" summary instead of a trace. */
public class UnusableMasterKeyFailureAnalyzer extends AbstractFailureAnalyzer<UnusableMasterKey> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnusableMasterKey cause) {
        return new FailureAnalysis(
                cause.getMessage() + ". command-service encrypts its access-token signing keys at rest with it and "
                        + "refuses to start without it.",
                "Set " + MasterKey.VARIABLE + " to 32 random bytes, base64 (openssl rand -base64 32), and keep it: "
                        + "the signing keys in the database open only with the key they were sealed with. "
                        + "./watchword dev generates one into .watchword/secrets.env.",
                cause);
    }
}
