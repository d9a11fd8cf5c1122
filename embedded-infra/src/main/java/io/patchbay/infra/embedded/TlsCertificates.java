package io.patchbay.infra.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away certificate authority and a broker certificate it signed (EC P-256, valid two days, SAN
 * {@code 127.0.0.1} and {@code localhost}), made at run time by the running JDK's {@code keytool}: nothing is checked
 * in and nothing new is on the classpath. Every store gets its own random password.
 *
 * <p>Files in the directory given to {@link #generate(Path)}:
 * <ul>
 *   <li>{@code broker.p12} — PKCS12 key store for the broker: its key and the chain broker → CA;</li>
 *   <li>{@code truststore.p12} — PKCS12 trust store for clients holding the CA certificate only;</li>
 *   <li>{@code ca.pem} — the same CA certificate as PEM (Kafka's {@code ssl.truststore.type=PEM}).</li>
 * </ul>
 * The CA's private key lives only in keytool's scratch store, which is deleted before {@code generate} returns.
 */
public final class TlsCertificates {

    public static final String STORE_TYPE = "PKCS12";
    /** Subject alternative names of the broker certificate. */
    public static final List<String> BROKER_NAMES = List.of("127.0.0.1", "localhost");

    private static final String CA_ALIAS = "ca";
    private static final String BROKER_ALIAS = "broker";
    private static final String PASSWORD_VARIABLE = "PATCHBAY_KEYTOOL_STOREPASS";
    private static final long KEYTOOL_TIMEOUT_SECONDS = 120;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path keystore;
    private final String keystorePassword;
    private final Path truststore;
    private final String truststorePassword;
    private final Path caPem;

    private TlsCertificates(Path keystore, String keystorePassword, Path truststore, String truststorePassword,
                            Path caPem) {
        this.keystore = keystore;
        this.keystorePassword = keystorePassword;
        this.truststore = truststore;
        this.truststorePassword = truststorePassword;
        this.caPem = caPem;
    }

    /** Makes a new CA, signs a broker certificate with it and writes the stores into {@code dir} (created if missing). */
    public static TlsCertificates generate(Path dir) {
        Path directory = dir.toAbsolutePath();
        Path scratch = directory.resolve("keytool-scratch.p12");
        try {
            Files.createDirectories(directory);
            Files.deleteIfExists(scratch);
            String scratchPassword = randomPassword();
            keytool(scratchPassword, "-genkeypair", "-alias", CA_ALIAS, "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", "CN=Patchbay test CA", "-validity", "2",
                    "-ext", "bc:c=ca:true,pathlen:0", "-ext", "KU:c=keyCertSign,cRLSign",
                    "-keystore", scratch.toString(), "-storetype", STORE_TYPE);
            keytool(scratchPassword, "-genkeypair", "-alias", BROKER_ALIAS, "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", "CN=localhost", "-validity", "2", "-signer", CA_ALIAS,
                    "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-ext", "EKU=serverAuth", "-ext", "KU=digitalSignature",
                    "-keystore", scratch.toString(), "-storetype", STORE_TYPE);

            KeyStore generated = load(scratch, scratchPassword);
            X509Certificate ca = (X509Certificate) generated.getCertificate(CA_ALIAS);
            Key key = generated.getKey(BROKER_ALIAS, scratchPassword.toCharArray());
            Certificate broker = generated.getCertificate(BROKER_ALIAS);
            if (ca == null || broker == null || !(key instanceof PrivateKey privateKey)) {
                throw new IllegalStateException("keytool did not produce the CA and broker entries in " + scratch);
            }

            TlsCertificates certificates = new TlsCertificates(directory.resolve("broker.p12"), randomPassword(),
                    directory.resolve("truststore.p12"), randomPassword(), directory.resolve("ca.pem"));
            KeyStore keys = empty();
            keys.setKeyEntry(BROKER_ALIAS, privateKey, certificates.keystorePassword.toCharArray(),
                    new Certificate[] {broker, ca});
            store(keys, certificates.keystore, certificates.keystorePassword);
            KeyStore trust = empty();
            trust.setCertificateEntry(CA_ALIAS, ca);
            store(trust, certificates.truststore, certificates.truststorePassword);
            Files.writeString(certificates.caPem, pem(ca), StandardCharsets.US_ASCII);
            return certificates;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write certificates to " + directory, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot build the certificate stores in " + directory, e);
        } finally {
            try {
                Files.deleteIfExists(scratch);
            } catch (IOException ignored) {
                // a leftover scratch store in a test's temp directory is harmless
            }
        }
    }

    /** The broker's PKCS12 key store (key + chain broker → CA). */
    public Path keystore() {
        return keystore;
    }

    /** Password of {@link #keystore()} and of the key in it. */
    public String keystorePassword() {
        return keystorePassword;
    }

    /** PKCS12 trust store holding the CA certificate, for clients. */
    public Path truststore() {
        return truststore;
    }

    public String truststorePassword() {
        return truststorePassword;
    }

    /** The CA certificate as a PEM file. */
    public Path caPem() {
        return caPem;
    }

    /** The CA certificate, read back from the trust store. */
    public X509Certificate caCertificate() {
        try {
            return (X509Certificate) load(truststore, truststorePassword).getCertificate(CA_ALIAS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The broker certificate chain (leaf first), read back from the key store. */
    public List<X509Certificate> brokerChain() {
        try {
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate certificate : load(keystore, keystorePassword).getCertificateChain(BROKER_ALIAS)) {
                chain.add((X509Certificate) certificate);
            }
            return chain;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "TlsCertificates[keystore=" + keystore + ", truststore=" + truststore + ", caPem=" + caPem + "]";
    }

    /** 144 random bits, URL-safe base64: fine in a JAAS line, a properties file and an environment variable. */
    public static String randomPassword() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Runs the running JDK's keytool. The store password goes through an environment variable, never the command line
     * (other users can read that in {@code ps}). The scratch store is protected with one PBE iteration: it lives for a
     * second, and it saves keytool about half its CPU on a busy machine.
     */
    private static void keytool(String storePassword, String... arguments) throws IOException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        if (!Files.isExecutable(keytool)) {
            throw new IllegalStateException("No keytool beside the running JVM: " + keytool);
        }
        List<String> command = new ArrayList<>(List.of(keytool.toString(),
                "-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC", "-J-Xshare:auto",
                "-J-Dkeystore.pkcs12.macIterationCount=1", "-J-Dkeystore.pkcs12.keyPbeIterationCount=1",
                "-J-Dkeystore.pkcs12.certPbeIterationCount=1"));
        command.addAll(List.of(arguments));
        command.addAll(List.of("-noprompt", "-storepass:env", PASSWORD_VARIABLE));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put(PASSWORD_VARIABLE, storePassword);
        Process process = builder.start();
        process.getOutputStream().close(); // a question from keytool ends in EOF, never a hang
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            if (!process.waitFor(KEYTOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("keytool " + arguments[0] + " did not finish in "
                        + KEYTOOL_TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted waiting for keytool", e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("keytool " + String.join(" ", arguments) + " failed (exit "
                    + process.exitValue() + "): " + output.strip());
        }
    }

    private static KeyStore load(Path path, String password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(STORE_TYPE);
        try (InputStream in = Files.newInputStream(path)) {
            store.load(in, password.toCharArray());
        }
        return store;
    }

    private static KeyStore empty() throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(STORE_TYPE);
        store.load(null, null);
        return store;
    }

    private static void store(KeyStore store, Path path, String password) throws IOException, GeneralSecurityException {
        try (OutputStream out = Files.newOutputStream(path)) {
            store.store(out, password.toCharArray());
        }
    }

    private static String pem(X509Certificate certificate) throws GeneralSecurityException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(certificate.getEncoded());
        return "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n";
    }
}
