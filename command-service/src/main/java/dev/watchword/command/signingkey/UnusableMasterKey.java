package dev.watchword.command.signingkey;

/** command-service cannot start: the master key that encrypts the signing keys is absent, malformed or wrong. */
public class UnusableMasterKey extends IllegalStateException {

    public UnusableMasterKey(String problem) {
        super(problem);
    }
}
