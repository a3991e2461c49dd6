package io.github.fargateprivate.registry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageReferenceTest {

    private static final String SHA256 = "sha256:" + "0123456789abcdef".repeat(4);

    /** An empty CSV column arrives as null: the part is absent. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // reference,                                         host,                                  path,           tag,    digest
            "ghcr.io/acme/app:1.2.3,                              ghcr.io,                               acme/app,       1.2.3,",
            "docker.io/library/nginx:1.27,                        docker.io,                             library/nginx,  1.27,",
            "index.docker.io/acme/app:latest,                     index.docker.io,                       acme/app,       latest,",
            "registry-1.docker.io/acme/app:1,                     registry-1.docker.io,                  acme/app,       1,",
            "acme/app:1,                                          docker.io,                             acme/app,       1,",
            "nginx,                                               docker.io,                             nginx,          ,",
            "registry.gitlab.com/group/sub/app:v2,                registry.gitlab.com,                   group/sub/app,  v2,",
            "quay.io/org/app:1_0,                                 quay.io,                               org/app,        1_0,",
            "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1,  123456789012.dkr.ecr.eu-west-1.amazonaws.com, app,     1,",
            "registry.example.com:5000/team/app:2,                registry.example.com:5000,             team/app,       2,",
            "localhost:5000/app,                                  localhost:5000,                        app,            ,",
            "localhost/app:dev,                                   localhost,                             app,            dev,",
            "my-registry.local/a__b/c--d.e:Tag_1,                 my-registry.local,                     a__b/c--d.e,    Tag_1,",
    })
    void parsesHostPathTag(String reference, String host, String path, String tag, String digest) {
        var image = ImageReference.parse(reference);
        assertEquals(reference, image.reference());
        assertEquals(host, image.host());
        assertEquals(path, image.path());
        assertEquals(Optional.ofNullable(tag), image.tag());
        assertEquals(Optional.ofNullable(digest), image.digest());
    }

    @Test
    void parsesDigestWithAndWithoutTag() {
        var pinned = ImageReference.parse("ghcr.io/acme/app@" + SHA256);
        assertEquals("ghcr.io", pinned.host());
        assertEquals("acme/app", pinned.path());
        assertEquals(Optional.empty(), pinned.tag());
        assertEquals(Optional.of(SHA256), pinned.digest());

        var both = ImageReference.parse("registry.example.com:5000/app:1@" + SHA256);
        assertEquals("registry.example.com:5000", both.host());
        assertEquals(Optional.of("1"), both.tag());
        assertEquals(Optional.of(SHA256), both.digest());
    }

    @ParameterizedTest
    @CsvSource({
            "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1,        123456789012, eu-west-1",
            "210987654321.dkr.ecr-fips.us-east-1.amazonaws.com/a/b,     210987654321, us-east-1",
            "123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/app:1,    123456789012, cn-north-1",
    })
    void ecrAccountAndRegion(String reference, String account, String region) {
        var image = ImageReference.parse(reference);
        assertEquals(Optional.of(account), image.ecrAccountId());
        assertEquals(Optional.of(region), image.ecrRegion());
    }

    @ParameterizedTest
    @CsvSource({"ghcr.io/acme/app:1", "nginx", "12345678901.dkr.ecr.eu-west-1.amazonaws.com/app"})
    void noEcrAccountOrRegionElsewhere(String reference) {
        var image = ImageReference.parse(reference);
        assertEquals(Optional.empty(), image.ecrAccountId());
        assertEquals(Optional.empty(), image.ecrRegion());
    }

    /** Each bad reference with a fragment the message must contain, so that the user learns which part is wrong. */
    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '|', value = {
            "ghcr.io/Acme/app:1                 | invalid repository path component 'Acme'",
            "Acme/app                           | invalid repository path component 'Acme'",
            "''                                 | empty",
            "'   '                              | empty",
            "' nginx'                           | white space",
            "ghcr.io/acme/app:-bad              | invalid tag '-bad'",
            "ghcr.io/acme/app:.bad              | invalid tag '.bad'",
            "ghcr.io/acme/app:bad/tag           | invalid",
            "ghcr.io/acme/app@sha256:abc123     | invalid digest 'sha256:abc123'",
            "ghcr.io/acme/app@md5:0123456789abcdef0123456789abcdef | invalid digest",
            "ghcr.io/                           | names no repository",
            "ghcr.io/acme//app                  | invalid repository path component ''",
            "ghcr.io/acme/app_                  | invalid repository path component 'app_'",
            "-bad.io/app                        | invalid registry host '-bad.io'",
            "ghcr.io/:1                         | names no repository",
    })
    void rejectsInvalidReferences(String reference, String messagePart) {
        var e = assertThrows(IllegalArgumentException.class, () -> ImageReference.parse(reference));
        assertTrue(e.getMessage().contains(messagePart), e.getMessage());
    }

    @Test
    void rejectsNull() {
        var e = assertThrows(IllegalArgumentException.class, () -> ImageReference.parse(null));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void rejectsTagLongerThan128() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> ImageReference.parse("ghcr.io/acme/app:" + "a".repeat(129)));
        assertTrue(e.getMessage().contains("invalid tag"), e.getMessage());
        assertEquals(Optional.of("a".repeat(128)), ImageReference.parse("ghcr.io/acme/app:" + "a".repeat(128)).tag());
    }

    @Test
    void rejectsNameLongerThan255() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> ImageReference.parse("ghcr.io/" + "a".repeat(250)));
        assertTrue(e.getMessage().contains("longer than 255"), e.getMessage());
    }

    @Test
    void equalityFollowsTheReferenceAsWritten() {
        assertEquals(ImageReference.parse("nginx"), ImageReference.parse("nginx"));
        assertEquals(ImageReference.parse("nginx").hashCode(), ImageReference.parse("nginx").hashCode());
        assertTrue(!ImageReference.parse("nginx").equals(ImageReference.parse("docker.io/nginx")));
        assertEquals("ghcr.io/acme/app:1", ImageReference.parse("ghcr.io/acme/app:1").toString());
    }
}
