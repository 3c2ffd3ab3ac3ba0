package dev.watchword.command.apikey;

/**
 * What the log keeps of an API key: never the key, only its id, its recognizable prefix and its hash.
 *
 * @param prefix  {@code wwk_<keyId>}, safe to show in lists and logs
 * @param keyHash SHA-256 of the whole key, base64url without padding
 */
public record StoredApiKey(String keyId, String prefix, String keyHash) {}
