package dev.watchword.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.watchword.events.app.AppSettings;
import dev.watchword.events.app.AppSettingsChanged;
import dev.watchword.events.app.ClientAppRegistered;
import dev.watchword.events.app.DefaultApp;
import dev.watchword.events.app.LinkBaseUrlChanged;
import dev.watchword.events.envelope.EventCatalog;
import dev.watchword.events.envelope.EventEnvelope;
import dev.watchword.events.links.EmailLinks;
import dev.watchword.events.user.EmailChanged;
import dev.watchword.events.user.EmailVerificationRequested;
import dev.watchword.events.user.RoleAssigned;
import dev.watchword.events.user.RoleRevoked;
import dev.watchword.events.user.UserRegistered;
import dev.watchword.notification.AccountEmail.Sample;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Client apps: every email to a user of an app points its links to the app's {@code linkBaseUrl} and
 * carries its {@code senderName} as From display name, on the configured sender address; the settings in force
 * when the email is composed apply; users of the default app get the service's configured ones.
 */
class ClientAppEmailsIT extends EmailPipelineIT {

    private static final String SENDER_ADDRESS = "no-reply@watchword.local";

    @Test
    void verificationWhenUserOfAppThenLinkUnderAppBaseAndFromAppSenderName() throws Exception {
        // given
        String appId = registeredApp("https://acme.example/auth", "Acme Support");
        String userId = registeredUser(appId);
        String token = "tok-" + UUID.randomUUID();

        // when
        EventEnvelope envelope = verificationRequested(userId, token);
        publish(envelope);

        // then
        Received email = received(envelope);
        assertThat(email.sender().getPersonal()).isEqualTo("Acme Support");
        assertThat(email.sender().getAddress()).isEqualTo(SENDER_ADDRESS);
        String link = "https://acme.example/auth" + EmailLinks.VERIFY_EMAIL + "#token=" + token;
        assertThat(email.text()).contains(link);
        assertThat(email.html()).contains("href=\"" + link + "\"");
        assertThat(email.parts()).allSatisfy(part -> assertThat(part).doesNotContain(PUBLIC_URL));
    }

    @ParameterizedTest
    @EnumSource(AccountEmail.class)
    void accountEmailWhenUserOfAppThenAppLinksAndSenderName(AccountEmail kind) throws Exception {
        // given
        String appId = registeredApp("https://login.acme.example", "Acme");
        Sample sample = kind.sample();
        registeredUser(appId, sample.envelope().aggregateId());

        // when
        publish(sample.envelope());

        // then
        Received email = received(sample.envelope());
        assertThat(email.sender().getPersonal()).isEqualTo("Acme");
        assertThat(email.sender().getAddress()).isEqualTo(SENDER_ADDRESS);
        if (kind.page != null) {
            String link = "https://login.acme.example" + kind.page + "#token=" + sample.secret();
            assertThat(email.text()).contains(link);
            assertThat(email.html()).contains("href=\"" + link + "\"");
        }
        // The security notices point to where a password is reset: the app's site, not the platform's.
        assertThat(email.parts()).allSatisfy(part -> assertThat(part).doesNotContain(PUBLIC_URL));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = DefaultApp.APP_ID)
    void verificationWhenUserOfDefaultAppThenConfiguredLinkAndSender(String appId) throws Exception {
        // given: null is how UserRegistered recorded before there were apps names the default app
        String userId = UUID.randomUUID().toString();
        publish(envelope(
                new UserRegistered(userId, randomAddress(), "$argon2id$not-checked", Instant.now(), appId), userId));
        String token = "tok-" + UUID.randomUUID();

        // when
        EventEnvelope envelope = verificationRequested(userId, token);
        publish(envelope);

        // then
        Received email = received(envelope);
        assertThat(email.message().getHeader("From")).containsExactly("Watchword <" + SENDER_ADDRESS + ">");
        assertThat(email.text()).contains(PUBLIC_URL + EmailLinks.VERIFY_EMAIL + "#token=" + token);
    }

    @Test
    void settingsWhenChangedThenLaterEmailsFollowAndAnOlderEventReadAgainChangesNothing() throws Exception {
        // given
        String appId = registeredApp("https://old.acme.example", "Acme");
        String userId = registeredUser(appId);
        EventEnvelope first = verificationRequested(userId, "tok-" + UUID.randomUUID());
        publish(first);
        assertThat(received(first).text()).contains("https://old.acme.example/verify-email#token=");

        // when
        publish(settingsChanged(appId, 2, "https://new.acme.example", "Acme Accounts"));
        EventEnvelope second = verificationRequested(userId, "tok-" + UUID.randomUUID());
        publish(second);

        // then
        Received afterChange = received(second);
        assertThat(afterChange.text())
                .contains("https://new.acme.example/verify-email#token=")
                .doesNotContain("old.acme.example");
        assertThat(afterChange.sender().getPersonal()).isEqualTo("Acme Accounts");

        // when: the first settings are read again (a replay, a redelivery after a rebalance)
        publish(settingsChanged(appId, 1, "https://old.acme.example", "Acme"));
        EventEnvelope third = verificationRequested(userId, "tok-" + UUID.randomUUID());
        publish(third);

        // then
        Received afterReplay = received(third);
        assertThat(afterReplay.text()).contains("https://new.acme.example/verify-email#token=");
        assertThat(afterReplay.sender().getPersonal()).isEqualTo("Acme Accounts");
    }

