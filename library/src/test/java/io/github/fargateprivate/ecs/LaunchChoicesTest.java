package io.github.fargateprivate.ecs;

import io.github.fargateprivate.Problem;
import io.github.fargateprivate.Problems;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The launch choices spelled as a stack's config gives them: what the string options of earlier versions refused,
 * now refused where the text is parsed, with the same messages and suggestions.
 */
class LaunchChoicesTest {

    private static Problem only(Problems problems) {
        List<Problem> list = problems.list();
        assertEquals(1, list.size(), list.toString());
        return list.get(0);
    }

    @Test
    void eachChoiceParsesItsExactSpelling() {
        var problems = Problems.of("LoadBalancedService", "app");
        assertEquals(Optional.of(true), LaunchChoices.ec2("EC2", problems));
        assertEquals(Optional.of(false), LaunchChoices.ec2("FARGATE", problems));
        assertEquals(Optional.of(NetworkMode.BRIDGE), LaunchChoices.networkMode("bridge", problems));
        assertEquals(Optional.of(RegistryAuth.INSTANCE), LaunchChoices.registryAuth("instance", problems));
        assertEquals(Optional.of(CpuArchitecture.ARM64), LaunchChoices.cpuArchitecture("ARM64", problems));
        assertEquals(List.of(), problems.list());
    }

    @Test
    void aWrongCaseIsRefusedWithTheRightSpellingAsTheFix() {
        var launch = Problems.of("LoadBalancedService", "app");
        assertEquals(Optional.empty(), LaunchChoices.ec2("ec2", launch.at("service")));
        Problem p = only(launch);
        assertEquals("service.launchType", p.field());
        assertEquals("'ec2' is not FARGATE or EC2", p.message());
        assertEquals(Optional.of("EC2"), p.suggestion());

        var mode = Problems.of("LoadBalancedService", "app");
        LaunchChoices.networkMode("Bridge", mode);
        assertEquals("'Bridge' is not awsvpc or bridge", only(mode).message());
        assertEquals(Optional.of("bridge"), only(mode).suggestion());

        var auth = Problems.of("LoadBalancedService", "app");
        LaunchChoices.registryAuth("Instance", auth);
        assertEquals("'Instance' is not task (repositoryCredentials per task) or instance (the ECS agent's "
                + "ECS_ENGINE_AUTH_DATA)", only(auth).message());
        assertEquals(Optional.of("instance"), only(auth).suggestion());
    }

    @Test
    void aValueOfNoChoiceIsRefusedWithoutAGuess() {
        var mode = Problems.of("LoadBalancedService", "app");
        LaunchChoices.networkMode("host", mode);
        assertEquals("'host' is not awsvpc or bridge", only(mode).message());
        assertEquals(Optional.empty(), only(mode).suggestion());
        var architecture = Problems.of("LoadBalancedService", "app");
        LaunchChoices.cpuArchitecture("arm64", architecture);
        assertEquals("'arm64' is not X86_64 or ARM64", only(architecture).message());
    }
}
