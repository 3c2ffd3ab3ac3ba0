package dev.watchword.gateway.headers;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Puts the same security headers on every response, proxied or not. An upstream's own values for these headers
 * are ignored rather than added, so a client never sees one header twice with different values.
 */
class SecurityHeadersFilter implements Filter {

    /** Two years, with subdomains: the HSTS preload list's minimum. Browsers ignore it over plain HTTP. */
    static final Map<String, String> HEADERS = Map.of(
            "Strict-Transport-Security", "max-age=63072000; includeSubDomains",
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer");

    private static final Set<String> MANAGED = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

    static {
        MANAGED.addAll(HEADERS.keySet());
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(response instanceof HttpServletResponse http)) {
            chain.doFilter(request, response);
            return;
        }
        HEADERS.forEach(http::setHeader);
        chain.doFilter(request, new HttpServletResponseWrapper(http) {
            @Override
            public void setHeader(String name, String value) {
                if (!MANAGED.contains(name)) {
                    super.setHeader(name, value);
                }
            }

            @Override
            public void addHeader(String name, String value) {
                if (!MANAGED.contains(name)) {
                    super.addHeader(name, value);
                }
            }

            @Override
            public void reset() {
                super.reset();
                HEADERS.forEach(super::setHeader);
            }
        });
    }
}
