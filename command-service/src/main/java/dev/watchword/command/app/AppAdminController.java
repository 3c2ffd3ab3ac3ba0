package dev.watchword.command.app;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.watchword.command.apikey.AppCredentials;
import dev.watchword.command.apikey.NewApiKey;
import dev.watchword.command.appdirectory.AppPolicy;
import dev.watchword.command.security.Acting;
import dev.watchword.command.security.ActingAdmin;
import dev.watchword.events.access.BuiltInRole;
import dev.watchword.events.access.Permission;
import dev.watchword.events.app.AppSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin API's writes on client apps. Authorized like the user administration: Spring Security
 * checks the token's {@code permissions}, then the actor's own aggregate confirms the token is current, then
 * the app's aggregate records the change with the actor's id. A new API key is in the answer once, with
 * {@code Cache-Control: no-store}; Watchword keeps only its hash.
 */
@RestController
public class AppAdminController {

    private final CommandGateway commands;
    private final AppCredentials credentials;
    private final ClientAppsSettings apps;
    private final String publicUrl;
    private final ActingAdmin actingAdmin;
    private final LinkBaseProof linkBaseProof;

    public AppAdminController(
            CommandGateway commands,
            AppCredentials credentials,
            ClientAppsSettings apps,
            @Value("${watchword.public-url}") String publicUrl,
            ActingAdmin actingAdmin,
            LinkBaseProof linkBaseProof) {
        this.commands = commands;
        this.credentials = credentials;
        this.apps = apps;
        this.publicUrl = publicUrl;
        this.actingAdmin = actingAdmin;
        this.linkBaseProof = linkBaseProof;
    }

    @PostMapping("/api/admin/apps")
    @PreAuthorize("hasAuthority('apps:write')")
    public ResponseEntity<RegisteredApp> register(Authentication caller, @Valid @RequestBody NewApp body) {
        Acting acting = actingAdmin.authorize(caller, Permission.APPS_WRITE);
        Instant now = acting.at();
        String appId = UUID.randomUUID().toString();
        String name = body.name().strip();
        String clientId = credentials.newClientId();
        NewApiKey key = credentials.newApiKey();
        commands.sendAndWait(
                new RegisterClientApp(appId, name, clientId, key.stored(), publicUrl, acting.actorId(), now));
        return shownOnce(new RegisteredApp(
                appId,
                name,
                clientId,
                key.stored().keyId(),
                key.plaintext(),
                SettingsBody.of(AppSettingsPolicy.defaults(name, publicUrl))));
    }

    @PostMapping("/api/admin/apps/{appId}/keys")
    @PreAuthorize("hasAuthority('keys:write')")
    public ResponseEntity<IssuedKey> issueKey(Authentication caller, @PathVariable String appId) {
        Acting acting = actingOn(caller, Permission.KEYS_WRITE, appId);
        NewApiKey key = credentials.newApiKey();
        onApp(() -> commands.sendAndWait(new IssueApiKey(appId, key.stored(), acting.actorId(), acting.at())));
        return shownOnce(new IssuedKey(key.stored().keyId(), key.plaintext(), null));
    }

    @PostMapping("/api/admin/apps/{appId}/keys/{keyId}/rotate")
    @PreAuthorize("hasAuthority('keys:write')")
    public ResponseEntity<IssuedKey> rotateKey(
            Authentication caller, @PathVariable String appId, @PathVariable String keyId) {
        Acting acting = actingOn(caller, Permission.KEYS_WRITE, appId);
        NewApiKey key = credentials.newApiKey();
        Instant previousValidUntil = onApp(() -> commands.sendAndWait(
                new RotateApiKey(appId, keyId, key.stored(), apps.keyRotationGrace(), acting.actorId(), acting.at())));
        return shownOnce(new IssuedKey(key.stored().keyId(), key.plaintext(), previousValidUntil));
    }

    @DeleteMapping("/api/admin/apps/{appId}/keys/{keyId}")
    @PreAuthorize("hasAuthority('keys:write')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void revokeKey(Authentication caller, @PathVariable String appId, @PathVariable String keyId) {
        Acting acting = actingOn(caller, Permission.KEYS_WRITE, appId);
        onApp(() -> commands.sendAndWait(new RevokeApiKey(appId, keyId, acting.actorId(), acting.at())));
    }

    /**
     * Replaces the settings. A new {@code link_base_url} needs more than {@code settings:write}: see
     * {@link LinkBaseChange}; the aggregate refuses it (403, nothing recorded) unless this actor's proof allows it.
     */
    @PutMapping("/api/admin/apps/{appId}/settings")
    @PreAuthorize("hasAuthority('settings:write')")
    public SettingsBody changeSettings(
            Authentication caller, @PathVariable String appId, @Valid @RequestBody SettingsBody body) {
        Acting acting = actingOn(caller, Permission.SETTINGS_WRITE, appId);
        LinkBaseChange linkBaseChange = linkBaseProof.of(caller, acting);
        AppSettings recorded = onApp(() -> commands.sendAndWait(
                new ChangeAppSettings(appId, body.toSettings(), acting.actorId(), acting.at(), linkBaseChange)));
        return SettingsBody.of(recorded);
    }

