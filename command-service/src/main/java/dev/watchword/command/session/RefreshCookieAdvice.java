package dev.watchword.command.session;

import dev.watchword.command.appdirectory.AppDirectory;
import dev.watchword.command.appdirectory.AppPolicy;
import dev.watchword.command.issuing.IssuedTokens;
import dev.watchword.command.security.RefreshCookie;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Every answer that issues tokens (password login, sign-in link, email code, refresh) honours cookie mode in one
 * place: the refresh token moves from the body into the app's {@link RefreshCookie}.
 */
@ControllerAdvice
class RefreshCookieAdvice implements ResponseBodyAdvice<IssuedTokens> {

    private final AppDirectory appDirectory;

    RefreshCookieAdvice(AppDirectory appDirectory) {
        this.appDirectory = appDirectory;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return IssuedTokens.class.equals(returnType.getParameterType());
    }

    @Override
    public IssuedTokens beforeBodyWrite(
            IssuedTokens body,
            MethodParameter returnType,
            MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType,
            ServerHttpRequest request,
            ServerHttpResponse response) {
        if (body == null
                || body.refresh() == null
                || !(request instanceof ServletServerHttpRequest servlet)
                || !RefreshCookie.requested(servlet.getServletRequest())) {
            return body;
        }
        AppPolicy app = appDirectory.byClientId(body.clientId()).orElseGet(() -> appDirectory.of(null));
        response.getHeaders()
                .add(
                        HttpHeaders.SET_COOKIE,
                        RefreshCookie.carrying(app.clientId(), body.refresh(), app.refreshTokenLifetime())
                                .toString());
        return body.withoutRefresh();
    }
}
