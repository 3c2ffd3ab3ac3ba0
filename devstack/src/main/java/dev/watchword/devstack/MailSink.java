package dev.watchword.devstack;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * An SMTP server that delivers nowhere: every message lands in GreenMail's in-memory store, readable in a browser
 * at {@link #inboxUrl()} and as JSON at {@code <inboxUrl>/api/messages} (see {@link InboxServer}).
 */
public final class MailSink implements AutoCloseable {

    private final GreenMail greenMail;

    private final InboxServer inbox;

    private final int smtpPort;

    private MailSink(GreenMail greenMail, InboxServer inbox, int smtpPort) {
        this.greenMail = greenMail;
        this.inbox = inbox;
        this.smtpPort = smtpPort;
    }

    /** Starts SMTP on {@code smtpPort} and the inbox on {@code uiPort} (0 picks a free one), both on 127.0.0.1. */
    static MailSink start(int smtpPort, int uiPort) {
        ServerSetup smtp = new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        // Any address receives mail; nobody has to be provisioned first.
        GreenMail greenMail = new GreenMail(smtp)
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        try {
            greenMail.start();
            return new MailSink(greenMail, InboxServer.start(greenMail, uiPort), smtpPort);
        } catch (RuntimeException ex) {
            greenMail.stop();
            throw new DevStackException(
                    "Mail sink did not start (SMTP port " + smtpPort + ", web port " + uiPort + "): " + ex.getMessage(),
                    ex);
        }
    }

    /** The in-JVM server, for tests that read the inbox directly. */
    public GreenMail greenMail() {
        return greenMail;
    }

    public int smtpPort() {
        return smtpPort;
    }

    public String inboxUrl() {
        return "http://localhost:" + inbox.port();
    }

    @Override
    public void close() {
        try {
            inbox.close();
        } finally {
            greenMail.stop();
        }
    }
}
