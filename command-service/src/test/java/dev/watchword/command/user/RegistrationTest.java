package dev.watchword.command.user;

import dev.watchword.command.appdirectory.AppPolicies;
import dev.watchword.command.user.RegistrationCommand.NoteRegistrationAttempt;
import dev.watchword.command.user.RegistrationCommand.RegisterUser;
import dev.watchword.events.app.DefaultApp;
import dev.watchword.events.user.EmailVerificationRequested;
import dev.watchword.events.user.RegistrationAttemptedForTakenEmail;
import dev.watchword.events.user.UserRegistered;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@link Registration}'s rules, through the aggregate: given events, a command, the events it leads to. */
class RegistrationTest {

    private static final String USER = "7d3c7d6e-2f57-4a43-9a4c-8c4f2b1e5a10";
    private static final String EMAIL = "ada@example.com";
    private static final String HASH = "hash-of-correct horse";
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    private FixtureConfiguration<User> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(User.class);
        fixture.registerInjectableResource((PasswordVerifier) (password, hash) -> ("hash-of-" + password).equals(hash));
        fixture.registerInjectableResource((PasswordHashing) password -> "hash-of-" + password);
        fixture.registerInjectableResource(UserFixtures.POLICY);
        fixture.registerInjectableResource((AppPolicies) appId -> UserFixtures.APP);
    }

    private static UserRegistered registered() {
        return new UserRegistered(USER, EMAIL, HASH, T0);
    }

    private static EmailVerificationRequested verificationRequested(String tokenHash, Instant expiresAt) {
        return new EmailVerificationRequested(USER, EMAIL, tokenHash, "sealed-" + tokenHash, T0, expiresAt);
    }

    @Nested
    class RegisterUserCommand {

        @Test
        void registerWhenNewThenRegisteredAndVerificationRequested() {
            OneTimeSecret link = new OneTimeSecret("h1", "sealed-h1", T0.plusSeconds(86_400));

            fixture.givenNoPriorActivity()
                    .when(new RegisterUser(USER, EMAIL, HASH, link, T0, DefaultApp.APP_ID))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(
                            new UserRegistered(USER, EMAIL, HASH, T0, DefaultApp.APP_ID),
                            verificationRequested("h1", T0.plusSeconds(86_400)));
        }
    }

    @Nested
    class NoteRegistrationAttemptCommand {

        @Test
        void noteWhenAddressTakenThenOwnerIsToldByEvent() {
            fixture.given(registered())
                    .when(new NoteRegistrationAttempt(USER, "198.51.100.7", T0.plusSeconds(5)))
                    .expectEvents(
                            new RegistrationAttemptedForTakenEmail(USER, EMAIL, "198.51.100.7", T0.plusSeconds(5)));
        }
    }
}
