package dev.watchword.command.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.resources.Dictionary;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class PasswordPolicyTest {

    private static final Set<String> COMMON = PasswordPolicy.commonPasswords();
    private static final String EMAIL = "ada.lovelace@example.com";

    private final PasswordPolicy policy = new PasswordPolicy(8, COMMON);

    private static String codeOf(Runnable check) {
        try {
            check.run();
            return null;
        } catch (PasswordRejected rejected) {
            assertThat(rejected.status().value()).isEqualTo(400);
            return rejected.code().name();
        }
    }

    @Nested
    class Length {

        @Test
        void checkWhenSevenCharactersThenTooShort() {
            assertThat(codeOf(() -> policy.check("xk7#qvz", EMAIL))).isEqualTo("PASSWORD_TOO_SHORT");
        }

        @Test
        void checkWhenEightCharactersThenAccepted() {
            assertThatCode(() -> policy.check("xk7#qvzw", EMAIL)).doesNotThrowAnyException();
        }

        @Test
        void checkWhenCountedInCodePointsAfterNfcThenCombiningMarksAndSurrogatesCountOnce() {
            // "e" + U+0301 is one character after NFC; seven of them and an emoji are 8 code points but 15 chars.
            String sevenAccentedE = "e\u0301".repeat(7);
            assertThat(codeOf(() -> policy.check(sevenAccentedE, EMAIL))).isEqualTo("PASSWORD_TOO_SHORT");
            assertThat(codeOf(() -> policy.check("\uD83D\uDD11".repeat(7), EMAIL)))
                    .isEqualTo("PASSWORD_TOO_SHORT");
            assertThatCode(() -> policy.check(sevenAccentedE + "\uD83D\uDD11", EMAIL))
                    .doesNotThrowAnyException();
        }

        @Test
        void checkWhen1024CodePointsThenAcceptedAnd1025TooLong() {
            String unit = "correct horse battery staple ";
            String base = unit.repeat(1024 / unit.length() + 1);
            assertThatCode(() -> policy.check(base.substring(0, 1024), EMAIL)).doesNotThrowAnyException();
            assertThatCode(() -> policy.check(base.substring(0, 128), EMAIL)).doesNotThrowAnyException();
            assertThat(codeOf(() -> policy.check(base.substring(0, 1025), EMAIL)))
                    .isEqualTo("PASSWORD_TOO_LONG");
        }

        @Test
        void checkWhenMinimumConfiguredHigherThenShorterRejected() {
            PasswordPolicy strict = new PasswordPolicy(15, COMMON);
            assertThat(codeOf(() -> strict.check("xk7#qvzw-kq2", EMAIL))).isEqualTo("PASSWORD_TOO_SHORT");
            assertThatCode(() -> strict.check("xk7#qvzw-kq2-mmp", EMAIL)).doesNotThrowAnyException();
        }
    }

    @Nested
    class Composition {

        @Test
        void checkWhenOnlyLowerCaseLettersThenAccepted() {
            assertThatCode(() -> policy.check("purple tangerine orbit", EMAIL)).doesNotThrowAnyException();
        }
    }

    @Nested
    class CommonPasswords {

        @Test
        void checkWhenInTheListThenTooCommon() {
            for (String common : new String[] {
                "password1", "12345678", "iloveyou", "trustno1", "password123", "correcthorsebatterystaple"
            }) {
                assertThat(codeOf(() -> policy.check(common, EMAIL))).as(common).isEqualTo("PASSWORD_TOO_COMMON");
            }
        }

        @Test
        void checkWhenListedPasswordWithOtherCaseThenTooCommon() {
            assertThat(codeOf(() -> policy.check("PassWord1", EMAIL))).isEqualTo("PASSWORD_TOO_COMMON");
            assertThat(codeOf(() -> policy.check("ILOVEYOU", EMAIL))).isEqualTo("PASSWORD_TOO_COMMON");
        }

        @Test
        void commonPasswordsWhenLoadedThenAtLeastTheTopTenThousand() {
            Dictionary passwords = ConfigurationBuilder.getDefaultDictionaries().stream()
                    .filter(d -> d.getDictionaryName().equals("passwords"))
                    .findFirst()
                    .orElseThrow();
            Map<String, Integer> ranks = passwords.getDictonary();
            assertThat(ranks.values().stream().filter(rank -> rank <= 10_000).count())
                    .isGreaterThanOrEqualTo(10_000);
            assertThat(ranks.entrySet().stream()
                            .filter(e -> e.getValue() <= 10_000)
                            .map(Map.Entry::getKey))
                    .allMatch(COMMON::contains);
            assertThat(COMMON).hasSizeGreaterThanOrEqualTo(10_000);
        }

        @Test
        void checkWhenStrongPassphraseThenAccepted() {
            assertThatCode(() -> policy.check("velvet cactus mirrors 41 otters", EMAIL))
                    .doesNotThrowAnyException();
        }
    }

    @Nested
    class ContextSpecificWords {

        @Test
        void checkWhenContainsLocalPartIgnoringCaseThenContainsEmail() {
            assertThat(codeOf(() -> policy.check("my-Ada.Lovelace-2024!", EMAIL)))
                    .isEqualTo("PASSWORD_CONTAINS_EMAIL");
        }

        @Test
        void checkWhenContainsUntaggedLocalPartThenContainsEmail() {
            assertThat(codeOf(() -> policy.check("zz-adalove-zz-qq", "adalove+shop@example.com")))
                    .isEqualTo("PASSWORD_CONTAINS_EMAIL");
        }

        @Test
        void checkWhenLocalPartShorterThanThreeThenNotAWordToRefuse() {
            assertThatCode(() -> policy.check("jo jo banana split", "jo@example.com"))
                    .doesNotThrowAnyException();
        }

        @Test
        void checkWhenLocalPartOfThreeThenRefused() {
            assertThat(codeOf(() -> policy.check("xx-bob-builds-yy", "bob@example.com")))
                    .isEqualTo("PASSWORD_CONTAINS_EMAIL");
        }
    }

    @Nested
    class Settings {

        @Test
        void minLengthWhenUnsetThenEight() {
            PasswordSettings settings = bind(Map.of());
            assertThat(settings.minLength()).isEqualTo(8);
        }

        @Test
        void minLengthWhenEnvironmentVariableThenBound() {
            PasswordSettings settings = bind(Map.of("WATCHWORD_PASSWORDS_MIN_LENGTH", "12"));
            assertThat(new PasswordPolicy(settings).minLength()).isEqualTo(12);
        }

        private PasswordSettings bind(Map<String, Object> environment) {
            StandardEnvironment env = new StandardEnvironment();
            env.getPropertySources()
                    .addFirst(new SystemEnvironmentPropertySource(
                            "test-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
            return Binder.get(env).bindOrCreate("watchword.passwords", PasswordSettings.class);
        }
    }

    @Test
    void checkWhenRejectedThenExceptionNamesNoPassword() {
        assertThatThrownBy(() -> policy.check("password1", EMAIL)).hasMessageNotContaining("password1");
    }
}
