package dev.watchword.command.security;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Where a request came from, for the events that record it and the rate limits that count it. The remote address
 * is already the client's when the request came through a trusted proxy: Tomcat's RemoteIpValve
 * ({@code server.forward-headers-strategy: native}) honours X-Forwarded-For only from the blocks of
 * {@code watchword.proxies.trusted} (see {@code ratelimit.TrustedProxies}); from anyone else the header is ignored,
 * so a client cannot choose its address (OWASP ASVS 5.0 V4.1.3).
 */
public final class ClientAddress {

    private static final int MAX_USER_AGENT = 512;

    private ClientAddress() {}

    public static String of(HttpServletRequest request) {
        return request.getRemoteAddr();
    }

    public static String userAgentOf(HttpServletRequest request) {
        String agent = request.getHeader("User-Agent");
        if (agent == null) {
            return "";
        }
        return agent.length() <= MAX_USER_AGENT ? agent : agent.substring(0, MAX_USER_AGENT);
    }
}
