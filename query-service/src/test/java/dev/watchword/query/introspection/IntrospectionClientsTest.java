package dev.watchword.query.introspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

class IntrospectionClientsTest {

    private static final String SECRET = "s3cr3t+with/odd=chars";

    @Test
    void authenticateWhenIdAndSecretMatchThenIntrospectionClient() {
        IntrospectionClients clients = clients(new IntrospectionProperties.Client("api", SECRET));

        Authentication result = clients.authenticate(
                basic("api", SECRET.replace("+", "%2B").replace("/", "%2F").replace("=", "%3D")));

        assertThat(result.isAuthenticated()).isTrue();
        assertThat(result.getPrincipal()).isEqualTo(IntrospectionClient.global("api"));
        assertThat(result.getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .containsExactly(IntrospectionClient.AUTHORITY);
    }

    @Test
    void authenticateWhenSecretWrongThenBadCredentials() {
        IntrospectionClients clients = clients(new IntrospectionProperties.Client("api", "right"));

        assertThatExceptionOfType(BadCredentialsException.class)
                .isThrownBy(() -> clients.authenticate(basic("api", "wrong")));
    }

    @Test
    void authenticateWhenNoClientConfiguredThenEveryCallerRefused() {
        IntrospectionClients clients = clients(new IntrospectionProperties.Client("", ""));

        assertThatExceptionOfType(BadCredentialsException.class).isThrownBy(() -> clients.authenticate(basic("", "")));
        assertThatExceptionOfType(BadCredentialsException.class)
                .isThrownBy(() -> clients.authenticate(basic("api", "anything")));
    }

    @Test
    void authenticateWhenCredentialsNotFormEncodedProperlyThenBadCredentials() {
        IntrospectionClients clients = clients(new IntrospectionProperties.Client("api", "right"));

        assertThatExceptionOfType(BadCredentialsException.class)
                .isThrownBy(() -> clients.authenticate(basic("api", "%zz")));
    }

    @Test
    void newWhenClientHasIdButNoSecretThenRefusesToStart() {
        assertThatIllegalStateException().isThrownBy(() -> clients(new IntrospectionProperties.Client("api", " ")));
    }

    @Test
    void toStringWhenPropertiesPrintedThenSecretMasked() {
        assertThat(new IntrospectionProperties.Client("api", SECRET).toString()).doesNotContain(SECRET);
    }

    private static IntrospectionClients clients(IntrospectionProperties.Client... clients) {
        return new IntrospectionClients(new IntrospectionProperties(List.of(clients)));
    }

    private static Authentication basic(String id, String secret) {
        return UsernamePasswordAuthenticationToken.unauthenticated(id, secret);
    }
}
