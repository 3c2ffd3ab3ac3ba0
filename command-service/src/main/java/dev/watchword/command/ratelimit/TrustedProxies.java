package dev.watchword.command.ratelimit;

import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The proxies whose {@code X-Forwarded-For} (and {@code -Proto}, {@code -Host}, {@code -Port}) command-service
 * believes: the gateway. A request from any other address keeps its own address, whatever headers it sends, so
 * a client cannot pick the address its rate limits count against (OWASP ASVS 5.0 V4.1.3).
 *
 * @param trusted CIDR blocks, e.g. {@code WATCHWORD_PROXIES_TRUSTED=10.1.0.0/16,fd00::/8}; the default is the
 *                loopback only, {@code 127.0.0.0/8, ::1/128} (the gateway on the same host). Any private range
 *                holds more than the gateway (other containers, other appDirectory of a cluster network), so a deployment
 *                names its gateway's addresses, as docker-compose.yml does; empty trusts no one
 */
@Validated
@ConfigurationProperties("watchword.proxies")
public record TrustedProxies(
        @DefaultValue({"127.0.0.0/8", "::1/128"}) @NotNull List<String> trusted) {

    public TrustedProxies {
        trusted = trusted.stream()
                .map(String::strip)
                .filter(block -> !block.isEmpty())
                .toList();
        trusted.forEach(CidrPattern::of);
    }

    /** Tomcat's RemoteIpValve takes a regular expression of addresses; this one matches exactly these blocks. */
    public String pattern() {
        return CidrPattern.anyOf(trusted);
    }
}
