package dev.watchword.devstack;

import java.util.Properties;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.standalone.GreenMailApiServerBuilder;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * An SMTP server that delivers nowhere: every message lands in GreenMail's in-memory inbox, readable in a browser
 * and over GreenMail's REST API ({@code GET /api/user/<address>/messages/INBOX}).
 */
public final class MailSink implements AutoCloseable {

	private final GreenMail greenMail;

	/** GreenMail's {@code ApiServer}, whose type is package-private in GreenMail 2.1; see {@link #call}. */
	private final Object api;

	private final int smtpPort;

	private final int uiPort;

	private MailSink(GreenMail greenMail, Object api, int smtpPort, int uiPort) {
		this.greenMail = greenMail;
		this.api = api;
		this.smtpPort = smtpPort;
		this.uiPort = uiPort;
	}

	static MailSink start(int smtpPort, int uiPort) {
		ServerSetup smtp = new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
		// Any address receives mail; nobody has to be provisioned first.
		GreenMailConfiguration configuration = GreenMailConfiguration.aConfig().withDisabledAuthentication();
		GreenMail greenMail = new GreenMail(smtp).withConfiguration(configuration);
		try {
			greenMail.start();
			Properties apiProperties = new Properties();
			apiProperties.setProperty(GreenMailApiServerBuilder.GREENMAIL_API_HOSTNAME, "127.0.0.1");
			apiProperties.setProperty(GreenMailApiServerBuilder.GREENMAIL_API_PORT, String.valueOf(uiPort));
			Object api = new GreenMailApiServerBuilder().configure(apiProperties)
				.withGreenMail(greenMail, new ServerSetup[] { smtp }, configuration)
				.build();
			call(api, "start");
			return new MailSink(greenMail, api, smtpPort, uiPort);
		}
		catch (RuntimeException ex) {
			greenMail.stop();
			throw new DevStackException("GreenMail did not start (SMTP port " + smtpPort + ", web port " + uiPort
					+ "): " + ex.getMessage(), ex);
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
		return "http://localhost:" + uiPort;
	}

	@Override
	public void close() {
		try {
			call(api, "stop");
		}
		finally {
			greenMail.stop();
		}
	}

	/**
	 * GreenMail's standalone runner is the only public way to its REST API, and it cannot be stopped or asked for
	 * its GreenMail instance; the builder it uses is public but returns a package-private type. Reflection on that
	 * type's two public methods is the smallest way to run both in-JVM and stop them again.
	 */
	private static void call(Object apiServer, String method) {
		try {
			var handle = apiServer.getClass().getMethod(method);
			handle.setAccessible(true);
			handle.invoke(apiServer);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("GreenMail API server: " + method + " failed", ex);
		}
	}

}
