package io.github.fargateprivate.ecs;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.github.fargateprivate.Fixtures.REGISTRY_SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The instances' boot script, rendered by {@link Ec2Capacity#userData} and run with bash as cloud-init would, offline:
 * stub {@code aws} and {@code curl} executables come first on the PATH, and the agent's config goes to a temporary
 * file ({@code ECS_CONFIG_FILE}).
 */
class Ec2BootScriptTest {

    private static final String CLUSTER = "prod-cluster";
    private static final String PASSWORD = "s3cr3t-p@ss";
    private static final String SECRET = "{\"username\":\"bot\",\"password\":\"" + PASSWORD + "\"}";
    private static final List<String> AGENT_LINES = List.of("ECS_CLUSTER=" + CLUSTER, "ECS_ENABLE_TASK_IAM_ROLE=true",
            "ECS_AWSVPC_BLOCK_IMDS=true");

    @TempDir
    Path dir;
    private Path config;

    /** What a run printed, and how it ended. */
    private record Boot(int status, String output) {
    }

    @BeforeEach
    void stubs() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        // aws records its arguments, one a line, and answers with the secret string the test left for it.
        executable(bin.resolve("aws"), "#!/bin/bash\nprintf '%s\\n' \"$@\" > \"$STUBS/aws.argv\"\n"
                + "cat \"$STUBS/secret-string\"\n");
        executable(bin.resolve("curl"), "#!/bin/bash\ntouch \"$STUBS/curl.called\"\n");
        config = dir.resolve("etc/ecs/ecs.config");
    }

    private static void executable(Path file, String script) throws IOException {
        Files.writeString(file, script);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
    }

    private Boot boot(String script, String secretString) throws IOException, InterruptedException {
        Files.writeString(dir.resolve("secret-string"), secretString);
        Path file = dir.resolve("user-data.sh");
        Files.writeString(file, script);
        var pb = new ProcessBuilder("bash", file.toString()).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().put("PATH", dir.resolve("bin") + ":/usr/bin:/bin");
        pb.environment().put("STUBS", dir.toString());
        pb.environment().put("ECS_CONFIG_FILE", config.toString());
        Process process = pb.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the script did not exit");
        return new Boot(process.exitValue(), output);
    }

    private static String instanceAuth(String registry) {
        return Ec2Capacity.userData(CLUSTER, new Ec2Capacity.InstanceRegistryAuth(REGISTRY_SECRET, "eu-central-1",
                registry));
    }

    private List<String> configLines() throws IOException {
        return Files.readAllLines(config);
    }

    private List<String> awsArguments() throws IOException {
        return Files.readAllLines(dir.resolve("aws.argv"));
    }

    private String mode() throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(config));
    }

    @Test
    void instanceAuthWritesTheAgentsSettingsAndTheCredentialsOfTheSecretReadableByRootOnly() throws Exception {
        var boot = boot(instanceAuth("ghcr.io"), SECRET);
        assertEquals(0, boot.status(), boot.output());
        assertEquals(List.of("ECS_CLUSTER=" + CLUSTER, "ECS_ENABLE_TASK_IAM_ROLE=true", "ECS_AWSVPC_BLOCK_IMDS=true",
                "ECS_ENGINE_AUTH_TYPE=docker",
                "ECS_ENGINE_AUTH_DATA={\"ghcr.io\":{\"username\":\"bot\",\"password\":\"" + PASSWORD + "\"}}"),
                configLines());
        assertEquals("rw-------", mode());
        assertEquals(List.of("secretsmanager", "get-secret-value", "--region", "eu-central-1", "--secret-id",
                REGISTRY_SECRET, "--query", "SecretString", "--output", "text"), awsArguments());
        assertFalse(Files.exists(dir.resolve("curl.called")), "the region comes with the script, not from IMDS");
        assertFalse(boot.output().contains(PASSWORD), boot.output());
    }

    @Test
    void aPrettyPrintedSecretBecomesOneLineOfTheSameJson() throws Exception {
        var boot = boot(instanceAuth("ghcr.io"), "{\n  \"username\": \"bot\",\r\n  \"password\": \"" + PASSWORD
                + "\"\n}\n");
        assertEquals(0, boot.status(), boot.output());
        var lines = configLines();
        assertEquals(5, lines.size(), lines.toString());
        String prefix = "ECS_ENGINE_AUTH_DATA=";
        assertTrue(lines.get(4).startsWith(prefix), lines.get(4));
        assertEquals(JsonParser.parseString("{\"ghcr.io\":" + SECRET + "}"),
                JsonParser.parseString(lines.get(4).substring(prefix.length())));
        assertFalse(boot.output().contains(PASSWORD), boot.output());
    }

    @Test
    void shellCharactersOfThePasswordAreWrittenAsTheyAre() throws Exception {
        String password = "50%s off $HOME `id` \\\\ 'q'";
        String secret = "{\"username\":\"bot\",\"password\":\"" + password + "\"}";
        var boot = boot(instanceAuth("ghcr.io"), secret);
        assertEquals(0, boot.status(), boot.output());
        assertEquals("ECS_ENGINE_AUTH_DATA={\"ghcr.io\":" + secret + "}", configLines().get(4));
        assertEquals(5, configLines().size());
    }

    @Test
    void dockerHubCredentialsGoUnderDockersIndexUrl() throws Exception {
        assertEquals("https://index.docker.io/v1/", Ec2Capacity.authKey("docker.io"));
        assertEquals("quay.io", Ec2Capacity.authKey("quay.io"));
        var boot = boot(instanceAuth("docker.io"), SECRET);
        assertEquals(0, boot.status(), boot.output());
        assertEquals("ECS_ENGINE_AUTH_DATA={\"https://index.docker.io/v1/\":" + SECRET + "}", configLines().get(4));
    }

    @Test
    void aSecretWithoutUsernameAndPasswordFailsTheBootStepAndWritesNoAuth() throws Exception {
        for (String secret : List.of("{\"token\":\"" + PASSWORD + "\"}", "{\"username\":\"bot\"}", PASSWORD, "")) {
            var boot = boot(instanceAuth("ghcr.io"), secret);
            assertNotEquals(0, boot.status(), secret);
            assertEquals(AGENT_LINES, configLines(), secret);
            assertTrue(boot.output().contains("the secret " + REGISTRY_SECRET + " holds no {\"username\", "
                    + "\"password\"} JSON object; the agent gets no registry auth"), boot.output());
            assertFalse(boot.output().contains(PASSWORD), boot.output());
            Files.delete(config);
        }
    }

    @Test
    void aFailedReadOfTheSecretFailsTheBootStepAndWritesNoAuth() throws Exception {
        executable(dir.resolve("bin/aws"), "#!/bin/bash\necho 'AccessDeniedException' >&2\nexit 254\n");
        var boot = boot(instanceAuth("ghcr.io"), SECRET);
        assertNotEquals(0, boot.status(), boot.output());
        assertEquals(AGENT_LINES, configLines());
    }

    @Test
    void theSettingsAreAddedToAnExistingConfigWhichBecomesRootOnly() throws Exception {
        Files.createDirectories(config.getParent());
        Files.writeString(config, "ECS_LOGLEVEL=info\n");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r--r--"));
        var boot = boot(instanceAuth("ghcr.io"), SECRET);
        assertEquals(0, boot.status(), boot.output());
        assertEquals("ECS_LOGLEVEL=info", configLines().get(0));
        assertEquals(AGENT_LINES, configLines().subList(1, 4));
        assertEquals("rw-------", mode());
    }

    @Test
    void taskAuthWritesOnlyTheAgentsSettingsAndNeverCallsAws() throws Exception {
        var boot = boot(Ec2Capacity.userData(CLUSTER, null), SECRET);
        assertEquals(0, boot.status(), boot.output());
        assertEquals(AGENT_LINES, configLines());
        assertEquals("rw-------", mode());
        assertFalse(Files.exists(dir.resolve("aws.argv")), "aws was called");
        assertFalse(Files.exists(dir.resolve("curl.called")), "curl was called");
        assertEquals("", boot.output());
    }
}
