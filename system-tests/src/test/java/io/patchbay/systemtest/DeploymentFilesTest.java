package io.patchbay.systemtest;

import io.patchbay.test.NodeProject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml and the services' Dockerfiles, checked without a Docker engine: the compose file against the
 * Compose Specification schema and dclint's rules, each Dockerfile with dockerfile-utils (the linter behind the VS
 * Code Docker support), and both against what the services actually read — every variable set for a service is a
 * setting its application.yml maps, every setting that names infrastructure or holds a secret is set, the databases
 * created at init are the ones the services connect to, and the images are multi-stage, non-root and health-checked
 * on the port the service listens on. The linters need Node.js (deploy/lint, {@code npm ci} on first use); without it
 * those two tests are reported as skipped, the rest still run.
 */
class DeploymentFilesTest {
    static final Path ROOT = Launcher.repositoryRoot();
    /** The one image definition of every service (build argument SERVICE). */
    private static final Path DOCKERFILE = ROOT.resolve("Dockerfile");
    /** The service modules and the host ports ./patchbay up uses for them (dev-stack ServiceDefinition). */
    static final Map<String, Integer> SERVICES = orderedMap(
            "config-service", 8081, "environment-service", 8082, "oauth-service", 8083, "catalog-service", 8084);
    /** Settings without a usable default in a container: they name other hosts, or hold a secret. */
    static final Set<String> MUST_BE_SET = Set.of("PATCHBAY_HTTP_PORT", "PATCHBAY_DB_URL", "PATCHBAY_DB_USER",
            "PATCHBAY_DB_PASSWORD", "PATCHBAY_KAFKA_BOOTSTRAP_SERVERS", "PATCHBAY_JWT_SECRET", "PATCHBAY_CURSOR_SECRET",
            "PATCHBAY_ENCRYPTION_KEY", "PATCHBAY_ENCRYPTION_KEY_ID", "PATCHBAY_CONFIG_SERVICE_URL");
    static final int CONTAINER_PORT = 8080;

    @TempDir
    Path temp;

    @Test
    void composeFileMatchesTheComposeSchemaAndLintsClean() throws Exception {
        NodeProject lint = linters();
        NodeProject.Result result = lint.run(Map.of(), 120, "node_modules/.bin/dclint", "-c", "dclint.json",
                "--max-warnings", "0", "--color", "false", ROOT.resolve("docker-compose.yml").toString());
        assertThat(result.exitCode()).as(result.output()).isZero();

        Path broken = temp.resolve("docker-compose.yml");
        Files.writeString(broken, Files.readString(ROOT.resolve("docker-compose.yml"))
                .replace("    mem_limit: 1g\n", "    mem_limit: 1g\n    memory_limit: 1g\n"));
        NodeProject.Result rejected = lint.run(Map.of(), 120, "node_modules/.bin/dclint", "-c", "dclint.json",
                "--color", "false", broken.toString());
        assertThat(rejected.exitCode()).as("an unknown key fails the schema check").isNotZero();
        assertThat(rejected.output()).contains("invalid-schema");
    }

    @Test
    void theDockerfileLintsClean() throws Exception {
        NodeProject lint = linters();
        NodeProject.Result result = lint.run(Map.of(), 60, "node_modules/.bin/dockerfile-utils", "lint", DOCKERFILE.toString());
        assertThat(result.exitCode()).as("Dockerfile: %s", result.output()).isZero();
        assertThat(result.output()).doesNotContain("Error", "Warning");
        Path broken = temp.resolve("Dockerfile");
        Files.writeString(broken, Files.readString(DOCKERFILE).replace("--interval=10s", "--interval=ten"));
        NodeProject.Result rejected = lint.run(Map.of(), 60, "node_modules/.bin/dockerfile-utils", "lint", broken.toString());
        assertThat(rejected.exitCode()).as("a bad HEALTHCHECK duration is reported").isNotZero();
    }

