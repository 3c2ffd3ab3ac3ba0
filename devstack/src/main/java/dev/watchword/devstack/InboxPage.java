package dev.watchword.devstack;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The inbox as one self-contained HTML page: no script, no external resource (it must work offline), and every
 * byte that came from an email escaped, since anyone can send anything to the sink.
 */
final class InboxPage {

    /** Enough for the links Watchword sends; {@code <>"'} end a link so it can never break out of the attribute. */
    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"']+");

    /** Punctuation that ends a sentence more often than it ends a URL. */
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[.,;:!?)\\]]+$");

    private static final String STYLE = """
			body{font:15px/1.4 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#222}
			article{border:1px solid #ccc;border-radius:6px;padding:.5rem 1rem;margin:1rem 0}
			h2{font-size:1.1rem;margin:.5rem 0}
			dl{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem;margin:.5rem 0;color:#555}
			dd{margin:0}
			pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#f6f6f6;padding:.5rem;border-radius:4px}
			code{background:#f6f6f6;padding:0 .2rem}""";

    private InboxPage() {}

    /** @param newestFirst the messages in the order to show them */
    static String render(List<InboxMessage> newestFirst) {
        StringBuilder html = new StringBuilder("""
				<!doctype html>
				<html lang="en"><head><meta charset="utf-8"><title>Watchword inbox</title>
				<style>%s</style></head><body>
				<h1>Watchword inbox</h1>
				<p>%d message(s). Reload to see new ones. Also as JSON at <a href="/api/messages">/api/messages</a>
				(<code>?to=&lt;address&gt;</code> filters); <code>curl -X DELETE</code> it to empty the inbox.</p>
				""".formatted(STYLE, newestFirst.size()));
        for (InboxMessage message : newestFirst) {
            html.append("<article><h2>")
                    .append(escape(message.subject()))
                    .append("</h2><dl>")
                    .append("<dt>Received</dt><dd>")
                    .append(escape(message.receivedAt()))
                    .append("</dd>")
                    .append("<dt>From</dt><dd>")
                    .append(escape(message.from()))
                    .append("</dd>")
                    .append("<dt>To</dt><dd>")
                    .append(escape(String.join(", ", message.to())))
                    .append("</dd></dl>");
            if (message.text() != null) {
                html.append("<pre>").append(linked(message.text())).append("</pre>");
            }
            if (message.html() != null) {
                html.append("<p><a href=\"/messages/")
                        .append(message.index())
                        .append(".html\">View the HTML part</a></p>");
            }
            html.append("</article>\n");
        }
        return html.append("</body></html>\n").toString();
    }

    /** Escapes the text, turning each http(s) URL in it into a link. */
    static String linked(String text) {
        StringBuilder html = new StringBuilder();
        Matcher link = LINK.matcher(text);
        int end = 0;
        while (link.find()) {
            String url = TRAILING_PUNCTUATION.matcher(link.group()).replaceFirst("");
            html.append(escape(text.substring(end, link.start())));
            // noreferrer: the page that opens must not learn the inbox's address.
            html.append("<a href=\"")
                    .append(escape(url))
                    .append("\" rel=\"noreferrer\">")
                    .append(escape(url))
                    .append("</a>");
            end = link.start() + url.length();
        }
        return html.append(escape(text.substring(end))).toString();
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
