package io.github.fargateprivate.registry;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Docker token service for tests (the registry's {@code auth: token} mode), on 127.0.0.1 over plain HTTP: it checks
 * Basic credentials and issues JWTs signed (RS256) with a key that keytool generates at start, whose self-signed
 * certificate is the registry's root certificate bundle and travels in each token's {@code x5c} header. An anonymous
 * request gets a token with no access, as Docker Hub answers for a private repository.
 */
final class TokenIssuer implements AutoCloseable {

    static final String SERVICE = "preflight-test-registry";
    static final String ISSUER = "preflight-test-issuer";
    private static final Gson GSON = new Gson();
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    /** A request the issuer answered: who asked (the Basic user, or none) and for what. */
    record Request(Optional<String> user, String service, String scope) {
    }

    private final Path dir;
    private final PrivateKey key;
    private final X509Certificate certificate;
    private final Map<String, String> passwords;
    private final HttpServer server;
    private final List<String> issued = new CopyOnWriteArrayList<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private TokenIssuer(Path dir, PrivateKey key, X509Certificate certificate, Map<String, String> passwords)
            throws IOException {
        this.dir = dir;
        this.key = key;
        this.certificate = certificate;
        this.passwords = Map.copyOf(passwords);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/token", this::answer);
        server.start();
    }

    /** Generates the signing key and its certificate with the JDK's keytool, and starts answering. */
    static TokenIssuer start(Map<String, String> passwords) throws IOException, InterruptedException,
            GeneralSecurityException {
        Path dir = Files.createTempDirectory("preflight-issuer");
        SelfSignedKey key = SelfSignedKey.generate(dir, ISSUER);
        Files.writeString(dir.resolve("bundle.pem"), "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.certificate().getEncoded()) + "\n-----END CERTIFICATE-----\n");
        return new TokenIssuer(dir, key.privateKey(), key.certificate(), passwords);
    }

    /** @return the registry's {@code rootcertbundle}: the issuer's certificate, PEM */
    Path rootCertBundle() {
        return dir.resolve("bundle.pem");
    }

    /** @return the realm the registry names in its challenge */
    URI realm() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/token");
    }

    /** @return every token issued so far, for the tests that no token leaks */
    List<String> issued() {
        return List.copyOf(issued);
    }

    /** @return every request answered so far */
    List<Request> requests() {
        return List.copyOf(requests);
    }

    private void answer(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        Optional<String[]> basic = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization"))
                .filter(h -> h.startsWith("Basic "))
                .map(h -> new String(Base64.getDecoder().decode(h.substring(6)), StandardCharsets.UTF_8).split(":", 2));
        requests.add(new Request(basic.map(b -> b[0]), query.get("service"), query.get("scope")));
        if (basic.isPresent() && !basic.get()[1].equals(passwords.get(basic.get()[0]))) {
            exchange.sendResponseHeaders(401, -1);
            exchange.close();
            return;
        }
        String scope = query.getOrDefault("scope", "");
        String token = token(basic.map(b -> b[0]).orElse(""), basic.isPresent() ? scope : "");
        JsonObject body = new JsonObject();
        body.addProperty("token", token);
        body.addProperty("expires_in", 300);
        byte[] bytes = GSON.toJson(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /**
     * A token for a subject; {@code scope} ({@code repository:NAME:ACTIONS}, empty for none) is granted as asked.
     *
     * @return the JWT, also recorded in {@link #issued()}
     */
    String token(String subject, String scope) {
        JsonObject header = new JsonObject();
        header.addProperty("alg", "RS256");
        header.addProperty("typ", "JWT");
        JsonArray x5c = new JsonArray();
        try {
            x5c.add(Base64.getEncoder().encodeToString(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        header.add("x5c", x5c);
        long now = Instant.now().getEpochSecond();
        JsonObject claims = new JsonObject();
        claims.addProperty("iss", ISSUER);
        claims.addProperty("sub", subject);
        claims.addProperty("aud", SERVICE);
        claims.addProperty("exp", now + 300);
        claims.addProperty("nbf", now - 10);
        claims.addProperty("iat", now);
        claims.addProperty("jti", UUID.randomUUID().toString());
        claims.add("access", access(scope));
        String signed = URL.encodeToString(GSON.toJson(header).getBytes(StandardCharsets.UTF_8)) + "."
                + URL.encodeToString(GSON.toJson(claims).getBytes(StandardCharsets.UTF_8));
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(key);
            rs256.update(signed.getBytes(StandardCharsets.US_ASCII));
            String token = signed + "." + URL.encodeToString(rs256.sign());
            issued.add(token);
            return token;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonArray access(String scope) {
        JsonArray access = new JsonArray();
        String[] parts = scope.split(":");
        if (parts.length == 3) {
            JsonObject entry = new JsonObject();
            entry.addProperty("type", parts[0]);
            entry.addProperty("name", parts[1]);
            JsonArray actions = new JsonArray();
            for (String action : parts[2].split(",")) {
                actions.add(action);
            }
            entry.add("actions", actions);
            access.add(entry);
        }
        return access;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        for (String pair : raw == null ? new String[0] : raw.split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return query;
    }

    @Override
    public void close() {
        server.stop(0);
        LocalRegistry.deleteRecursively(dir);
    }
}
