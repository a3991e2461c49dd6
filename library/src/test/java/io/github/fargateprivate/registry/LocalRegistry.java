package io.github.fargateprivate.registry;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A real OCI registry for tests: Debian's {@code docker-registry} (distribution 2.8.2) on 127.0.0.1 at a free port,
 * with its storage in a temporary folder, and the pushes a test needs (through the registry API, no Docker).
 * Without {@code docker-registry} (or {@code htpasswd}) the tests fail, saying how to install them.
 */
public final class LocalRegistry implements AutoCloseable {

    static final String INSTALL = "apt-get install -y docker-registry apache2-utils";
    private static final Gson GSON = new Gson();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path dir;
    private final Process process;
    private final int port;

    private LocalRegistry(Path dir, Process process, int port) {
        this.dir = dir;
        this.process = process;
        this.port = port;
    }

    /**
     * @param user     a user of the registry
     * @param password its password
     * @return the Authorization header that pushes as that user
     */
    public static String authorization(String user, String password) {
        return new BasicCredentials(user, password).basicAuthorization();
    }

    /** A registry with Basic authentication: one user, its password bcrypt-hashed by {@code htpasswd -Bbc}. */
    public static LocalRegistry withHtpasswd(String user, String password) throws IOException, InterruptedException {
        String htpasswdCommand = command("htpasswd");
        command("docker-registry");
        Path dir = Files.createTempDirectory("preflight-registry");
        Path htpasswd = dir.resolve("htpasswd");
        run(List.of(htpasswdCommand, "-Bbc", htpasswd.toString(), user, password));
        return start(dir, "auth:\n  htpasswd:\n    realm: preflight-test\n    path: " + htpasswd + "\n");
    }

    /** A registry with Docker token authentication: it trusts tokens of {@code issuer} signed under the bundle. */
    static LocalRegistry withTokens(URI realm, String service, String issuer, Path rootCertBundle)
            throws IOException, InterruptedException {
        command("docker-registry");
        Path dir = Files.createTempDirectory("preflight-registry");
        return start(dir, "auth:\n  token:\n    realm: " + realm + "\n    service: " + service + "\n    issuer: "
                + issuer + "\n    rootcertbundle: " + rootCertBundle + "\n");
    }

    private static LocalRegistry start(Path dir, String auth) throws IOException, InterruptedException {
        String binary = command("docker-registry");
        int port = FakeServer.freePort(); // nothing listens there now: the registry binds it right after
        Path config = dir.resolve("config.yml");
        Files.writeString(config, "version: 0.1\nlog:\n  level: warn\nstorage:\n  filesystem:\n    rootdirectory: "
                + dir.resolve("storage") + "\nhttp:\n  addr: 127.0.0.1:" + port + "\n  secret: preflight-test\n"
                + auth);
        Process process = new ProcessBuilder(binary, "serve", config.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("registry.log").toFile()).start();
        LocalRegistry registry = new LocalRegistry(dir, process, port);
        registry.awaitAnswer();
        return registry;
    }