    @Test
    void appAndUserEventsWhenRedeliveredThenOneEmailWithTheAppSettings() throws Exception {
        // given
        String appId = UUID.randomUUID().toString();
        EventEnvelope settings = settingsChanged(appId, 1, "https://acme.example", "Acme");
        String userId = UUID.randomUUID().toString();
        EventEnvelope registered = envelope(
                new UserRegistered(userId, randomAddress(), "$argon2id$not-checked", Instant.now(), appId), userId);
        EventEnvelope verification = verificationRequested(userId, "tok-" + UUID.randomUUID());
        EventEnvelope later = takenAddress(randomAddress());

        // when
        for (EventEnvelope envelope :
                List.of(settings, settings, registered, registered, verification, verification, later)) {
            publish(envelope);
        }

        // then: one partition, so once the later event is mailed the redeliveries have been consumed too
        await().atMost(PATIENCE)
                .until(() ->
                        statusOf(later).equals("SENT") && statusOf(verification).equals("SENT"));
        Received email = received(verification);
        assertThat(email.sender().getPersonal()).isEqualTo("Acme");
        assertThat(email.text()).contains("https://acme.example/verify-email#token=");
    }

    @Test
    void emailWhenAppSettingsNotReceivedYetThenWaitsAndIsSentWithThemOnceTheyArrive() throws Exception {
        // given: the app's events travel on its own partition, which a consumer catching up may read later
        String appId = UUID.randomUUID().toString();
        String userId = registeredUser(appId);
        EventEnvelope verification = verificationRequested(userId, "tok-" + UUID.randomUUID());
        publish(verification);
        await().atMost(PATIENCE).until(() -> attemptsOf(verification) >= 1);
        assertThat(statusOf(verification)).isEqualTo("PENDING");
        assertThat(smtp.getReceivedMessagesForDomain(recipientOf(verification))).isEmpty();

        // when
        publish(settingsChanged(appId, 1, "https://late.acme.example", "Acme"));

        // then
        Received email = received(verification);
        assertThat(email.text()).contains("https://late.acme.example/verify-email#token=");
        assertThat(email.sender().getPersonal()).isEqualTo("Acme");
    }

    @Test
    void senderNameWhenItCarriesAHeaderThenOnlyTheDisplayNameAndNoExtraRecipient() throws Exception {
        // given: command-service refuses this name; the emails stay safe whatever an event carries
        String victim = randomAddress();
        String appId = registeredApp("https://acme.example", "Acme\r\nBcc: " + victim);
        String userId = registeredUser(appId);

        // when
        EventEnvelope envelope = verificationRequested(userId, "tok-" + UUID.randomUUID());
        publish(envelope);

        // then
        Received email = received(envelope);
        assertThat(email.message().getHeader("Bcc")).isNull();
        assertThat(email.message().getHeader("From")).hasSize(1);
        assertThat(email.sender().getAddress()).isEqualTo(SENDER_ADDRESS);
        assertThat(email.sender().getPersonal()).isEqualTo("Acme Bcc: " + victim);
        assertThat(smtp.getReceivedMessagesForDomain(victim)).isEmpty();
    }

    @Test
    void linkBaseWhenChangedThenEveryAdminOfTheAppToldOnceAndNobodyElse() throws Exception {
        // given: two admins of the app (one of them at a changed address), a plain user, an admin of another app
        String appId = registeredApp("https://shop.example", "Shop");
        String otherAppId = registeredApp("https://other.example", "Other");
        String firstAdmin = randomAddress();
        String secondAdmin = randomAddress();
        String secondAdminBefore = randomAddress();
        String plainUser = randomAddress();
        String otherAppAdmin = randomAddress();
        admin(appId, UUID.randomUUID().toString(), firstAdmin);
        String secondId = admin(appId, UUID.randomUUID().toString(), secondAdminBefore);
        publish(envelope(new EmailChanged(secondId, secondAdminBefore, secondAdmin, Instant.now()), secondId));
        String demotedId = admin(appId, UUID.randomUUID().toString(), randomAddress());
        publish(envelope(new RoleRevoked(demotedId, "admin", "root", Instant.now()), demotedId));
        String plainId = UUID.randomUUID().toString();
        publish(envelope(
                new UserRegistered(plainId, plainUser, "$argon2id$not-checked", Instant.now(), appId), plainId));
        admin(otherAppId, UUID.randomUUID().toString(), otherAppAdmin);
        EventEnvelope changed = EventCatalog.wrap(
                UUID.randomUUID().toString(),
                new LinkBaseUrlChanged(
                        appId, "https://shop.example", "https://attacker.example", "apikey-or-admin", Instant.now()),
                appId,
                3,
                3,
                Instant.now());

        // when: delivered twice, as after a rebalance
        publish(changed);
        publish(changed);
        EventEnvelope later = takenAddress(randomAddress());
        publish(later);

        // then
        await().atMost(PATIENCE).until(() -> statusOf(later).equals("SENT") && sentRows(changed) == 2);
        for (String address : List.of(firstAdmin, secondAdmin)) {
            List<MimeMessage> received = linkBaseNotices(address);
            assertThat(received).hasSize(1);
            String text = part((MimeMultipart) received.getFirst().getContent(), 0)
                    .getContent()
                    .toString();
            assertThat(text).contains("https://attacker.example").contains("https://shop.example");
        }
        // The old address of the second admin got its own "email changed" notice, and nothing about the app.
        for (String address : List.of(secondAdminBefore, plainUser, otherAppAdmin)) {
            assertThat(linkBaseNotices(address)).isEmpty();
        }
    }

