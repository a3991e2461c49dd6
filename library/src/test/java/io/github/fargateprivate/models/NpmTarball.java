package io.github.fargateprivate.models;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.zip.GZIPInputStream;

/**
 * One npm package tarball, pinned by its registry {@code dist.integrity}: taken from a cache directory when the cached
 * copy has that digest, downloaded (and then cached) otherwise, and never used before its digest is checked. Entries
 * are read with a minimal tar reader (ustar headers, pax {@code path} records), so the tests need no archive library.
 *
 * @param url       the tarball's address on the registry
 * @param integrity the registry's {@code dist.integrity}, {@code sha512-<base64>}
 * @param cacheFile where the verified tarball is kept between runs
 */
record NpmTarball(URI url, String integrity, Path cacheFile) {

    private static final int BLOCK = 512;

    /**
     * @param name an entry's path inside the tarball, e.g. {@code package/apis/ecs-2014-11-13.min.json}
     * @return the entry's bytes
     * @throws IllegalStateException when the tarball cannot be had or verified, or lacks the entry
     */
    byte[] entry(String name) {
        byte[] tarball = verifiedBytes();
        try (InputStream tar = new GZIPInputStream(new ByteArrayInputStream(tarball))) {
            return find(tar, name);
        } catch (IOException e) {
            throw new IllegalStateException(url + " is not a gzipped tar archive: " + e.getMessage(), e);
        }
    }

    /** @return the tarball, from the cache when it holds the pinned digest, else downloaded, verified and cached */
    byte[] verifiedBytes() {
        if (Files.isRegularFile(cacheFile)) {
            try {
                byte[] cached = Files.readAllBytes(cacheFile);
                if (integrity.equals(integrityOf(cached))) {
                    return cached;
                }
            } catch (IOException e) {
                // An unreadable cache is as good as none: download again.
            }
        }
        byte[] downloaded = download();
        String actual = integrityOf(downloaded);
        if (!integrity.equals(actual)) {
            throw new IllegalStateException("GET " + url + " answered a tarball whose digest is " + actual
                    + ", not the pinned " + integrity + "; it is not used");
        }
        store(downloaded);
        return downloaded;
    }

    private byte[] download() {
        var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        var request = HttpRequest.newBuilder(url).timeout(Duration.ofMinutes(2)).GET().build();
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + url + " answered HTTP " + response.statusCode()
                        + "; " + howToProvide());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("GET " + url + " failed (" + e + "); " + howToProvide(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("GET " + url + " was interrupted", e);
        }
    }

    private String howToProvide() {
        return "the AWS API models come from that npm tarball: download it and put it at " + cacheFile;
    }

    /** Writes through a temporary file, so that a concurrent run never reads half a tarball. */
    private void store(byte[] tarball) {
        try {
            Files.createDirectories(cacheFile.getParent());
            Path partial = Files.createTempFile(cacheFile.getParent(), cacheFile.getFileName().toString(), ".part");
            Files.write(partial, tarball);
            Files.move(partial, cacheFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // The verified bytes are in hand; without a cache the next run downloads them again.
        }
    }

    /**
     * @param bytes some bytes
     * @return their digest in npm's {@code dist.integrity} form
     */
    static String integrityOf(byte[] bytes) {
        try {
            return "sha512-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-512").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-512", e);
        }
    }

    /** Walks the tar stream: each entry is a 512-byte header and its data padded to whole blocks. */
    private byte[] find(InputStream tar, String name) throws IOException {
        String paxPath = null;
        while (true) {
            byte[] header = tar.readNBytes(BLOCK);
            if (header.length < BLOCK || isZero(header)) {
                throw new IllegalStateException(url + " has no entry " + name);
            }
            long size = octal(header, 124, 12);
            char type = (char) header[156];
            String path = paxPath != null ? paxPath : ustarPath(header);
            paxPath = null;
            if (type == 'x') {
                paxPath = paxRecord(tar.readNBytes((int) size), "path");
                tar.skipNBytes(padding(size));
                continue;
            }
            if ((type == '0' || type == '\0') && path.equals(name)) {
                return tar.readNBytes((int) size);
            }
            tar.skipNBytes(size + padding(size));
        }
    }

    private static String ustarPath(byte[] header) {
        String name = text(header, 0, 100);
        String prefix = text(header, 345, 155);
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    /** A pax extended header: records {@code "<length> <key>=<value>\n"}. */
    private static String paxRecord(byte[] data, String key) {
        for (String record : new String(data, StandardCharsets.UTF_8).split("\n")) {
            int space = record.indexOf(' ');
            if (space > 0 && record.startsWith(key + "=", space + 1)) {
                return record.substring(space + 2 + key.length());
            }
        }
        return null;
    }

    private static String text(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] header, int offset, int length) {
        String digits = text(header, offset, length).trim();
        return digits.isEmpty() ? 0 : Long.parseLong(digits, 8);
    }

    private static long padding(long size) {
        return (BLOCK - size % BLOCK) % BLOCK;
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
