package io.patchbay.infra.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsCertificatesTest {

    private static final int SAN_DNS = 2;
    private static final int SAN_IP = 7;

    @TempDir
    static Path dir;

    private static TlsCertificates certificates;

    @BeforeAll
    static void generate() {
        certificates = TlsCertificates.generate(dir);
    }

    @Test
    void signsABrokerCertificateForTheLoopbackNamesWithAFreshCa() throws Exception {
        List<X509Certificate> chain = certificates.brokerChain();
        X509Certificate ca = certificates.caCertificate();

        assertThat(chain).hasSize(2);
        X509Certificate broker = chain.getFirst();
        assertThat(chain.get(1)).isEqualTo(ca);
        broker.verify(ca.getPublicKey());
        broker.checkValidity();
        assertThat(broker.getSubjectX500Principal().getName()).isEqualTo("CN=localhost");
        assertThat(broker.getBasicConstraints()).isEqualTo(-1);
        assertThat(broker.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1"); // serverAuth
        assertThat(broker.getSubjectAlternativeNames())
                .extracting(name -> List.of(name.getFirst(), name.get(1)))
                .containsExactlyInAnyOrder(List.of(SAN_IP, "127.0.0.1"), List.of(SAN_DNS, "localhost"));
        assertThat(ca.getBasicConstraints()).isZero();
        ca.verify(ca.getPublicKey());
    }

    @Test
    void givesClientsATrustStoreAndAPemFileWithTheCaOnly() throws Exception {
        KeyStore trust = KeyStore.getInstance(TlsCertificates.STORE_TYPE);
        try (InputStream in = Files.newInputStream(certificates.truststore())) {
            trust.load(in, certificates.truststorePassword().toCharArray());
        }
        assertThat(Collections.list(trust.aliases())).containsExactly("ca");
        assertThat(trust.isCertificateEntry("ca")).isTrue();

        X509Certificate fromPem;
        try (InputStream in = Files.newInputStream(certificates.caPem())) {
            fromPem = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        assertThat(fromPem).isEqualTo(certificates.caCertificate());

        // what a TLS client does with that trust store: the broker's chain is trusted for a server
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        X509TrustManager manager = (X509TrustManager) factory.getTrustManagers()[0];
        manager.checkServerTrusted(certificates.brokerChain().toArray(X509Certificate[]::new), "ECDHE_ECDSA");
    }

    @Test
    void protectsEachStoreWithItsOwnRandomPasswordAndKeepsNoCaKey() throws Exception {
        assertThat(certificates.keystorePassword()).hasSizeGreaterThanOrEqualTo(24)
                .isNotEqualTo(certificates.truststorePassword());
        assertThat(certificates.truststorePassword()).hasSizeGreaterThanOrEqualTo(24);
        assertThat(certificates.toString()).doesNotContain(certificates.keystorePassword(),
                certificates.truststorePassword());
        assertThatThrownBy(() -> {
            try (InputStream in = Files.newInputStream(certificates.keystore())) {
                KeyStore.getInstance(TlsCertificates.STORE_TYPE).load(in, "changeit".toCharArray());
            }
        }).hasMessageContaining("password");
        try (var files = Files.list(dir)) {
            assertThat(files.map(path -> Objects.toString(path.getFileName())))
                    .containsExactlyInAnyOrder("broker.p12", "truststore.p12", "ca.pem");
        }
    }
}
