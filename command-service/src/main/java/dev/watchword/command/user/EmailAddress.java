package dev.watchword.command.user;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one normal form of an email address: trimmed, Unicode NFC, lower case. Uniqueness and look-ups are
 * always on this form, so {@code Ada@Example.com } and {@code ada@example.com} are one account.
 */
public final class EmailAddress {

    /** RFC 5321 section 4.5.3.1.3: a path is at most 256 octets, an address at most 254 of them. */
    public static final int MAX_LENGTH = 254;

    // Deliberately loose (one @, something on each side, a dot in the domain, no spaces or controls): the
    // verification email is the real check of an address.
    private static final Pattern SHAPE = Pattern.compile("^[^@\\s\\p{Cntrl}]+@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}]+$");

    private EmailAddress() {
    }

    public static Optional<String> normalize(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String normalized = Normalizer.normalize(raw.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        if (normalized.length() > MAX_LENGTH || !SHAPE.matcher(normalized).matches()) {
            return Optional.empty();
        }
        return Optional.of(normalized);
    }
}
