package io.github.fargateprivate.registry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegistryTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "ghcr.io/acme/app:1,                                   GHCR",
            "GHCR.IO/acme/app:1,                                   GHCR",
            "docker.io/library/nginx:1.27,                         DOCKERHUB",
            "index.docker.io/acme/app,                             DOCKERHUB",
            "registry-1.docker.io/acme/app:1,                      DOCKERHUB",
            "acme/app:1,                                           DOCKERHUB",
            "nginx,                                                DOCKERHUB",
            "registry.gitlab.com/group/app:1,                      GITLAB",
            "quay.io/org/app:1,                                    QUAY",
            "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1,   ECR",
            "123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/app, ECR",
            "registry.example.com:5000/team/app:2,                 CUSTOM",
            "localhost:5000/app,                                   CUSTOM",
            "gitlab.com/group/app,                                 CUSTOM",
            "docker.io.evil.example/app,                           CUSTOM",
    })
    void infersTheRegistryFromTheHost(String reference, Registry expected) {
        assertEquals(expected, Registry.of(ImageReference.parse(reference)));
    }

    @ParameterizedTest
    @CsvSource({"ghcr, GHCR", "dockerhub, DOCKERHUB", "gitlab, GITLAB", "quay, QUAY", "ecr, ECR", "custom, CUSTOM"})
    void configNamesRoundTrip(String configName, Registry registry) {
        assertEquals(configName, registry.configName());
        assertEquals(Optional.of(registry), Registry.fromConfigName(configName));
    }

    @ParameterizedTest
    @CsvSource({"GHCR", "docker", "''", "github"})
    void unknownConfigNamesAreEmpty(String configName) {
        assertEquals(Optional.empty(), Registry.fromConfigName(configName));
    }

    @Test
    void configNamesListsEveryKindInOrder() {
        assertEquals("ghcr, dockerhub, gitlab, quay, ecr, ecr-public, custom", Registry.configNames());
    }

    @ParameterizedTest
    @EnumSource(value = Registry.class, names = {"ECR", "ECR_PUBLIC"}, mode = EnumSource.Mode.EXCLUDE)
    void everyRegistryButEcrAndEcrPublicNeedsCredentials(Registry registry) {
        assertTrue(registry.needsCredentials());
        assertFalse(registry.credentialHint().isBlank());
    }

    @Test
    void ecrPublicIsKnownByItsHostAndNeedsNoCredentials() {
        Registry registry = Registry.of(ImageReference.parse("public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.0"));
        assertEquals(Registry.ECR_PUBLIC, registry);
        assertFalse(registry.needsCredentials());
        assertEquals(java.util.Optional.of("public.ecr.aws"), registry.pullThroughCacheUpstream());
        assertFalse(registry.pullThroughCacheNeedsCredentials());
    }

    @Test
    void ecrNeedsNoCredentials() {
        assertFalse(Registry.ECR.needsCredentials());
        assertEquals("no credentials: the task execution role pulls from ECR", Registry.ECR.credentialHint());
    }

    @Test
    void hintsNameTheReadOnlyScopes() {
        assertTrue(Registry.GHCR.credentialHint().contains("read:packages"));
        assertTrue(Registry.GITLAB.credentialHint().contains("read_registry"));
        assertTrue(Registry.DOCKERHUB.credentialHint().contains("read-only"));
    }
}
