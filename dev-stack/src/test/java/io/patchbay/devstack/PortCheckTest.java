package io.patchbay.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortCheckTest {

    @Test
    void aTakenPortIsNamedWithItsComponentAndVariable() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<String> problems = PortCheck.problems(List.of(
                    new PortCheck.Claim("PostgreSQL", taken.getLocalPort(), "PATCHBAY_PG_PORT")));
            assertThat(problems).singleElement().asString()
                    .contains("Port " + taken.getLocalPort() + " (PostgreSQL) is already in use")
                    .contains("PATCHBAY_PG_PORT=<port> ./patchbay up");
        }
    }

    @Test
    void aPortTakenOnAllInterfacesCountsToo() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            assertThat(PortCheck.isFree(taken.getLocalPort())).isFalse();
        }
    }

    @Test
    void freePortsPass() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        assertThat(PortCheck.problems(List.of(new PortCheck.Claim("Kafka", port, "PATCHBAY_KAFKA_PORT")))).isEmpty();
    }

    @Test
    void twoComponentsOnOnePortIsAProblem() {
        List<String> problems = PortCheck.problems(List.of(
                new PortCheck.Claim("PostgreSQL", 1, "PATCHBAY_PG_PORT"),
                new PortCheck.Claim("config-service", 1, "PATCHBAY_CONFIG_PORT")));
        assertThat(problems).anySatisfy(problem -> assertThat(problem)
                .contains("both PostgreSQL (PATCHBAY_PG_PORT) and config-service (PATCHBAY_CONFIG_PORT)"));
    }
}
