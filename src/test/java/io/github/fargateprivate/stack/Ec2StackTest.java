package io.github.fargateprivate.stack;

import io.github.fargateprivate.ecs.Ec2Capacity;
import io.github.fargateprivate.plan.StackFile;
import io.github.fargateprivate.testing.OfflineMocks;
import io.github.fargateprivate.testing.OfflineRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The EC2 launch type from the stack's keys: the real Pulumi.ec2.yaml, and the keys' refusals. */
class Ec2StackTest {

    private static final String REMOVE = StackConfigs.REMOVE;

    private static OfflineRun ec2;

    @BeforeAll
    static void runTheEc2Stack() throws IOException {
        StackFile file = StackFile.read(Path.of("."), "ec2");
        ec2 = StackConfigs.run(file.project(), "ec2", file.config(), file.secretKeys(),
                new OfflineMocks(file.awsRegion().orElseThrow())).ok();
    }

    /** @return the minimal config with these keys changed ({@value #REMOVE} removes a key) */
    private static Map<String, String> with(Map<String, String> change) {
        return StackConfigs.changed(StackConfigs.minimal(), change);
    }

    @Test
    void theEc2StackRegistersTheInstancesAndTheirCapacityProvider() {
        assertEquals(25, ec2.mocks().awsResources().size(), "what ./plan ec2 counts");
        assertEquals(List.of("app-ecs-ec2"), ec2.mocks().ofType(Ec2Capacity.TYPE).stream()
                .map(OfflineMocks.Registration::name).toList());
        assertTrue(ec2.names().containsAll(Set.of("app-ecs-ec2-instance-role", "app-ecs-ec2-instance-ecs",
                "app-ecs-ec2-instance-profile", "app-ecs-ec2-instance-sg", "app-ecs-ec2-launch-template",
                "app-ecs-ec2-asg", "app-ecs-ec2-capacity-provider", "app-ecs-capacity-providers")),
                ec2.names().toString());
        assertFalse(ec2.names().contains("app-ecs-ec2-instance-ssm"), "instanceSessionManager is off");
        assertFalse(ec2.names().contains("app-ecs-ec2-instance-secret"), "registryAuth task");
        assertFalse(ec2.names().contains("app-ecs-task-sg"), "bridge mode");
    }

    @Test
    void theKeysReachTheInstancesTheTaskAndTheTargetGroup() {
        assertEquals("t3.small", ec2.inputs("app-ecs-ec2-launch-template").get("instanceType"));
        assertEquals(1.0, ec2.inputs("app-ecs-ec2-asg").get("minSize"));
        assertEquals(3.0, ec2.inputs("app-ecs-ec2-asg").get("maxSize"));
        assertEquals("bridge", ec2.inputs("app-ecs-task").get("networkMode"));
        assertEquals(List.of("EC2"), ec2.inputs("app-ecs-task").get("requiresCompatibilities"));
        assertEquals("instance", ec2.inputs("app-lb-tg").get("targetType"));
        assertFalse(ec2.inputs("app-ecs-service").containsKey("launchType"));
        String userData = new String(Base64.getDecoder().decode((String) ec2.inputs("app-ecs-ec2-launch-template")
                .get("userData")), StandardCharsets.UTF_8);
        assertTrue(userData.contains("\nECS_CLUSTER=app-ecs-cluster-1a2b3c4\n"), userData);
        assertFalse(userData.contains("ECS_ENGINE_AUTH"), "registryAuth task");
    }

    @Test
    void registryAuthInstanceAndSessionManagerComeFromTheirKeys() {
        var run = StackConfigs.run(with(Map.of("launchType", "EC2", "registryAuth", "instance",
                "instanceSessionManager", "true", "instanceType", "m7g.large", "cpuArchitecture", "ARM64",
                "minInstances", "2", "maxInstances", "4", "amiId", "ami-0abcdef1234567890"))).ok();
        assertTrue(run.names().containsAll(Set.of("app-ecs-ec2-instance-ssm", "app-ecs-ec2-instance-secret")));
        var main = run.json("app-ecs-task", "containerDefinitions").getAsJsonArray().get(0).getAsJsonObject();
        assertFalse(main.has("repositoryCredentials"), main.toString());
        var template = run.inputs("app-ecs-ec2-launch-template");
        assertEquals("m7g.large", template.get("instanceType"));
        assertEquals("ami-0abcdef1234567890", template.get("imageId"));
        assertEquals(2.0, run.inputs("app-ecs-ec2-asg").get("minSize"));
        assertEquals(4.0, run.inputs("app-ecs-ec2-asg").get("maxSize"));
        assertEquals("awsvpc", run.inputs("app-ecs-task").get("networkMode"));
    }

