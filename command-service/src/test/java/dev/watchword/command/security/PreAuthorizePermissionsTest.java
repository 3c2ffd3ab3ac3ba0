package dev.watchword.command.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.watchword.events.access.Permission;
import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * A {@code @PreAuthorize} expression must be a compile-time constant, so it names permissions as literals rather than
 * through {@link Permission}. This holds every such literal to the vocabulary: a typo or a retired permission would
 * otherwise deny every caller without a word.
 */
class PreAuthorizePermissionsTest {

    private static final Pattern QUOTED = Pattern.compile("'([^']*)'");

    @Test
    void preAuthorizeWhenExpressionNamesAuthorityThenKnownPermission() throws ClassNotFoundException {
        List<String> expressions = preAuthorizeExpressions();
        List<String> known =
                Arrays.stream(Permission.values()).map(Permission::value).toList();

        List<String> named = new ArrayList<>();
        for (String expression : expressions) {
            Matcher quoted = QUOTED.matcher(expression);
            while (quoted.find()) {
                named.add(quoted.group(1));
            }
        }

        assertThat(expressions)
                .as("the admin controllers guard their writes with @PreAuthorize")
                .isNotEmpty();
        assertThat(named)
                .as("every quoted authority in %s", expressions)
                .isNotEmpty()
                .allMatch(known::contains);
    }

    private static List<String> preAuthorizeExpressions() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(
                (reader, factory) -> reader.getAnnotationMetadata().hasAnnotatedMethods(PreAuthorize.class.getName())
                        || reader.getAnnotationMetadata().hasAnnotation(PreAuthorize.class.getName()));
        List<String> expressions = new ArrayList<>();
        for (var candidate : scanner.findCandidateComponents("dev.watchword.command")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            Stream.concat(Stream.<AnnotatedElement>of(type), Arrays.stream(type.getDeclaredMethods()))
                    .map(element -> AnnotatedElementUtils.findMergedAnnotation(element, PreAuthorize.class))
                    .filter(java.util.Objects::nonNull)
                    .forEach(annotation -> expressions.add(annotation.value()));
        }
        return expressions;
    }
}
