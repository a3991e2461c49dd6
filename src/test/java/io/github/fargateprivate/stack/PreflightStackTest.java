package io.github.fargateprivate.stack;

import io.github.fargateprivate.registry.LocalRegistry;
import io.github.fargateprivate.testing.OfflineMocks;
import io.github.fargateprivate.testing.OfflineRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stack program asks the image's registry in a preview, as {@code pulumi preview} would: a real registry on this
 * machine; refusals come back under the config key that fed the credentials or the image.
 */
class PreflightStackTest {

    private static final String USER = "ci-puller";
    private static final String PASSWORD = "Preflight-stack-4711";
    private static LocalRegistry registry;
    private static String digest;

    @BeforeAll
    static void startTheRegistry() throws Exception {
        registry = LocalRegistry.withHtpasswd(USER, PASSWORD);
        String auth = LocalRegistry.authorization(USER, PASSWORD);
        digest = registry.pushImage("acme/app", "1.0", "amd64", auth).digest();
    }

    @AfterAll
    static void stopTheRegistry() {
        registry.close();
    }

    private static OfflineRun preview(Map<String, String> change) {
        var config = StackConfigs.changed(StackConfigs.minimal(), Map.of("image", registry.host() + "/acme/app:1.0",
                "registryUsername", USER, "registryPassword", PASSWORD));
        return StackConfigs.run("fargate-private-registry", "dev", StackConfigs.changed(config, change),
                Set.of("registryPassword"), new OfflineMocks().unknownOutputs());
    }

    @Test
    void goodCredentialsPreviewAndExportTheDigest() {
        var run = preview(Map.of()).ok();
        assertEquals(Map.of("app", registry.host() + "/acme/app@" + digest), run.output("imageDigests"));
    }

    @Test
    void aWrongPasswordIsRefusedUnderRegistryPasswordBeforeAnyResource() {
        var run = preview(Map.of("registryPassword", "not-the-password"));
        StackConfigs.assertRefused(run, "registryPassword", registry.host() + " refused the credentials of user "
                + "'ci-puller'");
        assertTrue(run.errorText().endsWith("does not exist): pulumi config set --secret registryPassword VALUE"),
                "a secret has no value to suggest, only the command that replaces it:\n" + run.errorText());
        assertFalse(run.errorText().contains("not-the-password"), run.errorText());
    }

    @Test
    void aMissingTagIsRefusedUnderImage() {
        StackConfigs.assertRefused(preview(Map.of("image", registry.host() + "/acme/app:2.0")), "image",
                "has no tag '2.0' in acme/app (HTTP 404): check the tag");
    }

    @Test
    void aRegistryThatIsDownIsAWarningAndOffNothingIsAsked() throws Exception {
        String down;
        try (var socket = new java.net.ServerSocket(0)) {
            down = "127.0.0.1:" + socket.getLocalPort();
        }
        var run = preview(Map.of("image", down + "/acme/app:1.0")).ok();
        assertTrue(run.warnings().stream().anyMatch(w -> w.contains("could not check " + down + "/acme/app:1.0")),
                run.warnings().toString());
        var off = preview(Map.of("image", registry.host() + "/acme/app:2.0", "registryPreflight", "false")).ok();
        assertTrue(off.warnings().isEmpty(), off.warnings().toString());
    }
}