    /** Polls {@code GET /v2/} until the registry answers at all (401 with authentication). */
    private void awaitAnswer() throws IOException, InterruptedException {
        Instant giveUp = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(giveUp)) {
            if (!process.isAlive()) {
                break;
            }
            try {
                HTTP.send(HttpRequest.newBuilder(base().resolve("/v2/")).timeout(Duration.ofSeconds(1)).build(),
                        HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        String log = Files.readString(dir.resolve("registry.log"));
        close();
        fail("docker-registry did not answer on 127.0.0.1:" + port + "; its log:\n" + log);
    }

    /** @return {@code 127.0.0.1:PORT}, the host of the images of this registry */
    public String host() {
        return "127.0.0.1:" + port;
    }

    URI base() {
        return URI.create("http://" + host());
    }

    /** @return an image reference of this registry, e.g. {@code 127.0.0.1:PORT/acme/app:1} */
    ImageReference image(String pathAndReference) {
        return ImageReference.parse(host() + "/" + pathAndReference);
    }

    /** A descriptor of something pushed: what a manifest or an index refers to it by. */
    public record Pushed(String mediaType, String digest, byte[] bytes) {
        JsonObject descriptor() {
            JsonObject descriptor = new JsonObject();
            descriptor.addProperty("mediaType", mediaType);
            descriptor.addProperty("digest", digest);
            descriptor.addProperty("size", bytes.length);
            return descriptor;
        }
    }

    /**
     * Pushes a single-platform OCI image: a config naming the architecture, one small layer, and its manifest.
     *
     * @param repository e.g. {@code acme/app}
     * @param reference a tag, or null to push the manifest by its digest only
     * @param architecture the config's architecture, e.g. {@code amd64}
     * @param authorization the Authorization header for the pushes
     * @return the manifest, whose digest is the sha256 of exactly the bytes pushed
     */
    public Pushed pushImage(String repository, String reference, String architecture, String authorization) {
        byte[] tar = new byte[1024]; // an empty tar archive: two zero blocks
        Pushed layer = pushBlob(repository, "application/vnd.oci.image.layer.v1.tar+gzip", gzip(tar), authorization);
        JsonObject config = new JsonObject();
        config.addProperty("architecture", architecture);
        config.addProperty("os", "linux");
        JsonObject rootfs = new JsonObject();
        rootfs.addProperty("type", "layers");
        JsonArray diffIds = new JsonArray();
        diffIds.add(PreflightCheck.sha256(tar));
        rootfs.add("diff_ids", diffIds);
        config.add("rootfs", rootfs);
        Pushed configBlob = pushBlob(repository, "application/vnd.oci.image.config.v1+json",
                GSON.toJson(config).getBytes(StandardCharsets.UTF_8), authorization);
        JsonObject manifest = new JsonObject();
        manifest.addProperty("schemaVersion", 2);
        manifest.addProperty("mediaType", PreflightCheck.OCI_MANIFEST);
        manifest.add("config", configBlob.descriptor());
        JsonArray layers = new JsonArray();
        layers.add(layer.descriptor());
        manifest.add("layers", layers);
        return pushManifest(repository, reference, PreflightCheck.OCI_MANIFEST, manifest, authorization);
    }

    /**
     * Pushes an OCI index of manifests pushed before, each with its platform.
     *
     * @param platforms for each manifest its platform as {@code os/architecture[/variant]}
     */
    public Pushed pushIndex(String repository, String tag, List<Pushed> manifests, List<String> platforms,
                     String authorization) {
        JsonArray entries = new JsonArray();
        for (int i = 0; i < manifests.size(); i++) {
            JsonObject entry = manifests.get(i).descriptor();
            String[] parts = platforms.get(i).split("/");
            JsonObject platform = new JsonObject();
            platform.addProperty("architecture", parts[1]);
            platform.addProperty("os", parts[0]);
            if (parts.length > 2) {
                platform.addProperty("variant", parts[2]);
            }
            entry.add("platform", platform);
            entries.add(entry);
        }
        JsonObject index = new JsonObject();
        index.addProperty("schemaVersion", 2);
        index.addProperty("mediaType", PreflightCheck.OCI_INDEX);
        index.add("manifests", entries);
        return pushManifest(repository, tag, PreflightCheck.OCI_INDEX, index, authorization);
    }

    private Pushed pushManifest(String repository, String reference, String mediaType, JsonObject manifest,
                                String authorization) {
        byte[] bytes = GSON.toJson(manifest).getBytes(StandardCharsets.UTF_8);
        String digest = PreflightCheck.sha256(bytes);
        URI uri = base().resolve("/v2/" + repository + "/manifests/" + (reference == null ? digest : reference));
        send(HttpRequest.newBuilder(uri).header("Content-Type", mediaType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)), authorization, 201);
        return new Pushed(mediaType, digest, bytes);
    }

    /** The registry API's monolithic upload: POST for an upload location, PUT the bytes there with their digest. */
    private Pushed pushBlob(String repository, String mediaType, byte[] bytes, String authorization) {
        String digest = PreflightCheck.sha256(bytes);
        HttpResponse<String> started = send(HttpRequest.newBuilder(
                base().resolve("/v2/" + repository + "/blobs/uploads/")).POST(HttpRequest.BodyPublishers.noBody()),
                authorization, 202);
        String location = started.headers().firstValue("Location").orElseThrow();
        URI upload = base().resolve(location + (location.contains("?") ? "&" : "?") + "digest=" + digest);
        send(HttpRequest.newBuilder(upload).header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)), authorization, 201);
        return new Pushed(mediaType, digest, bytes);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, String authorization, int expected) {
        try {
            HttpResponse<String> response = HTTP.send(request.header("Authorization", authorization)
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                fail(response.request().method() + " " + response.uri() + " answered " + response.statusCode()
                        + ": " + response.body());
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteRecursively(dir);
    }

    static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The absolute path of a command on the PATH; the test fails, saying how to install it, when it is missing.
     *
     * @param name e.g. {@code docker-registry}
     */
    static String command(String name) {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(folder, name);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return fail("'" + name + "' is not installed: the registry preflight tests run a real OCI registry"
                + " (Debian or Ubuntu: " + INSTALL + ")");
    }

    static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            fail(command.get(0) + " failed: " + output);
        }
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
