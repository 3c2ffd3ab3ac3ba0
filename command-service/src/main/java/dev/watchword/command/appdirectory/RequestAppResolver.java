package dev.watchword.command.appdirectory;

import dev.watchword.events.user.LoginMethod;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Which app a public request is for: the {@code client_id} of its body or its {@code X-Client-Id}
 * header (both optional; if both are sent they must agree); neither means the default app, so single-app clients
 * keep working unchanged. An unknown client id is a 400 before anything else happens, and says nothing about any
 * account.
 * <p>
 * A browser request carries {@code Origin}; it must be one the named app lists (or the service-wide list), since
 * the CORS filter admits the union of all apps' origins (OWASP ASVS 5.0 V3.4.2). Watchword's own public origin is
 * every app's: its pages (the admin dashboard, the emailed links' pages) serve all of them.
 */
@Component
public class RequestAppResolver {

    public static final String HEADER = "X-Client-Id";

    private final AppDirectory appDirectory;
    private final PublicOrigin publicOrigin;

    public RequestAppResolver(AppDirectory appDirectory, PublicOrigin publicOrigin) {
        this.appDirectory = appDirectory;
        this.publicOrigin = publicOrigin;
    }

    /**
     * The app, which must allow {@code method}: checked before any address is looked up, so the 403 is the same
     * for every address of the app (a disabled method answers 403 on every path to it).
     */
    public AppPolicy resolveAllowing(String bodyClientId, HttpServletRequest request, LoginMethod method) {
        AppPolicy appPolicy = resolve(bodyClientId, request);
        if (!appPolicy.allows(method)) {
            throw new LoginMethodDisabled();
        }
        return appPolicy;
    }

    public AppPolicy resolve(String bodyClientId, HttpServletRequest request) {
        String header = request.getHeader(HEADER);
        if (bodyClientId != null && header != null && !bodyClientId.equals(header)) {
            throw new UnknownClient();
        }
        String clientId = bodyClientId != null ? bodyClientId : header;
        AppPolicy appPolicy = appDirectory.byClientId(clientId).orElseThrow(UnknownClient::new);
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin != null
                && !appPolicy.isDefault()
                && !publicOrigin.is(origin)
                && !appPolicy.corsOrigins().contains(origin)
                && !appDirectory.of(null).corsOrigins().contains(origin)) {
            throw new OriginNotAllowed();
        }
        return appPolicy;
    }
}
