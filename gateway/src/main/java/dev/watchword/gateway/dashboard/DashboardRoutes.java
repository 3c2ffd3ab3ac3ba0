package dev.watchword.gateway.dashboard;

import static org.springframework.web.servlet.function.RequestPredicates.GET;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The admin dashboard at {@code /admin}, from the built single-page app in {@code WATCHWORD_DASHBOARD_DIR}
 * ({@code dashboard/dist}): a file where one is asked for, {@code index.html} for every other path under
 * {@code /admin/} (the app's own routes). Without the directory, {@code /admin} stays a 404 like any unknown path.
 * The gateway's handler passes {@code /admin} paths to Spring MVC, which serves them here.
 *
 * <p>The page is same-origin with the API, so its policy allows nothing else: scripts, styles, fetches and images
 * from this origin only, no framing, no plugins (OWASP ASVS 5.0 V3.4.3, V3.4.6). Hashed assets are cached for a
 * year; {@code index.html} never, so a new release reaches browsers at once.
 */
@Configuration(proxyBeanMethods = false)
class DashboardRoutes {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; manifest-src 'self'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'; object-src 'none'";

    private static final Logger log = LoggerFactory.getLogger(DashboardRoutes.class);

    @Bean
    RouterFunction<ServerResponse> dashboard(@Value("${watchword.dashboard.dir:}") String directory) {
        if (directory.isBlank() || !Files.isRegularFile(Path.of(directory, "index.html"))) {
            log.info("No admin dashboard served: WATCHWORD_DASHBOARD_DIR ({}) holds no index.html", directory);
            return request -> Optional.empty();
        }
        Path root = Path.of(directory).toAbsolutePath().normalize();
        Resource index = new FileSystemResource(root.resolve("index.html"));
        return RouterFunctions.route()
                .GET(
                        "/admin",
                        request -> ServerResponse.permanentRedirect(URI.create("/admin/"))
                                .build())
                .route(GET("/admin/**"), request -> {
                    String relative = request.path().substring("/admin/".length());
                    Optional<Path> file = fileUnder(root, relative);
                    Resource body = file.<Resource>map(FileSystemResource::new).orElse(index);
                    boolean asset = file.isPresent() && relative.startsWith("assets/");
                    return ServerResponse.ok()
                            .contentType(MediaTypeFactory.getMediaType(body).orElse(MediaType.APPLICATION_OCTET_STREAM))
                            .cacheControl(
                                    asset
                                            ? CacheControl.maxAge(Duration.ofDays(365))
                                                    .cachePublic()
                                                    .immutable()
                                            : CacheControl.noStore())
                            .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                            .header("X-Frame-Options", "DENY")
                            .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING)
                            .body(body);
                })
                .build();
    }

    /** A regular file inside {@code root}, never one outside it however the path is spelled. */
    static Optional<Path> fileUnder(Path root, String relative) {
        if (relative.isEmpty() || relative.contains("\\") || relative.contains("\0")) {
            return Optional.empty();
        }
        Path file = root.resolve(relative).normalize();
        return file.startsWith(root) && !file.equals(root) && Files.isRegularFile(file)
                ? Optional.of(file)
                : Optional.empty();
    }
}
