package dev.watchword.gateway.route;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * One line of the route table: requests with one of {@code methods} (any method when empty) to a path matching one
 * of {@code paths} (Spring's path patterns: {@code /api/admin/**} matches {@code /api/admin} and everything under
 * it) go to {@code uri}, with the path unchanged unless {@code setPath} replaces it.
 *
 * @param id a name for logs and tests
 * @param uri the upstream's scheme, host and port
 * @param methods the HTTP methods this route takes, upper case; empty for all
 * @param paths the path patterns this route takes
 * @param setPath the upstream path instead of the client's, or empty to keep the client's
 */
public record Route(
        String id,
        URI uri,
        @DefaultValue Set<String> methods,
        List<String> paths,
        @DefaultValue("") String setPath) {

    private static final PathPatternParser PARSER = PathPatternParser.defaultInstance;

    public Route {
        methods =
                methods.stream().map(method -> method.toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
        paths = List.copyOf(paths);
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("Route " + id + " names no path");
        }
    }

    /** The parsed patterns; parsed once per route table, see {@link RouteTable}. */
    List<PathPattern> patterns() {
        return paths.stream().map(PARSER::parse).toList();
    }

    boolean takes(String method) {
        return methods.isEmpty() || methods.contains(method);
    }

    /** The upstream path and query for a client's path and raw query (which may be null). */
    public String upstreamPathAndQuery(String path, String rawQuery) {
        String upstreamPath = setPath.isEmpty() ? path : setPath;
        return rawQuery == null || rawQuery.isEmpty() ? upstreamPath : upstreamPath + "?" + rawQuery;
    }
}