    @Test
    void everyServiceIsBuiltFromTheOneDockerfileWithItsModuleAndPublishedOnItsLocalPort() throws IOException {
        Map<String, Object> services = map(compose().get("services"));
        assertThat(services).containsKeys(SERVICES.keySet().toArray(String[]::new)).containsKeys("postgres", "kafka");
        for (var entry : SERVICES.entrySet()) {
            Map<String, Object> service = map(services.get(entry.getKey()));
            Map<String, Object> build = map(service.get("build"));
            assertThat(build).as(entry.getKey()).containsEntry("context", ".").containsEntry("dockerfile", "Dockerfile")
                    .containsEntry("args", Map.of("SERVICE", entry.getKey()));
            assertThat(ROOT.resolve(entry.getKey()).resolve("pom.xml")).as("SERVICE names a module").exists();
            assertThat(service.get("ports")).as(entry.getKey())
                    .isEqualTo(List.of("127.0.0.1:" + entry.getValue() + ":" + CONTAINER_PORT));
            assertThat(environment(service)).containsEntry("PATCHBAY_HTTP_PORT", Integer.toString(CONTAINER_PORT));
        }
    }

    @Test
    void servicesAreConfiguredOnlyWithSettingsTheyReadAndWithEverySettingTheyNeed() throws IOException {
        Map<String, Object> services = map(compose().get("services"));
        for (String module : SERVICES.keySet()) {
            Set<String> read = settingsRead(module);
            Set<String> given = environment(map(services.get(module))).keySet();
            assertThat(read).as("%s reads its settings from PATCHBAY_* variables", module).isNotEmpty();
            assertThat(given).as("variables set for %s that it does not read", module).isSubsetOf(read);
            Set<String> needed = new TreeSet<>(MUST_BE_SET);
            needed.retainAll(read);
            assertThat(given).as("settings %s reads that have no container default", module).containsAll(needed);
            assertThat(dockerfileEnv().keySet()).as("Dockerfile ENV for %s", module).allMatch(
                    name -> !name.startsWith("PATCHBAY_") || read.contains(name));
        }
    }

