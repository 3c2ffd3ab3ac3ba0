package dev.watchword.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The deployment file is checked against the code it deploys: every variable a service reads reaches that
 * service's container, every variable {@code .env.example} documents is one something reads, no secret has a
 * default, the open mail sink runs only in the {@code dev} profile, and Kafka keeps its data on the volume.
 * No Docker engine runs on the build machine, so this (and {@code docker-compose config}) is what can be tested.
 */
class ComposeFileTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final List<String> SERVICES =
            List.of("command-service", "query-service", "notification-service", "gateway");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");
    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:?[-?])?([^}]*)}");
    private static final Pattern DOCUMENTED = Pattern.compile("(?m)^#? ?([A-Z][A-Z0-9_]+)=");
    private static final Pattern SECRET = Pattern.compile(".*(PASSWORD|SECRET|TOKEN|_KEY)$");

    /**
     * Variables a service reads that compose sets on purpose in another way; each with the reason.
     */
    private static final Map<String, String> SET_OTHERWISE = Map.of(
            "SPRING_DATASOURCE_URL", "the compose database, fixed",
            "KAFKA_BOOTSTRAP_SERVERS", "the compose broker, fixed");

    private final Map<String, Object> compose = load();

    @Test
    void composeWhenServiceReadsVariableThenContainerReceivesIt() throws IOException {
        for (String service : SERVICES) {
            Set<String> passed = environment(service).keySet();
            Set<String> missing = new TreeSet<>(placeholdersOf(service));
            missing.removeAll(passed);
            missing.removeAll(SET_OTHERWISE.keySet());
            assertThat(missing)
                    .as("variables %s reads that docker-compose.yml never passes to it", service)
                    .isEmpty();
        }
    }

    @Test
    void composeWhenVariablePassedThenServiceReadsIt() throws IOException {
        for (String service : SERVICES) {
            Set<String> unread = environment(service).keySet().stream()
                    .filter(name -> !readBy(service, name))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(unread)
                    .as("variables docker-compose.yml passes to %s that it does not read", service)
                    .isEmpty();
        }
    }

    @Test
    void envExampleWhenVariableDocumentedThenSomethingReadsIt() throws IOException {
        String example = Files.readString(ROOT.resolve(".env.example"));
        String composeText = Files.readString(ROOT.resolve("docker-compose.yml"));
        String devstack = sources(ROOT.resolve("devstack/src/main"));
        Set<String> unknown = new TreeSet<>();
        Matcher documented = DOCUMENTED.matcher(example);
        while (documented.find()) {
            String name = documented.group(1);
            boolean read = SERVICES.stream().anyMatch(service -> readBy(service, name))
                    || composeText.contains("${" + name)
                    || devstack.contains("\"" + name + "\"");
            if (!read) {
                unknown.add(name);
            }
        }
        assertThat(unknown)
                .as(".env.example documents variables nothing reads (misspelt?)")
                .isEmpty();
    }

    @Test
    void envExampleWhenServiceReadsVariableThenComposePassesItToThatService() throws IOException {
        String example = Files.readString(ROOT.resolve(".env.example"));
        Set<String> lost = new TreeSet<>();
        Matcher documented = DOCUMENTED.matcher(example);
        while (documented.find()) {
            String name = documented.group(1);
            for (String service : SERVICES) {
                if (placeholdersOf(service).contains(name)
                        && !environment(service).containsKey(name)
                        && !SET_OTHERWISE.containsKey(name)
                        && !name.equals("SERVER_PORT")) {
                    lost.add(service + ": " + name);
                }
            }
        }
        assertThat(lost)
                .as("settings of .env.example that never reach the container reading them")
                .isEmpty();
    }

    @Test
    void composeWhenSecretInterpolatedThenRequiredWithoutDefault() throws IOException {
        String composeText = Files.readString(ROOT.resolve("docker-compose.yml"));
        Matcher interpolation = INTERPOLATION.matcher(composeText);
        List<String> defaulted = new ArrayList<>();
        while (interpolation.find()) {
            String name = interpolation.group(1);
            String operator = interpolation.group(2);
            if (SECRET.matcher(name).matches() && (operator == null || !operator.endsWith("?"))) {
                defaulted.add(interpolation.group());
            }
        }
        assertThat(defaulted)
                .as("secrets must be required (${NAME:?...}), never defaulted")
                .isEmpty();
    }

    @Test
    void composeWhenDeployedThenMailSinkOnlyInDevProfile() {
        Map<String, Object> services = map(compose.get("services"));
        assertThat(map(services.get("mail")).get("profiles")).isEqualTo(List.of("dev"));
        services.forEach((name, definition) -> {
            Object dependsOn = map(definition).get("depends_on");
            if (dependsOn instanceof Map<?, ?> dependencies) {
                assertThat(dependencies.containsKey("mail"))
                        .as(name + " must not need the dev mail sink")
                        .isFalse();
            }
        });
        assertThat(environment("notification-service").get("SPRING_MAIL_HOST"))
                .asString()
                .contains(":?");
    }

    @Test
    void composeWhenKafkaRecreatedThenDataOnVolume() {
        Map<String, Object> kafka = map(map(compose.get("services")).get("kafka"));
        String logDirs = (String) map(kafka.get("environment")).get("KAFKA_LOG_DIRS");
        assertThat(kafka.get("volumes")).asList().contains("kafka-data:" + logDirs);
        assertThat((String) map(kafka.get("environment")).get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP"))
                .as("clients must authenticate")
                .doesNotContain("INTERNAL:PLAINTEXT");
    }

    @Test
    void composeWhenValidatedThenAcceptedWithSecretsAndRefusedWithout() throws Exception {
        assumeTrue(onPath("docker-compose"), "docker-compose is not installed (.ci/run installs it)");
        Map<String, String> secrets = new HashMap<>(Map.of(
                "POSTGRES_PASSWORD",
                "p",
                "WATCHWORD_KAFKA_PASSWORD",
                "k",
                "WATCHWORD_EVENTS_SIGNING_KEY",
                "e",
                "WATCHWORD_PUBLIC_URL",
                "https://id.example.com",
                "WATCHWORD_SEALING_KEY",
                "s",
                "WATCHWORD_MASTER_KEY",
                "m",
                "WATCHWORD_MAIL_FROM",
                "Example <no-reply@example.com>",
                "SPRING_MAIL_HOST",
                "smtp.example.com"));
        assertThat(dockerComposeConfig(secrets)).isZero();
        for (String name : List.copyOf(secrets.keySet())) {
            Map<String, String> without = new HashMap<>(secrets);
            without.remove(name);
            assertThat(dockerComposeConfig(without))
                    .as("compose must refuse to start without " + name)
                    .isNotZero();
        }
    }

    private static int dockerComposeConfig(Map<String, String> variables) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("docker-compose", "-f", "docker-compose.yml", "config", "-q")
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Map<String, String> environment = builder.environment();
        environment
                .keySet()
                .removeIf(name ->
                        name.startsWith("WATCHWORD_") || name.startsWith("POSTGRES_") || name.startsWith("SPRING_"));
        environment.putAll(variables);
        // An .env in the working copy would fill in what the test leaves out.
        environment.put("COMPOSE_PROJECT_NAME", "watchword-compose-test");
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }

    private static boolean onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }

    /** True when {@code name}, bound by Spring's relaxed rules, reaches a setting the service declares. */
    private static boolean readBy(String service, String name) {
        if (placeholdersOf(service).contains(name)
                || environmentKeysOf(service).contains(name)
                || name.equals("SERVER_PORT")
                || name.startsWith("MANAGEMENT_")
                || name.startsWith("SPRING_KAFKA_")
                || name.startsWith("SPRING_MAIL_") && service.equals("notification-service")) {
            return true;
        }
        String property = name.toLowerCase(Locale.ROOT).replace('_', '.');
        return declaredProperties(service).stream()
                .anyMatch(declared -> property.equals(declared) || property.startsWith(declared + "."));
    }

    /** Environment placeholders in the service's application.yml, e.g. {@code ${WATCHWORD_TIMING_FLOOR:300ms}}. */
    private static Set<String> placeholdersOf(String service) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(read(ROOT.resolve(service + "/src/main/resources/application.yml")));
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** Environment variables read directly, e.g. {@code @Value("${WATCHWORD_MASTER_KEY:}")}. */
    private static Set<String> environmentKeysOf(String service) {
        Set<String> names = new TreeSet<>();
        Matcher value = Pattern.compile("@Value\\(\"\\$\\{([A-Z][A-Z0-9_]*)[:}]")
                .matcher(sources(ROOT.resolve(service + "/src/main/java")));
        while (value.find()) {
            names.add(value.group(1));
        }
        return names;
    }

    /**
     * Settings bound from the environment by name: {@code @Value("${x}")} keys and the components of
     * {@code @ConfigurationProperties} records, in Spring's canonical form (lower case, dots, no dashes).
     */
    private static Set<String> declaredProperties(String service) {
        String code = sources(ROOT.resolve(service + "/src/main/java"));
        Set<String> properties = new LinkedHashSet<>();
        Matcher value = Pattern.compile("@Value\\(\"\\$\\{([A-Za-z0-9_.\\-]+)").matcher(code);
        while (value.find()) {
            properties.add(canonical(value.group(1)));
        }
        Matcher bound = Pattern.compile(
                        "@ConfigurationProperties\\((?:prefix = )?\"([a-z0-9.\\-]+)\"\\)[^{]*?record \\w+\\(")
                .matcher(code);
        while (bound.find()) {
            String prefix = canonical(bound.group(1));
            for (String component : components(code, bound.end())) {
                properties.add(prefix + "." + component.toLowerCase(Locale.ROOT));
            }
        }
        return properties;
    }

    /** The component names of a record header whose parameter list starts at {@code from}. */
    private static List<String> components(String code, int from) {
        List<String> names = new ArrayList<>();
        int depth = 0;
        StringBuilder part = new StringBuilder();
        for (int i = from; i < code.length(); i++) {
            char c = code.charAt(i);
            if ((c == ',' || c == ')') && depth == 0) {
                Matcher last = Pattern.compile("(\\w+)\\s*$").matcher(part);
                if (last.find()) {
                    names.add(last.group(1));
                }
                part.setLength(0);
                if (c == ')') {
                    break;
                }
                continue;
            }
            if (c == '(' || c == '<') {
                depth++;
            } else if (c == ')' || c == '>') {
                depth--;
            }
            if (depth == 0 && c != '>') {
                part.append(c);
            }
        }
        return names;
    }

    private static String canonical(String property) {
        return property.toLowerCase(Locale.ROOT).replace("-", "");
    }

    private static String sources(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .map(ComposeFileTest::read)
                    .collect(Collectors.joining("\n"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> environment(String service) {
        return map(map(map(compose.get("services")).get(service)).get("environment"));
    }

    private static Map<String, Object> load() {
        return new Yaml().load(read(ROOT.resolve("docker-compose.yml")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(file.toString(), e);
        }
    }
}
