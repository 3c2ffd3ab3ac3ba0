package dev.watchword.events.sensitive;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a component of a user event that holds personal data of that user (an address, an IP address, a user
 * agent) or the user's credential: command-service stores it encrypted with the user's own data key, and
 * {@code UserErased} destroys that key (crypto-shredding), after which every copy of the field reads {@code null}
 * (GDPR Art. 17; OWASP ASVS 5.0 V14.2). The services treat a field by its name in every user event, so a name once
 * marked must be marked wherever a user event has it; {@link SensitiveFields#personalIn} collects the names.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Personal {}
