package io.patchbay.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HealthTest {

    @Test
    void readsMicronautsHealthJson() {
        Health.Report report = Health.parse(503, """
                {"name":"config-service","status":"DOWN","details":{
                  "jdbc":{"name":"config-service","status":"UP","details":{}},
                  "kafka":{"name":"config-service","status":"DOWN","details":{"error":"timeout"}}}}""");
        assertThat(report.up()).isFalse();
        assertThat(report.status()).isEqualTo("DOWN");
        assertThat(report.components()).containsExactly(
                org.assertj.core.api.Assertions.entry("jdbc", "UP"), org.assertj.core.api.Assertions.entry("kafka", "DOWN"));
    }

    @Test
    void aBodyThatIsNotJsonStillHasTheHttpStatus() {
        Health.Report report = Health.parse(200, "OK");
        assertThat(report.up()).isTrue();
        assertThat(report.components()).isEmpty();
    }

    @Test
    void nobodyListeningIsDown() throws Exception {
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        assertThat(Health.check(port, "/health")).isEqualTo(Health.Report.UNREACHABLE);
    }
}