    @Test
    void aFargateStackWithTheEc2KeysAtTheirDefaultsIsNotRefused() {
        var run = StackConfigs.run(with(Map.of("launchType", "FARGATE", "instanceType", "t3.small",
                "minInstances", "1", "maxInstances", "3", "networkMode", "awsvpc", "registryAuth", "task",
                "instanceSessionManager", "false"))).ok();
        assertEquals(List.of(), run.mocks().ofType(Ec2Capacity.TYPE));
        assertEquals("FARGATE", run.inputs("app-ecs-service").get("launchType"));
        assertEquals(List.of("FARGATE"), run.inputs("app-ecs-task").get("requiresCompatibilities"));
    }

    private static Arguments bad(Map<String, String> change, String key, String fragment) {
        return Arguments.of(change, key, fragment);
    }

    static Stream<Arguments> badConfigs() {
        String onFargate = "applies to launch type EC2 only; set launchType EC2 or remove it";
        return Stream.of(
                bad(Map.of("registryAuth", "instance"), "registryAuth", onFargate),
                bad(Map.of("instanceSessionManager", "true"), "instanceSessionManager", onFargate),
                bad(Map.of("instanceType", "m7g.large"), "instanceType", onFargate),
                bad(Map.of("amiId", "ami-0abcdef1234567890"), "amiId", onFargate),
                bad(Map.of("networkMode", "bridge"), "networkMode", "bridge needs launch type EC2: Fargate runs awsvpc "
                        + "tasks only"),
                bad(Map.of("launchType", "ec2"), "launchType", "'ec2' is not FARGATE or EC2: pulumi config set "
                        + "launchType EC2"),
                bad(Map.of("launchType", "EC2", "instanceType", "m7g"), "instanceType", "'m7g' is not an EC2 instance "
                        + "type (FAMILY.SIZE, e.g. t3.small, m7g.large or c7i.2xlarge)"),
                bad(Map.of("launchType", "EC2", "minInstances", "4", "maxInstances", "2"), "minInstances",
                        "4 is above maxInstances 2; lower minInstances or raise maxInstances: pulumi config set "
                                + "minInstances 2"),
                bad(Map.of("launchType", "EC2", "amiId", "ami-12345"), "amiId", "'ami-12345' is not an AMI id"),
                bad(Map.of("launchType", "EC2", "registryAuth", "Instance"), "registryAuth", "'Instance' is not task "
                        + "(repositoryCredentials per task) or instance"),
                bad(Map.of("launchType", "EC2", "memory", "2048"), "memory", "2048 MiB do not fit on a t3.small"),
                bad(Map.of("launchType", "EC2", "cpuArchitecture", "ARM64"), "cpuArchitecture", "ARM64 does not match "
                        + "the instance type t3.small, which runs X86_64: pulumi config set cpuArchitecture X86_64"),
                bad(Map.of("launchType", "EC2", "registryAuth", "instance", "publicImage", "true",
                        "registryUsername", REMOVE, "registryPassword", REMOVE), "registryAuth",
                        "instance, but the image needs no registry credentials; use task"));
    }

    @ParameterizedTest(name = "[{index}] {1}: {2}")
    @MethodSource("badConfigs")
    void failsBeforeAnyResourceWithAMessageNamingTheKey(Map<String, String> change, String key, String fragment) {
        StackConfigs.assertRefused(StackConfigs.run(with(change)), key, fragment);
    }

    @Test
    void problemsOfSeveralEc2KeysAreReportedTogether() {
        var run = StackConfigs.run(with(Map.of("launchType", "EC2", "instanceType", "m7g", "amiId", "ami-12345",
                "minInstances", "4", "maxInstances", "2")));
        String message = run.errorText();
        assertTrue(message.contains("Stack 'test' has 3 configuration problems"), message);
        var keys = Stream.of("instanceType", "amiId", "minInstances").filter(k -> message.contains("\n  - " + k + ": "))
                .collect(Collectors.toSet());
        assertEquals(Set.of("instanceType", "amiId", "minInstances"), keys);
    }
}
