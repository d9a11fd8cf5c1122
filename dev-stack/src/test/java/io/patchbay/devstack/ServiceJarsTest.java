package io.patchbay.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceJarsTest {

    private static final ServiceDefinition CONFIG = ServiceDefinition.ALL.getFirst();

    @TempDir
    Path root;

    @Test
    void aBuiltModuleWithAMainClassRuns() throws Exception {
        Path jar = FakeRepository.module(root, "config-service", true);
        Files.copy(jar, jar.resolveSibling("original-config-service-0.1.0-SNAPSHOT.jar"));
        assertThat(ServiceJars.runnableJar(root, CONFIG)).contains(jar);
    }

    @Test
    void aJarWithoutMainClassIsSkipped() throws Exception {
        FakeRepository.module(root, "config-service", false);
        assertThat(ServiceJars.hasSources(root, CONFIG)).isTrue();
        assertThat(ServiceJars.runnableJar(root, CONFIG)).isEmpty();
    }

    @Test
    void aModuleWithoutSourcesIsSkippedEvenWithAJar() throws Exception {
        Files.createDirectories(root.resolve("config-service/target"));
        Files.copy(FakeRepository.module(root.resolve("elsewhere"), "config-service", true),
                root.resolve("config-service/target/config-service-0.1.0-SNAPSHOT.jar"));
        assertThat(ServiceJars.hasSources(root, CONFIG)).isFalse();
        assertThat(ServiceJars.runnableJar(root, CONFIG)).isEmpty();
    }

    @Test
    void anUnbuiltModuleIsSkipped() throws Exception {
        Files.createDirectories(root.resolve("config-service/src/main/java"));
        assertThat(ServiceJars.runnableJar(root, CONFIG)).isEmpty();
    }

    @Test
    void theServiceListHasTheDocumentedPortsAndDatabases() {
        assertThat(ServiceDefinition.ALL).extracting(ServiceDefinition::name, ServiceDefinition::defaultPort,
                        ServiceDefinition::portVariable, ServiceDefinition::database)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("config-service", 8081, "PATCHBAY_CONFIG_PORT", "config_service"),
                        org.assertj.core.groups.Tuple.tuple("environment-service", 8082, "PATCHBAY_ENVIRONMENT_PORT", "environment_service"),
                        org.assertj.core.groups.Tuple.tuple("oauth-service", 8083, "PATCHBAY_OAUTH_PORT", "oauth_service"),
                        org.assertj.core.groups.Tuple.tuple("catalog-service", 8084, "PATCHBAY_CATALOG_PORT", "catalog_service"));
    }
}