    /**
     * A custom role: its permissions must be ones the definer holds and ones that stay within an app, so
     * nobody mints a role stronger than themselves. Roles are never redefined: a second definition is a 409.
     */
    @PostMapping("/api/admin/apps/{appId}/roles")
    @PreAuthorize("hasAuthority('roles:write')")
    @ResponseStatus(HttpStatus.CREATED)
    public NewRole defineRole(Authentication caller, @PathVariable String appId, @Valid @RequestBody NewRole body) {
        Acting acting = actingOn(caller, Permission.ROLES_WRITE, appId);
        List<String> permissions =
                body.permissions().stream().distinct().sorted().toList();
        if (!AppPolicy.grantablePermissions().containsAll(permissions)
                || BuiltInRole.named(body.name()).isPresent()) {
            throw AppSettingRejected.role();
        }
        acting.requireHolds(permissions);
        onApp(() ->
                commands.sendAndWait(new DefineRole(appId, body.name(), permissions, acting.actorId(), acting.at())));
        return new NewRole(body.name(), permissions);
    }

    /** The caller, authorized, and the app within its reach; another app is as unknown as no app (404). */
    private Acting actingOn(Authentication caller, Permission permission, String appId) {
        Acting acting = actingAdmin.authorize(caller, permission);
        acting.requireReach(appId, AppNotFound::new);
        return acting;
    }

    /**
     * An unknown app is a 404, whatever the reason it is unknown. The event store keys streams by id alone, so the
     * id of another aggregate (a user) finds a stream that Axon refuses to load as an app, and appends nothing.
     */
    private static <T> T onApp(Supplier<T> command) {
        try {
            return command.get();
        } catch (AggregateNotFoundException | IncompatibleAggregateException unknown) {
            throw new AppNotFound();
        }
    }

    /** RFC 9111 section 5.2.2.5: no cache on the way may keep an answer that holds a key. */
    private static <T> ResponseEntity<T> shownOnce(T body) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .cacheControl(CacheControl.noStore())
                .body(body);
    }

    public record NewApp(@NotBlank @Size(max = 100) String name) {}

    /** @param name lower case, 2 to 32 of a-z, 0-9, {@code _} and {@code -}, starting with a letter */
    public record NewRole(
            @NotNull @Pattern(regexp = "[a-z][a-z0-9_-]{1,31}")
            String name,

            @NotNull @Size(min = 1, max = 20) List<@NotBlank @Size(max = 64) String> permissions) {}

    public record RegisteredApp(
            String id,
            String name,
            @JsonProperty("client_id") String clientId,
            @JsonProperty("key_id") String keyId,
            @JsonProperty("api_key") String apiKey,
            SettingsBody settings) {}

    /** @param previousValidUntil after a rotation, when the replaced key stops working; otherwise absent */
    public record IssuedKey(
            @JsonProperty("key_id") String keyId,
            @JsonProperty("api_key") String apiKey,
            @JsonProperty("previous_valid_until") Instant previousValidUntil) {}

    /** An app's settings on the wire; a PUT replaces them as a whole, so every field is required. */
    public record SettingsBody(
            @JsonProperty("login_methods") @NotNull List<String> loginMethods,
            @JsonProperty("require_verified_email") @NotNull Boolean requireVerifiedEmail,
            @JsonProperty("access_token_minutes") @NotNull Integer accessTokenMinutes,
            @JsonProperty("refresh_token_days") @NotNull Integer refreshTokenDays,
            @JsonProperty("password_min_length") @NotNull Integer passwordMinLength,
            @JsonProperty("cors_origins") @NotNull List<String> corsOrigins,
            @JsonProperty("link_base_url") @NotNull String linkBaseUrl,
            @JsonProperty("sender_name") @NotNull String senderName) {

        static SettingsBody of(AppSettings settings) {
            return new SettingsBody(
                    settings.loginMethods(),
                    settings.requireVerifiedEmail(),
                    settings.accessTokenMinutes(),
                    settings.refreshTokenDays(),
                    settings.passwordMinLength(),
                    settings.corsOrigins(),
                    settings.linkBaseUrl(),
                    settings.senderName());
        }

        AppSettings toSettings() {
            return new AppSettings(
                    loginMethods,
                    requireVerifiedEmail,
                    accessTokenMinutes,
                    refreshTokenDays,
                    passwordMinLength,
                    corsOrigins,
                    linkBaseUrl,
                    senderName);
        }
    }
}
