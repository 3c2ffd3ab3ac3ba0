package dev.watchword.command.ratelimit;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.util.List;

/**
 * The proxies whose {@code X-Forwarded-For} (and {@code -Proto}, {@code -Host}, {@code -Port}) command-service
 * believes: the gateway. A request from any other address keeps its own address, whatever headers it sends, so
 * a client cannot pick the address its rate limits count against (OWASP ASVS 5.0 V4.1.3).
 *
 * @param trusted CIDR blocks, e.g. {@code WATCHWORD_PROXIES_TRUSTED=10.1.0.0/16,fd00::/8}; the default is the
 *                loopback, private, shared (RFC 6598) and link-local ranges the gateway runs in:
 *                {@code 127.0.0.0/8, 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, 100.64.0.0/10, 169.254.0.0/16,
 *                ::1/128, fc00::/7, fe80::/10}; empty trusts no one
 */
@Validated
@ConfigurationProperties("watchword.proxies")
public record TrustedProxies(@DefaultValue({"127.0.0.0/8", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16",
        "100.64.0.0/10", "169.254.0.0/16", "::1/128", "fc00::/7", "fe80::/10"}) @NotNull List<String> trusted) {

    public TrustedProxies {
        trusted = trusted.stream().map(String::strip).filter(block -> !block.isEmpty()).toList();
        trusted.forEach(CidrPattern::of);
    }

    /** Tomcat's RemoteIpValve takes a regular expression of addresses; this one matches exactly these blocks. */
    public String pattern() {
        return CidrPattern.anyOf(trusted);
    }
}
