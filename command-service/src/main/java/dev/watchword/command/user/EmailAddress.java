package dev.watchword.command.user;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one normal form of an email address: trimmed, Unicode NFC, lower case. Uniqueness and look-ups are
 * always on this form, so {@code Ada@Example.com } and {@code ada@example.com} are one account.
 * <p>
 * Only a bare addr-spec is an address here (RFC 5322 section 3.4.1, dot-atom form; RFC 6531 section 3.3 for
 * UTF-8 in it): no display name, angle brackets, comments, quoted local part, domain literal, list, whitespace or
 * control character. A mail library reading {@code ceo<attacker@evil.example>} or {@code "Ceo" <a@evil.example>}
 * finds a mailbox other than the text we would store, check for uniqueness and show, so such input is refused
 * instead of interpreted (OWASP ASVS 5.0 V2.2.1).
 */
public final class EmailAddress {

    /** RFC 5321 section 4.5.3.1.3: a path is at most 256 octets, an address at most 254 of them. */
    public static final int MAX_LENGTH = 254;
    /** RFC 5321 section 4.5.3.1.1. */
    private static final int MAX_LOCAL_PART_OCTETS = 64;

    /** RFC 5322 atext, plus letters, marks and digits of any script (RFC 6531 UTF8-non-ascii, as far as we take it). */
    private static final String ATEXT = "[\\p{L}\\p{M}\\p{N}!#$%&'*+/=?^_`{|}~-]";
    /** A DNS label (RFC 1035 section 2.3.1; an internationalized one in U-label or A-label form). */
    private static final String LABEL = "[\\p{L}\\p{M}\\p{N}](?:[\\p{L}\\p{M}\\p{N}-]{0,61}[\\p{L}\\p{M}\\p{N}])?";
    // Deliberately no check of the domain's existence: the verification email is the real check of an address.
    private static final Pattern ADDR_SPEC =
            Pattern.compile("^" + ATEXT + "+(?:\\." + ATEXT + "+)*@" + LABEL + "(?:\\." + LABEL + ")+$");

    private EmailAddress() {}

    /** The normal form of a bare addr-spec; empty for anything else, including one with a display name. */
    public static Optional<String> normalize(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String normalized =
                Normalizer.normalize(raw.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        if (normalized.length() > MAX_LENGTH
                || !ADDR_SPEC.matcher(normalized).matches()
                || normalized.substring(0, normalized.lastIndexOf('@')).getBytes(StandardCharsets.UTF_8).length
                        > MAX_LOCAL_PART_OCTETS) {
            return Optional.empty();
        }
        return Optional.of(normalized);
    }
}
