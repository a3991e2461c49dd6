package io.github.fargateprivate.ecs;

import com.pulumi.core.Output;
import io.github.fargateprivate.ArgsException;
import io.github.fargateprivate.Problem;
import io.github.fargateprivate.Problems;
import io.github.fargateprivate.testing.OfflineRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static io.github.fargateprivate.Fixtures.DB_SECRET;
import static io.github.fargateprivate.Fixtures.GHCR_IMAGE;
import static io.github.fargateprivate.Fixtures.KEY;
import static io.github.fargateprivate.Fixtures.PARAMETER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContainerArgsTest {


    /** Validates a container under {@code container} (main) or {@code sidecars[0]}, as the components do. */
    private static List<Problem> problems(ContainerArgs args, boolean main) {
        var problems = Problems.of("Test", "t");
        if (main) {
            args.validateAsMain(problems.at("container"));
        } else {
            args.validate(problems.at("sidecars[0]"));
        }
        return problems.list();
    }

    private static List<Problem> problems(Consumer<ContainerArgs.Builder> configure) {
        var b = ContainerArgs.builder().image(GHCR_IMAGE);
        configure.accept(b);
        return problems(b.build(), true);
    }

    /** @return the message of the problem a value of another resource raises once it is known */
    private static Problem problemWhenKnown(Output<String> checked) {
        var e = assertThrows(CompletionException.class, () -> OfflineRun.value(checked));
        var problems = assertInstanceOf(ArgsException.class, e.getCause()).problems();
        assertEquals(1, problems.size());
        return problems.get(0);
    }

    @Test
    void defaultsDependOnWhetherTheContainerIsTheMainOne() {
        var c = ContainerArgs.builder().image(GHCR_IMAGE).build();
        assertEquals("app", c.name(true));
        assertEquals(null, c.name(false));
        assertEquals(Optional.empty(), c.name());
        assertEquals(Optional.of(8080), c.port(true));
        assertEquals(Optional.empty(), c.port(false));
        assertEquals(Optional.empty(), c.port());
        assertTrue(c.essential());
        assertEquals(30, c.stopTimeoutSeconds());
        assertEquals(Map.of(), c.environment());
        assertEquals(Map.of(), c.appSecrets());
        assertEquals(List.of(), c.appSecretsKmsKeyArns());
        assertEquals(Optional.empty(), c.command());
        assertEquals(Optional.empty(), c.entryPoint());
        assertEquals(Optional.empty(), c.healthCheck());
        assertEquals(List.of(), c.dependsOn());
    }

    @Test
    void givenValuesWinOverTheDefaults() {
        var c = ContainerArgs.builder().name("web").image(GHCR_IMAGE).port(3000).essential(false).stopTimeoutSeconds(90)
                .command(List.of("serve")).entryPoint(List.of("/bin/app")).dependsOn("init", "SUCCESS").build();
        assertEquals("web", c.name(true));
        assertEquals("web", c.name(false));
        assertEquals(Optional.of(3000), c.port(false));
        assertFalse(c.essential());
        assertEquals(90, c.stopTimeoutSeconds());
        assertEquals(Optional.of(List.of("serve")), c.command());
        assertEquals(Optional.of(List.of("/bin/app")), c.entryPoint());
        assertEquals(List.of(new ContainerDependency("init", "SUCCESS")), c.dependsOn());
    }

    @Test
    void builtArgsAreImmutable() {
        var builder = ContainerArgs.builder().image(GHCR_IMAGE);
        var command = new ArrayList<>(List.of("serve"));
        builder.command(command);
        var built = builder.build();
        command.add("--debug");
        assertEquals(Optional.of(List.of("serve")), built.command());
        builder.port(9000);
        assertEquals(Optional.empty(), built.port());
        assertEquals(Optional.of(9000), builder.build().port(), "the builder goes on, without the built args");
    }

    @Test
    void toBuilderCopiesEveryFieldAndLeavesTheOriginalAlone() {
        var original = ContainerArgs.builder().name("web").image(GHCR_IMAGE).port(3000).essential(true)
                .environment("A", "1").appSecret("DB", DB_SECRET).appSecretsKmsKeyArn(KEY)
                .command(List.of("serve")).entryPoint(List.of("/bin/app"))
                .healthCheck(ContainerHealthCheckArgs.builder().command(List.of("CMD", "true")).build())
                .dependsOn("init", "START").stopTimeoutSeconds(60).build();
        var copy = original.toBuilder().environment("B", "2").port(4000).build();
        assertEquals("web", copy.name().orElseThrow());
        assertEquals(GHCR_IMAGE, copy.image().orElseThrow().plain().orElseThrow());
        assertEquals(Optional.of(4000), copy.port());
        assertEquals(Optional.of(3000), original.port());
        assertEquals(List.of("A", "B"), copy.environment().keySet().stream().sorted().toList());
        assertEquals(List.of("A"), List.copyOf(original.environment().keySet()));
        assertEquals(List.of("DB"), List.copyOf(copy.appSecrets().keySet()));
        assertEquals(1, copy.appSecretsKmsKeyArns().size());
        assertEquals(original.command(), copy.command());
        assertEquals(original.entryPoint(), copy.entryPoint());
        assertEquals(original.healthCheck(), copy.healthCheck());
        assertEquals(original.dependsOn(), copy.dependsOn());
        assertEquals(60, copy.stopTimeoutSeconds());
    }

    @Test
    void aValidMainContainerHasNoProblemAndItsValuesComeSortedByName() {
        var problems = Problems.of("Test", "t");
        var checked = ContainerArgs.builder().image(GHCR_IMAGE)
                .environment("ZONE", "a").environment("APP_MODE", Output.of("prod"))
                .appSecret("DB_URL", PARAMETER).appSecret("DB_PASSWORD", DB_SECRET + ":password::")
                .appSecretsKmsKeyArn(KEY)
                .build().validateAsMain(problems.at("container"));
        assertEquals(List.of(), problems.list());
        assertEquals(GHCR_IMAGE, OfflineRun.value(checked.image().orElseThrow().output()));
        assertEquals(List.of("APP_MODE", "ZONE"), List.copyOf(checked.environment().keySet()));
        assertEquals("prod", OfflineRun.value(checked.environment().get("APP_MODE").output()));
        assertEquals(List.of("DB_PASSWORD", "DB_URL"), List.copyOf(checked.appSecrets().keySet()));
        assertEquals(PARAMETER, OfflineRun.value(checked.appSecrets().get("DB_URL").output()));
    }

    private static Arguments bad(String field, String fragment, Consumer<ContainerArgs.Builder> configure) {
        return Arguments.of(field, fragment, configure);
    }

    static Stream<Arguments> badMainContainers() {
        return Stream.of(
                bad("container.image", "has an invalid repository path component 'Acme'",
                        c -> c.image("ghcr.io/Acme/app:1")),
                bad("container.image", "write it as [HOST[:PORT]/]PATH[:TAG][@sha256:DIGEST]",
                        c -> c.image("ghcr.io/acme/app:-1")),
                bad("container.name", "'my app' is not a container name (1-255 letters, digits, '-', '_')",
                        c -> c.name("my app")),
                bad("container.name", "is not a container name", c -> c.name("a".repeat(256))),
                bad("container.port", "0 is not a TCP port (1-65535)", c -> c.port(0)),
                bad("container.port", "65536 is not a TCP port", c -> c.port(65536)),
                bad("container.essential", "the main container is always essential", c -> c.essential(false)),
                bad("container.stopTimeoutSeconds", "121 is outside 2-120", c -> c.stopTimeoutSeconds(121)),
                bad("container.stopTimeoutSeconds", "1 is outside 2-120", c -> c.stopTimeoutSeconds(1)),
                bad("container.environment", "'MY-VAR' is not a valid environment variable name",
                        c -> c.environment("MY-VAR", "1")),
                bad("container.environment", "'DB_PASSWORD' looks like a secret; plain environment values are "
                        + "stored readable in the task definition; store it in Secrets Manager or SSM and make it an app secret "
                                + "(valueFrom) instead",
                        c -> c.environment("DB_PASSWORD", "hunter2")),
                bad("container.environment", "'api_token' looks like a secret", c -> c.environment("api_token", "t")),
                bad("container.environment", "'AWS_SECRET_ACCESS_KEY' looks like a secret",
                        c -> c.environment("AWS_SECRET_ACCESS_KEY", "k")),
                bad("container.environment", "'ECS_ENGINE_AUTH_DATA' looks like a secret",
                        c -> c.environment("ECS_ENGINE_AUTH_DATA", "{}")),
                bad("container.environment", "'DB_URL' is also in appSecrets; a variable comes from one or the other",
                        c -> c.environment("DB_URL", "jdbc:x").appSecret("DB_URL", PARAMETER)),
                bad("container.appSecrets", "'1DB' is not a valid environment variable name",
                        c -> c.appSecret("1DB", PARAMETER)),
                bad("container.appSecrets.DB", "'hunter2' is neither a Secrets Manager secret ARN nor an SSM "
                        + "parameter ARN", c -> c.appSecret("DB", "hunter2")),
                bad("container.appSecrets.DB", "is a partial secret ARN",
                        c -> c.appSecret("DB", "arn:aws:secretsmanager:eu-central-1:123456789012:secret:db")),
                bad("container.appSecrets.DB", "is not an SSM parameter ARN",
                        c -> c.appSecret("DB", "arn:aws:ssm:eu-central-1:123456789012:document/x")),
                bad("container.appSecretsKmsKeyArns[0]", "is an alias ARN; use the key ARN it points to",
                        c -> c.appSecret("DB", DB_SECRET)
                                .appSecretsKmsKeyArn("arn:aws:kms:eu-central-1:123456789012:alias/app")),
                bad("container.appSecretsKmsKeyArns", "there are no appSecrets to decrypt",
                        c -> c.appSecretsKmsKeyArn(KEY)),
                bad("container.healthCheck.command", "must start with CMD or CMD-SHELL",
                        c -> c.healthCheck(ContainerHealthCheckArgs.builder().command(List.of("CMD")).build())),
                bad("container.healthCheck.command", "must start with CMD or CMD-SHELL",
                        c -> c.healthCheck(ContainerHealthCheckArgs.builder().build())),
                bad("container.healthCheck.intervalSeconds", "4 is outside 5-300",
                        c -> c.healthCheck(health().intervalSeconds(4).build())),
                bad("container.healthCheck.timeoutSeconds", "61 is outside 2-60",
                        c -> c.healthCheck(health().timeoutSeconds(61).build())),
                bad("container.healthCheck.retries", "0 is outside 1-10",
                        c -> c.healthCheck(health().retries(0).build())),
                bad("container.healthCheck.startPeriodSeconds", "301 is outside 0-300",
                        c -> c.healthCheck(health().startPeriodSeconds(301).build())),
                bad("container.dependsOn", "'READY' is not one of [START, COMPLETE, SUCCESS, HEALTHY]",
                        c -> c.dependsOn("init", "READY")));
    }

    private static ContainerHealthCheckArgs.Builder health() {
        return ContainerHealthCheckArgs.builder().command(List.of("CMD-SHELL", "curl -f http://localhost/ || exit 1"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("badMainContainers")
    void badValuesAreReportedUnderTheContainersField(String field, String fragment,
                                                     Consumer<ContainerArgs.Builder> configure) {
        var problems = problems(configure);
        assertTrue(problems.stream().anyMatch(p -> p.field().equals(field) && p.message().contains(fragment)),
                problems.toString());
    }

    @Test
    void theEnvironmentsValuesAreLeftOutOfToString() {
        var c = ContainerArgs.builder().name("web").image(GHCR_IMAGE).environment("DB_URL", "jdbc:pg://u:hunter2@db")
                .build();
        assertFalse(c.toString().contains("hunter2"), c.toString());
        assertTrue(c.toString().contains("web"), c.toString());
    }

    @Test
    void aSecretLookingVariableIsRefusedWithoutEchoingItsValue() {
        var problems = problems(c -> c.environment("DB_PASSWORD", "hunter2"));
        assertEquals(1, problems.size());
        assertFalse(problems.get(0).message().contains("hunter2"), problems.get(0).message());
    }

    @Test
    void aSidecarNeedsANameAndHasNoPortByDefault() {
        var problems = problems(ContainerArgs.builder().image("otel/collector:1").build(), false);
        assertEquals(List.of(new Problem("sidecars[0].name", "required for a sidecar: a name unique in the task")),
                problems);
        assertEquals(List.of(), problems(ContainerArgs.builder().name("otel").image("otel/collector:1")
                .essential(false).build(), false), "a sidecar may be non-essential");
    }

    @Test
    void aMissingImageIsRequired() {
        assertEquals(List.of(new Problem("container.image", "required: the image to run, e.g. "
                + "ghcr.io/OWNER/IMAGE:TAG")), problems(ContainerArgs.builder().build(), true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ghcr.io/Acme/app:1", "ghcr.io/acme/app:-1", "ghcr.io/acme/app@sha256:123"})
    void anImageOfAnotherResourceIsCheckedWhenKnownWithTheMessageOfAPlainOne(String image) {
        var plain = problems(c -> c.image(image));
        assertEquals(1, plain.size());
        var problems = Problems.of("Test", "t");
        var checked = ContainerArgs.builder().image(Output.of(image)).build().validateAsMain(problems.at("container"));
        assertEquals(List.of(), problems.list(), "nothing is known before the apply");
        assertEquals(plain.get(0), problemWhenKnown(checked.image().orElseThrow().output()));
    }

    @Test
    void anAppSecretOfAnotherResourceIsCheckedWhenKnownWithTheMessageOfAPlainOne() {
        var plain = problems(c -> c.appSecret("DB", "db-password"));
        var problems = Problems.of("Test", "t");
        var checked = ContainerArgs.builder().image(GHCR_IMAGE).appSecret("DB", Output.of("db-password")).build()
                .validateAsMain(problems.at("container"));
        assertEquals(List.of(), problems.list());
        assertEquals(plain.get(0), problemWhenKnown(checked.appSecrets().get("DB").output()));
    }

    @Test
    void aKeyOfAnotherResourceIsLeftToTheExecutionRole() {
        assertEquals(List.of(), problems(c -> c.appSecret("DB", DB_SECRET).appSecretsKmsKeyArn(Output.of("alias"))));
    }

    @Test
    void healthCheckDefaultsAreEcssOwn() {
        var h = health().build();
        assertEquals(30, h.intervalSeconds());
        assertEquals(5, h.timeoutSeconds());
        assertEquals(3, h.retries());
        assertEquals(0, h.startPeriodSeconds());
        var problems = Problems.of("Test", "t");
        h.validate(problems);
        assertEquals(List.of(), problems.list());
        assertEquals(Map.of("command", List.of("CMD-SHELL", "curl -f http://localhost/ || exit 1"), "interval", 30,
                "timeout", 5, "retries", 3, "startPeriod", 0), h.toJson());
    }
}
