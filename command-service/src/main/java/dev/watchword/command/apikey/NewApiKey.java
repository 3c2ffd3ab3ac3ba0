package dev.watchword.command.apikey;

/**
 * A key just made: {@code plaintext} is answered once to whoever asked and then forgotten; {@code stored} goes
 * to the log.
 */
public record NewApiKey(String plaintext, StoredApiKey stored) {

    /** Never the key itself, should this end up in a log line or an exception message. */
    @Override
    public String toString() {
        return "NewApiKey[" + stored.prefix() + "_***]";
    }
}
