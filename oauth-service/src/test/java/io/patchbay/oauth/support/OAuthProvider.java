package io.patchbay.oauth.support;

import kotlin.jvm.functions.Function1;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.MockWebServerWrapper;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import no.nav.security.mock.oauth2.http.OAuth2HttpServer;
import no.nav.security.mock.oauth2.http.Ssl;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import okhttp3.Headers;
import okhttp3.HttpUrl;

import java.net.InetAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A real OAuth 2.0 / OIDC server in the test JVM: navikt's {@code mock-oauth2-server} (authorization endpoint, authorization
 * code with refresh tokens, client credentials, JWT access tokens signed by its own keys). It issues tokens to any client, so
 * this class adds the one thing a real provider has and it lacks — registered clients: a token request whose client_id is not
 * registered or whose secret (Basic or form) does not match gets 401 {@code invalid_client}, and, like careless real
 * providers, the error description echoes the secret it received (so the service's stripping is tested). Every token request
 * is recorded (grant type, how the client authenticated, the form) for the tests' assertions.
 */
public final class OAuthProvider implements AutoCloseable {
    public record TokenCall(String issuer, String grantType, String clientId, String authMethod, Map<String, String> form) {
        @Override
        public String toString() {
            return "TokenCall[" + issuer + ", " + grantType + ", " + clientId + ", " + authMethod + "]";
        }
    }

    private final Map<String, String> clients = new ConcurrentHashMap<>();
    private final Set<String> publicClients = ConcurrentHashMap.newKeySet();
    private final List<TokenCall> calls = Collections.synchronizedList(new ArrayList<>());
    private final MockOAuth2Server server;

    public OAuthProvider() {
        OAuth2Config config = new OAuth2Config(false, null, null, false, new OAuth2TokenProvider(), Set.of(), new RegisteredClients());
        this.server = new MockOAuth2Server(config);
        server.start();
    }

    public void register(String clientId, String secret) {
        clients.put(clientId, secret);
    }

    public void registerPublic(String clientId) {
        publicClients.add(clientId);
    }

    public String tokenEndpoint(String issuer) {
        return server.tokenEndpointUrl(issuer).toString();
    }

    public String authorizationEndpoint(String issuer) {
        return server.authorizationEndpointUrl(issuer).toString();
    }

    public List<TokenCall> calls(String issuer, String grantType) {
        synchronized (calls) {
            return calls.stream().filter(c -> c.issuer().equals(issuer) && c.grantType().equals(grantType)).toList();
        }
    }

    public List<TokenCall> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    @Override
    public void close() {
        server.shutdown();
    }

    static Map<String, String> form(String body) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        if (body == null || body.isEmpty()) {
            return out;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    /** Token requests pass only for registered clients with their secret; everything else is the real server's. */
    private OAuth2HttpResponse authenticate(OAuth2HttpRequest request) {
        List<String> segments = request.getUrl().pathSegments();
        if (!"POST".equals(request.getMethod()) || segments.isEmpty() || !segments.getLast().equals("token")) {
            return null;
        }
        Map<String, String> form = form(request.getBody());
        String method;
        String clientId;
        String secret;
        String authorization = request.getHeaders().get("Authorization");
        if (authorization != null && authorization.startsWith("Basic ")) {
            String[] pair = new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8).split(":", 2);
            method = "client_secret_basic";
            clientId = URLDecoder.decode(pair[0], StandardCharsets.UTF_8);
            secret = pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : "";
        } else if (form.containsKey("client_secret")) {
            method = "client_secret_post";
            clientId = form.get("client_id");
            secret = form.get("client_secret");
        } else {
            method = "none";
            clientId = form.get("client_id");
            secret = null;
        }
        calls.add(new TokenCall(segments.getFirst(), form.getOrDefault("grant_type", ""), clientId, method, form));
        boolean ok = secret == null ? publicClients.contains(clientId) : secret.equals(clients.get(clientId));
        if (ok) {
            return null;
        }
        String body = "{\"error\":\"invalid_client\",\"error_description\":\"client authentication failed for " + clientId
                + (secret == null ? " (no secret)" : " with secret " + secret) + "\"}";
        return new OAuth2HttpResponse(Headers.of("Content-Type", "application/json"), 401, body, null);
    }

    /** The HTTP server of mock-oauth2-server (MockWebServer) with client authentication in front of its handler. */
    private final class RegisteredClients implements OAuth2HttpServer {
        private final MockWebServerWrapper delegate = new MockWebServerWrapper();

        private Function1<OAuth2HttpRequest, OAuth2HttpResponse> guarded(Function1<? super OAuth2HttpRequest, OAuth2HttpResponse> handler) {
            return request -> {
                OAuth2HttpResponse refused = authenticate(request);
                return refused != null ? refused : handler.invoke(request);
            };
        }

        @Override
        public OAuth2HttpServer start(Function1<? super OAuth2HttpRequest, OAuth2HttpResponse> handler) {
            delegate.start(guarded(handler));
            return this;
        }

        @Override
        public OAuth2HttpServer start(int port, Function1<? super OAuth2HttpRequest, OAuth2HttpResponse> handler) {
            delegate.start(port, guarded(handler));
            return this;
        }

        @Override
        public OAuth2HttpServer start(InetAddress address, int port, Function1<? super OAuth2HttpRequest, OAuth2HttpResponse> handler) {
            delegate.start(address, port, guarded(handler));
            return this;
        }

        @Override
        public OAuth2HttpServer stop() {
            delegate.stop();
            return this;
        }

        @Override
        public void close() {
            delegate.close();
        }

        @Override
        public int port() {
            return delegate.port();
        }

        @Override
        public HttpUrl url(String path) {
            return delegate.url(path);
        }

        @Override
        public Ssl sslConfig() {
            return delegate.sslConfig();
        }
    }
}
