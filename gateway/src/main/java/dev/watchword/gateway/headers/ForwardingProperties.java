package dev.watchword.gateway.headers;

import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the gateway writes {@code X-Forwarded-*} headers for the upstream services.
 *
 * @param trustedProxies regular expression of remote addresses whose own {@code X-Forwarded-For} and
 * {@code X-Forwarded-Proto} are kept (a TLS-terminating load balancer in front of the gateway). The default is
 * empty: no client is trusted, so whatever forwarding headers a client sends are replaced, never passed on.
 */
@ConfigurationProperties("watchword.gateway.forwarding")
public record ForwardingProperties(@DefaultValue("") String trustedProxies) {

    boolean isTrusted(String remoteAddress) {
        return !trustedProxies.isBlank()
                && remoteAddress != null
                && Pattern.compile(trustedProxies).matcher(remoteAddress).matches();
    }
}
