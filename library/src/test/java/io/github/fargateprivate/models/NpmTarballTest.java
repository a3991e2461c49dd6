package io.github.fargateprivate.models;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tarball is used only with its pinned digest, downloaded once and then read from the cache. */
class NpmTarballTest {

    private static final byte[] TARBALL = "a tarball's bytes".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path cache;

    private HttpServer registry;
    private final AtomicInteger requests = new AtomicInteger();

    /** A registry on the loopback interface that answers every GET with {@link #TARBALL}, or 404 under /missing. */
    @BeforeEach
    void startRegistry() throws IOException {
        registry = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        registry.createContext("/", exchange -> {
            requests.incrementAndGet();
            boolean missing = exchange.getRequestURI().getPath().startsWith("/missing");
            exchange.sendResponseHeaders(missing ? 404 : 200, missing ? -1 : TARBALL.length);
            if (!missing) {
                exchange.getResponseBody().write(TARBALL);
            }
            exchange.close();
        });
        registry.start();
    }

    @AfterEach
    void stopRegistry() {
        registry.stop(0);
    }

    private URI url(String path) {
        return URI.create("http://" + registry.getAddress().getHostString() + ":" + registry.getAddress().getPort()
                + path);
    }

    @Test
    void aVerifiedDownloadIsCachedAndReadFromTheCacheAfterwards() throws IOException {
        Path file = cache.resolve("tarball.tgz");
        var tarball = new NpmTarball(url("/pkg.tgz"), NpmTarball.integrityOf(TARBALL), file);
        assertArrayEquals(TARBALL, tarball.verifiedBytes());
        assertArrayEquals(TARBALL, Files.readAllBytes(file));
        assertArrayEquals(TARBALL, tarball.verifiedBytes());
        assertEquals(1, requests.get());
    }

    @Test
    void aCachedCopyWithAnotherDigestIsDownloadedAgain() throws IOException {
        Path file = cache.resolve("tarball.tgz");
        Files.writeString(file, "half a download");
        assertArrayEquals(TARBALL, new NpmTarball(url("/pkg.tgz"), NpmTarball.integrityOf(TARBALL), file)
                .verifiedBytes());
        assertEquals(1, requests.get());
        assertArrayEquals(TARBALL, Files.readAllBytes(file));
    }

    @Test
    void aDownloadWithAnotherDigestIsRefusedAndNotCached() {
        Path file = cache.resolve("tarball.tgz");
        String pinned = NpmTarball.integrityOf("other bytes".getBytes(StandardCharsets.UTF_8));
        var e = assertThrows(IllegalStateException.class,
                () -> new NpmTarball(url("/pkg.tgz"), pinned, file).verifiedBytes());
        assertEquals("GET " + url("/pkg.tgz") + " answered a tarball whose digest is "
                + NpmTarball.integrityOf(TARBALL) + ", not the pinned " + pinned + "; it is not used", e.getMessage());
        assertFalse(Files.exists(file));
    }

    @Test
    void aRegistryThatAnswersAnErrorFailsNamingTheUrl() {
        Path file = cache.resolve("tarball.tgz");
        var e = assertThrows(IllegalStateException.class,
                () -> new NpmTarball(url("/missing.tgz"), NpmTarball.integrityOf(TARBALL), file).verifiedBytes());
        assertEquals("GET " + url("/missing.tgz") + " answered HTTP 404; the AWS API models come from that npm "
                + "tarball: download it and put it at " + file, e.getMessage());
    }

    @Test
    void anUnreachableRegistryFailsNamingTheUrl() throws IOException {
        int closed;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        URI url = URI.create("http://127.0.0.1:" + closed + "/pkg.tgz");
        var e = assertThrows(IllegalStateException.class,
                () -> new NpmTarball(url, NpmTarball.integrityOf(TARBALL), cache.resolve("t.tgz")).verifiedBytes());
        assertTrue(e.getMessage().startsWith("GET " + url + " failed ("), e.getMessage());
        assertTrue(e.getMessage().endsWith("download it and put it at " + cache.resolve("t.tgz")), e.getMessage());
    }

    @Test
    void theRealTarballHoldsTheEcsModelAndNoOtherEntryIsMadeUp() {
        String model = new String(AwsModels.tarball().entry(AwsModels.ECS_MODEL), StandardCharsets.UTF_8);
        assertTrue(model.contains("\"RegisterTaskDefinition\""), model.substring(0, 200));
        var e = assertThrows(IllegalStateException.class, () -> AwsModels.tarball().entry("package/apis/nope.json"));
        assertEquals(AwsModels.TARBALL_URL + " has no entry package/apis/nope.json", e.getMessage());
    }
}
