package dev.watchword.notification.mail;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders the two parts of an email from {@code templates/mail/<name>.html} and {@code <name>.txt}. A
 * separate engine from the web one, because the text part needs Thymeleaf's TEXT mode and mail templates
 * must not be reachable as web views.
 */
@Component
public class MailTemplates {

    private static final String PREFIX = "templates/mail/";

    // The Spring flavour evaluates expressions with SpEL; the plain engine would need OGNL on the classpath.
    private final SpringTemplateEngine engine = new SpringTemplateEngine();

    public MailTemplates() {
        engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 1));
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 2));
    }

    /** @param senderName the From display name, passed through; {@code null} for the sender address alone */
    public ComposedEmail render(String name, String senderName, String subject, Map<String, Object> variables) {
        Context context = new Context(Locale.ENGLISH, variables);
        context.setVariable("subject", subject);
        return new ComposedEmail(
                senderName, subject, engine.process(name + ".txt", context), engine.process(name + ".html", context));
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix(PREFIX);
        resolver.setTemplateMode(mode);
        resolver.setResolvablePatterns(Set.of(pattern));
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCheckExistence(true);
        resolver.setOrder(order);
        return resolver;
    }
}