    private List<MimeMessage> linkBaseNotices(String address) throws Exception {
        List<MimeMessage> notices = new java.util.ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessagesForDomain(address)) {
            if ("Your app's email links now point to a new address".equals(message.getSubject())) {
                notices.add(message);
            }
        }
        return notices;
    }

    private String admin(String appId, String userId, String address) throws Exception {
        publish(envelope(new UserRegistered(userId, address, "$argon2id$not-checked", Instant.now(), appId), userId));
        publish(envelope(new RoleAssigned(userId, "admin", "root", Instant.now()), userId));
        return userId;
    }

    private long sentRows(EventEnvelope envelope) {
        return jdbc.sql("select count(*) from outgoing_email where event_id like ? and status = 'SENT'")
                .param(envelope.eventId() + "/%")
                .query(Long.class)
                .single();
    }

    /** Registers an app the way command-service does: {@code ClientAppRegistered}, then its first settings. */
    private String registeredApp(String linkBaseUrl, String senderName) throws Exception {
        String appId = UUID.randomUUID().toString();
        publish(EventCatalog.wrap(
                UUID.randomUUID().toString(),
                new ClientAppRegistered(appId, senderName, "client-" + appId, "admin", Instant.now()),
                appId,
                0,
                0,
                Instant.now()));
        publish(settingsChanged(appId, 1, linkBaseUrl, senderName));
        return appId;
    }

    private static EventEnvelope settingsChanged(
            String appId, long sequenceNumber, String linkBaseUrl, String senderName) {
        AppSettings settings = new AppSettings(List.of("password"), false, 5, 1, 8, List.of(), linkBaseUrl, senderName);
        return EventCatalog.wrap(
                UUID.randomUUID().toString(),
                new AppSettingsChanged(appId, settings, "admin", Instant.now()),
                appId,
                sequenceNumber,
                sequenceNumber,
                Instant.now());
    }

    private String registeredUser(String appId) throws Exception {
        return registeredUser(appId, UUID.randomUUID().toString());
    }

    private String registeredUser(String appId, String userId) throws Exception {
        publish(envelope(
                new UserRegistered(userId, randomAddress(), "$argon2id$not-checked", Instant.now(), appId), userId));
        return userId;
    }

    private static EventEnvelope verificationRequested(String userId, String token) {
        Instant expiresAt = Instant.now().plus(Duration.ofDays(1));
        return envelope(
                new EmailVerificationRequested(
                        userId,
                        randomAddress(),
                        "hash-not-checked-here",
                        SEALING.seal(token, userId),
                        expiresAt.minus(Duration.ofDays(1)),
                        expiresAt),
                userId);
    }

    /** Waits for the event's email and reads the one message its recipient got. */
    private Received received(EventEnvelope envelope) throws Exception {
        await().atMost(PATIENCE).until(() -> statusOf(envelope).equals("SENT"));
        MimeMessage[] received = smtp.getReceivedMessagesForDomain(recipientOf(envelope));
        assertThat(received).hasSize(1);
        MimeMessage message = received[0];
        assertThat(message.getFrom()).hasSize(1);
        MimeMultipart parts = (MimeMultipart) message.getContent();
        return new Received(
                message,
                (InternetAddress) message.getFrom()[0],
                part(parts, 0).getContent().toString(),
                part(parts, 1).getContent().toString());
    }

    /** The address the outbox row of the event's email is for: each kind of email names it in its own field. */
    private String recipientOf(EventEnvelope envelope) {
        return jdbc.sql("select recipient from outgoing_email where event_id = ?")
                .param(envelope.eventId())
                .query(String.class)
                .single();
    }

    private record Received(MimeMessage message, InternetAddress sender, String text, String html) {

        List<String> parts() {
            return List.of(text, html);
        }
    }
}