    @Test
    void theDatabasesCreatedAtInitAreTheOnesTheServicesConnectTo() throws IOException {
        Map<String, Object> services = map(compose().get("services"));
        Map<String, Object> postgres = map(services.get("postgres"));
        Path init = ROOT.resolve("deploy/postgres/init-databases.sh");
        assertThat(postgres.get("volumes").toString()).contains("./deploy/postgres/init-databases.sh:/docker-entrypoint-initdb.d/");
        assertThat(Files.isExecutable(init)).as("init script is executable").isTrue();

        Map<String, String> created = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(?m)^create (\\w+) \"\\$(\\w+)\"$").matcher(Files.readString(init));
        while (m.find()) {
            created.put(m.group(1), m.group(2));
        }
        Map<String, String> postgresEnv = environment(postgres);
        List<String> used = new ArrayList<>();
        for (String module : SERVICES.keySet()) {
            Map<String, String> env = environment(map(services.get(module)));
            String database = env.get("PATCHBAY_DB_URL").replaceFirst("^jdbc:postgresql://postgres:5432/", "");
            assertThat(env.get("PATCHBAY_DB_USER")).as("%s connects as the role owning its database", module).isEqualTo(database);
            assertThat(created).as("init creates %s's database", module).containsKey(database);
            String passwordVariable = created.get(database);
            assertThat(postgresEnv).as("postgres gets %s", passwordVariable).containsKey(passwordVariable);
            assertThat(env.get("PATCHBAY_DB_PASSWORD")).as("%s uses the password its role was created with", module)
                    .isEqualTo(postgresEnv.get(passwordVariable));
            used.add(database);
        }
        assertThat(created.keySet()).as("one database per service, no more").containsExactlyInAnyOrderElementsOf(used);
    }

    @Test
    void theImageIsMultiStageNonRootAndHealthCheckedOnTheServicePortForWhicheverServiceItBuilds() throws IOException {
        List<String[]> instructions = instructions(DOCKERFILE);
        List<String[]> froms = instructions.stream().filter(i -> i[0].equals("FROM")).toList();
        assertThat(froms).as("a build stage and a runtime stage").hasSizeGreaterThanOrEqualTo(2);
        int runtimeStart = instructions.indexOf(froms.getLast());
        List<String[]> build = instructions.subList(0, runtimeStart);
        List<String[]> runtime = instructions.subList(runtimeStart, instructions.size());
        assertThat(last(build, "ARG")).as("the service is a build argument of the build stage").isEqualTo("SERVICE");
        String user = last(runtime, "USER");
        assertThat(user).as("runs as a non-root user").isNotNull().doesNotMatch("^(root|0)(:.*)?$");
        assertThat(last(runtime, "HEALTHCHECK")).as("health check").contains("http://localhost:" + CONTAINER_PORT + "/health/readiness");
        assertThat(last(runtime, "EXPOSE")).isEqualTo(Integer.toString(CONTAINER_PORT));
        assertThat(dockerfileEnv()).containsEntry("PATCHBAY_HTTP_PORT", Integer.toString(CONTAINER_PORT));
        assertThat(last(build, "RUN")).as("builds the SERVICE module and refuses an unknown one")
                .contains("test -f \"${SERVICE}/pom.xml\"").contains("-pl \"${SERVICE}\" -am package")
                .contains("\"${SERVICE}\"/target/\"${SERVICE}\"-*.jar");
        assertThat(last(runtime, "ENTRYPOINT")).contains("\"-jar\"");
        try (var modules = Files.list(ROOT)) {
            assertThat(modules.filter(m -> Files.exists(m.resolve("Dockerfile"))).toList()).as("no per-module copies").isEmpty();
        }
    }

    @Test
    void everyContainerHasAMemoryLimitAndServicesWaitForHealthyInfrastructure() throws IOException {
        Map<String, Object> services = map(compose().get("services"));
        for (var entry : services.entrySet()) {
            Map<String, Object> service = map(entry.getValue());
            assertThat(service).as(entry.getKey()).containsKey("mem_limit");
            Map<String, Object> limits = map(map(map(service.get("deploy")).get("resources")).get("limits"));
            assertThat(limits.get("memory")).as(entry.getKey()).isEqualTo(service.get("mem_limit"));
        }
        for (String infra : List.of("postgres", "kafka")) {
            assertThat(map(services.get(infra))).as(infra).containsKey("healthcheck");
        }
        for (String module : SERVICES.keySet()) {
            Map<String, Object> dependsOn = map(map(services.get(module)).get("depends_on"));
            assertThat(dependsOn).as(module).containsOnlyKeys("postgres", "kafka");
            dependsOn.values().forEach(d -> assertThat(map(d)).containsEntry("condition", "service_healthy"));
        }
    }

    private static NodeProject linters() throws IOException, InterruptedException {
        Assumptions.assumeTrue(NodeProject.available(), "Node.js and npm are needed to run the compose and Dockerfile linters");
        return NodeProject.installed(ROOT.resolve("deploy/lint"), "dclint");
    }

    private static Map<String, Object> compose() throws IOException {
        return new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
    }


    /** The {@code PATCHBAY_*} variables the module's application.yml maps to settings. */
    /** The PATCHBAY_* variables a service's application.yml maps, and the Kafka ones the kernel reads for every service. */
    private static Set<String> settingsRead(String module) throws IOException {
        Set<String> names = new TreeSet<>(io.patchbay.kernel.infra.kafka.KafkaEnvironment.VARIABLES);
        Matcher m = Pattern.compile("\\$\\{(PATCHBAY_[A-Z0-9_]+)")
                .matcher(Files.readString(ROOT.resolve(module).resolve("src/main/resources/application.yml")));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> env = new LinkedHashMap<>();
        map(service.get("environment")).forEach((k, v) -> env.put(k, String.valueOf(v)));
        return env;
    }

    /** Instructions of a Dockerfile as {keyword, arguments}, continuation lines joined, comments dropped. */
    private static List<String[]> instructions(Path dockerfile) throws IOException {
        List<String[]> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(dockerfile)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            String[] parts = current.toString().strip().split("\\s+", 2);
            result.add(new String[]{parts[0].toUpperCase(), parts.length > 1 ? parts[1] : ""});
            current.setLength(0);
        }
        return result;
    }

    private static Map<String, String> dockerfileEnv() throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        for (String[] instruction : instructions(DOCKERFILE)) {
            if (instruction[0].equals("ENV")) {
                Matcher m = Pattern.compile("(\\w+)=(\"[^\"]*\"|\\S+)").matcher(instruction[1]);
                while (m.find()) {
                    env.put(m.group(1), m.group(2).replace("\"", ""));
                }
            }
        }
        return env;
    }

    private static String last(List<String[]> instructions, String keyword) {
        String found = null;
        for (String[] instruction : instructions) {
            if (instruction[0].equals(keyword)) {
                found = instruction[1];
            }
        }
        return found;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static Map<String, Integer> orderedMap(Object... pairs) {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (Integer) pairs[i + 1]);
        }
        return map;
    }
}
