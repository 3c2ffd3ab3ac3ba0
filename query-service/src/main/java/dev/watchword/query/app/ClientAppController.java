package dev.watchword.query.app;

import dev.watchword.query.appscope.AdminScope;
import dev.watchword.query.paging.Page;
import dev.watchword.query.paging.PageRequest;
import java.time.Clock;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin's view of the client apps. Both need {@code apps:write}, {@code settings:write} or {@code keys:write},
 * enforced with every other admin rule in {@code AdminSecurityConfiguration}, not here. Within the caller's {@link AdminScope}: the
 * platform operator sees every app; an app's admin (or its API key) sees its own app only, in the list (a page of
 * at most one) and in detail; another app is answered like an unknown id. The default app is not a registered app
 * and is in neither.
 */
@RestController
class ClientAppController {

    private final ClientAppRows apps;
    private final ApiKeyRows keys;
    private final Clock clock;

    ClientAppController(ClientAppRows apps, ApiKeyRows keys, Clock clock) {
        this.apps = apps;
        this.keys = keys;
        this.clock = clock;
    }

    /** Newest registration first. */
    @GetMapping("/api/admin/apps")
    Page<ClientAppResponse> findClientAppRows(
            AdminScope scope,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        PageRequest request = PageRequest.of(page, size);
        return Page.of(
                apps.findClientAppRows(scope, request).stream()
                        .map(ClientAppResponse::of)
                        .toList(),
                request,
                apps.countClientAppRows(scope));
    }

    @GetMapping("/api/admin/apps/{id}")
    ClientAppDetailResponse getClientAppById(AdminScope scope, @PathVariable String id) {
        ClientAppRow row = apps.getClientAppRowById(scope, id).orElseThrow(AppNotFound::new);
        return ClientAppDetailResponse.of(row, keys.findApiKeyRowsByAppId(id), clock.instant());
    }
}
