package dev.watchword.command.password;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.resources.Dictionary;

/**
 * The rules every new password meets, for registration, password reset and password change alike (never at
 * login: an old password keeps working until its owner changes it).
 * <ul>
 *   <li>At least {@link PasswordSettings#minLength()} characters, 8 by default (OWASP ASVS 5.0 V6.2.1), and up to
 *       {@value #MAX_LENGTH} accepted, well above the 64 of V6.2.9 / NIST SP 800-63B-4 section 3.1.1.2. Length is
 *       counted in Unicode code points after NFC normalization, as the hasher sees the password.</li>
 *   <li>No composition rules (ASVS V6.2.5): no "one digit and one symbol".</li>
 *   <li>Not one of the common or breached passwords of an offline list (ASVS V6.2.4 / V6.2.12, NIST SP 800-63B-4
 *       section 3.1.1.2): nbvcxz's {@code passwords} dictionary, about 100,000 of them in order of frequency.</li>
 *   <li>Not containing the local part of the account's own email address (ASVS V6.2.11, context-specific
 *       words).</li>
 * </ul>
 */
public class PasswordPolicy {

    /** ASVS V6.2.1: no configuration may go below this. */
    public static final int FLOOR_LENGTH = 8;
    /** The longest password accepted, in code points: enough for any passphrase, bounded hashing work. */
    public static final int MAX_LENGTH = 1024;
    /**
     * The most UTF-16 units a password to be checked against a hash (login, current password) may hold, checked
     * by bean validation: room for {@link #MAX_LENGTH} code points written with surrogate pairs or combining
     * marks. New passwords get no such bound, only this policy's codes ({@code PASSWORD_TOO_LONG}); the 16 KiB
     * body limit already caps the work they can cause, and the policy refuses them before anything is hashed.
     */
    public static final int MAX_REQUEST_UNITS = 4096;
    /** Local parts shorter than this ("a@", "jo@") occur in too many good passwords to be worth refusing. */
    static final int MIN_LOCAL_PART = 3;

    private static final String COMMON_PASSWORDS = "passwords";

    private final int minLength;
    private final Set<String> common;

    public PasswordPolicy(PasswordSettings settings) {
        this(settings.minLength(), commonPasswords());
    }

    PasswordPolicy(int minLength, Set<String> common) {
        this.minLength = minLength;
        this.common = common;
    }

    /**
     * @param password        the new password, as typed
     * @param normalizedEmail the account's address in {@code EmailAddress.normalize} form
     * @throws PasswordRejected with the code of the first rule the password breaks
     */
    public void check(String password, String normalizedEmail) {
        check(password, normalizedEmail, minLength);
    }

    /** Like {@link #check(String, String)} with an app's own minimum length (never below 8). */
    public void check(String password, String normalizedEmail, int minLength) {
        if (password == null) {
            throw PasswordRejected.missing();
        }
        String normalized = Normalizer.normalize(password, Normalizer.Form.NFC);
        int length = normalized.codePointCount(0, normalized.length());
        if (length < minLength) {
            throw PasswordRejected.tooShort(minLength);
        }
        if (length > MAX_LENGTH) {
            throw PasswordRejected.tooLong(MAX_LENGTH);
        }
        String lower = normalized.toLowerCase(Locale.ROOT);
        if (common.contains(normalized) || common.contains(lower)) {
            throw PasswordRejected.tooCommon();
        }
        if (containsLocalPart(lower, normalizedEmail)) {
            throw PasswordRejected.containsEmail();
        }
    }

    public int minLength() {
        return minLength;
    }

    private static boolean containsLocalPart(String lowerPassword, String normalizedEmail) {
        if (normalizedEmail == null) {
            return false;
        }
        int at = normalizedEmail.lastIndexOf('@');
        String local = (at < 0 ? normalizedEmail : normalizedEmail.substring(0, at)).toLowerCase(Locale.ROOT);
        // "ada+shop@" is delivered to "ada@": the part before the tag counts as the address too.
        int plus = local.indexOf('+');
        String untagged = plus < 0 ? local : local.substring(0, plus);
        return contains(lowerPassword, local) || contains(lowerPassword, untagged);
    }

    private static boolean contains(String lowerPassword, String part) {
        return part.codePointCount(0, part.length()) >= MIN_LOCAL_PART && lowerPassword.contains(part);
    }

    /** nbvcxz's list of common passwords; the English words, names and other dictionaries are left out. */
    static Set<String> commonPasswords() {
        return ConfigurationBuilder.getDefaultDictionaries().stream()
                .filter(dictionary -> COMMON_PASSWORDS.equals(dictionary.getDictionaryName()))
                .map(Dictionary::getDictonary)
                .map(Map::keySet)
                .map(Set::copyOf)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("nbvcxz ships no '" + COMMON_PASSWORDS + "' dictionary"));
    }
}
