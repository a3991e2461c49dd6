package io.github.fargateprivate.iam;

import com.google.gson.JsonParser;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.core.Output;
import io.github.fargateprivate.ComponentHarness;
import io.github.fargateprivate.ComponentHarness.Created;
import io.github.fargateprivate.Problem;
import io.github.fargateprivate.testing.OfflineMocks;
import io.github.fargateprivate.testing.OfflineRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TaskRoleTest {

    private static final String POLICY_TYPE = "aws:iam/rolePolicy:RolePolicy";
    private static final String TABLE = "arn:aws:dynamodb:eu-central-1:123456789012:table/orders";
    private static final String EXEC_STATEMENT = "{\"Sid\":\"EcsExecChannels\",\"Effect\":\"Allow\",\"Action\":["
            + "\"ssmmessages:CreateControlChannel\",\"ssmmessages:CreateDataChannel\","
            + "\"ssmmessages:OpenControlChannel\",\"ssmmessages:OpenDataChannel\"],\"Resource\":\"*\"}";

    private static Created<TaskRole> role(Consumer<TaskRoleArgs.Builder> configure) {
        return ComponentHarness.create(options -> new TaskRole("x", args(configure), options));
    }

    private static TaskRoleArgs args(Consumer<TaskRoleArgs.Builder> configure) {
        var b = TaskRoleArgs.builder();
        configure.accept(b);
        return b.build();
    }

    private static PolicyStatement.Builder readOrders() {
        return PolicyStatement.builder().sid("ReadOrders").action("dynamodb:GetItem").action("dynamodb:Query")
                .resource(TABLE);
    }

    private static String trust(String region) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
                + "\"ecs-tasks.amazonaws.com\"},\"Action\":\"sts:AssumeRole\",\"Condition\":{"
                + "\"StringEquals\":{\"aws:SourceAccount\":\"123456789012\"},"
                + "\"ArnLike\":{\"aws:SourceArn\":\"arn:aws:ecs:" + region + ":123456789012:*\"}}}]}";
    }

    private static Object document(String... statements) {
        return JsonParser.parseString("{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements)
                + "]}");
    }

    @Test
    void trustsEcsTasksOfTheAccountAndRegionOnly() {
        var role = role(a -> { }).ok();
        assertEquals(JsonParser.parseString(trust("eu-central-1")), role.run().json("x-role", "assumeRolePolicy"));
    }

    @Test
    void withoutStatementsThereIsNoPolicy() {
        var role = role(a -> { }).ok();
        assertEquals(List.of(), role.run().mocks().ofType(POLICY_TYPE));
        assertTrue(role.component().policy().isEmpty());
        assertEquals("arn:aws:iam::123456789012:role/x-role-1a2b3c4", role.value(TaskRole::arn));
        ComponentHarness.assertChildren(role, Set.of("x-role"));
    }

    @Test
    void statementsOnResourcesOfOtherResourcesBecomeThePolicy() {
        var run = OfflineRun.of(ctx -> {
            var bucket = new BucketV2("reports");
            new TaskRole("x", TaskRoleArgs.builder()
                    .statement(readOrders().build())
                    .statement(PolicyStatement.builder().sid("ReadReports").action("s3:GetObject")
                            .resource(bucket.arn().applyValue(arn -> arn + "/*")).build())
                    .build());
        }, new OfflineMocks()).ok();
        assertEquals(document(
                "{\"Sid\":\"ReadOrders\",\"Effect\":\"Allow\",\"Action\":[\"dynamodb:GetItem\",\"dynamodb:Query\"],"
                        + "\"Resource\":\"" + TABLE + "\"}",
                "{\"Sid\":\"ReadReports\",\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
                        + "\"Resource\":\"arn:aws:s3:::reports-1a2b3c4/*\"}"), run.json("x-policy", "policy"));
        assertEquals("x-role-1a2b3c4", run.inputs("x-policy").get("role"));
    }

    @Test
    void executeCommandAddsExactlyTheFourChannelActionsOnAnyResource() {
        var role = role(a -> a.statement(readOrders().build()).executeCommand(true)).ok();
        assertEquals(document("{\"Sid\":\"ReadOrders\",\"Effect\":\"Allow\",\"Action\":[\"dynamodb:GetItem\","
                + "\"dynamodb:Query\"],\"Resource\":\"" + TABLE + "\"}", EXEC_STATEMENT), role.run().json("x-policy",
                "policy"));
    }

    @Test
    void executeCommandAloneIsThePolicy() {
        var role = role(a -> a.executeCommand(true)).ok();
        assertEquals(document(EXEC_STATEMENT), role.run().json("x-policy", "policy"));
        ComponentHarness.assertChildren(role, Set.of("x-role", "x-policy"));
    }

    @Test
    void withoutExecuteCommandThereIsNoSsmMessagesAction() {
        assertFalse(String.valueOf(role(a -> a.statement(readOrders().build())).ok().inputs("x-policy").get("policy"))
                .contains("ssmmessages"));
    }

    static Stream<Arguments> badArgs() {
        return Stream.of(
                Arguments.of("sid with a space", (Consumer<TaskRoleArgs.Builder>) a -> a.statement(readOrders()
                        .sid("Read orders").build()), List.of(new Problem("statements[0].sid",
                        "'Read orders' is not a statement id (1-128 letters and digits)"))),
                Arguments.of("every action of a service", (Consumer<TaskRoleArgs.Builder>) a -> a
                        .statement(readOrders().build())
                        .statement(PolicyStatement.builder().sid("All").action("s3:*").resource("arn:aws:s3:::b")
                                .build()), List.of(new Problem("statements[1].actions",
                        "'s3:*' allows every action of the service; name the actions"))),
                Arguments.of("resource *", (Consumer<TaskRoleArgs.Builder>) a -> a.statement(readOrders()
                        .resource("*").build()), List.of(new Problem("statements[0].resources[1]",
                        "Resource * grants the action on every resource of the account; name the ARNs"))),
                Arguments.of("every table", (Consumer<TaskRoleArgs.Builder>) a -> a.statement(PolicyStatement
                        .builder().sid("A").action("dynamodb:GetItem")
                        .resource("arn:aws:dynamodb:eu-central-1:123456789012:*").build()),
                        List.of(new Problem("statements[0].resources[0]", "'arn:aws:dynamodb:eu-central-1:"
                                + "123456789012:*' names every resource of dynamodb; name the resources"))),
                Arguments.of("two statements of one sid", (Consumer<TaskRoleArgs.Builder>) a -> a
                        .statement(readOrders().build()).statement(readOrders().build()),
                        List.of(new Problem("statements", "two statements share a sid; give each its own"))),
                Arguments.of("the sid of the ECS Exec statement", (Consumer<TaskRoleArgs.Builder>) a -> a
                        .statement(readOrders().sid("EcsExecChannels").build()).executeCommand(true),
                        List.of(new Problem("statements[0].sid", "'EcsExecChannels' is the sid of the statement that "
                                + "executeCommand adds; give this statement another"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badArgs")
    void badArgsRegisterNothing(String description, Consumer<TaskRoleArgs.Builder> configure, List<Problem> expected) {
        assertEquals(expected, ComponentHarness.refusedBeforeAnyChild(role(configure).run()));
    }

    @Test
    void theExecSidIsFreeWithoutExecuteCommand() {
        role(a -> a.statement(readOrders().sid("EcsExecChannels").build())).ok();
    }

    @Test
    void aBadResourceOfAnotherResourceFailsWithThePlainProblem() {
        var plain = ComponentHarness.refusedBeforeAnyChild(role(a -> a.statement(readOrders()
                .resource("arn:aws:s3:::*").build())).run());
        var run = role(a -> a.statement(readOrders().resource(Output.of("arn:aws:s3:::*")).build())).run();
        assertEquals(plain, ComponentHarness.argsException(run).problems());
        assertEquals(List.of(new Problem("statements[0].resources[1]",
                "'arn:aws:s3:::*' names every resource of s3; name the resources")), plain);
    }

    @Test
    void theArnResolvesOnlyOnceThePolicyExists() {
        var role = role(a -> a.statement(readOrders().build())).ok();
        assertEquals("arn:aws:iam::123456789012:role/x-role-1a2b3c4", role.value(TaskRole::arn));
        ComponentHarness.assertWaitsFor(role.component().arn(), "x-role", "x-policy");
    }

    @Test
    void tagsGoOnTheRole() {
        assertEquals(Map.of("team", "platform"), role(a -> a.tags(Map.of("team", "platform"))).ok()
                .inputs("x-role").get("tags"));
        assertFalse(role(a -> { }).ok().inputs("x-role").containsKey("tags"));
    }

    @Test
    void withAnExplicitProviderTheTrustNamesItsRegionAndEverythingGoesThroughIt() {
        var role = ComponentHarness.createWithProvider(options -> new TaskRole("x",
                args(a -> a.statement(readOrders().build()).executeCommand(true)), options)).ok();
        assertEquals(JsonParser.parseString(trust(ComponentHarness.PROVIDER_REGION)),
                role.run().json("x-role", "assumeRolePolicy"));
        ComponentHarness.assertEverythingThroughProvider(role.run());
        assertEquals(ComponentHarness.ENVIRONMENT_INVOKES, ComponentHarness.sortedInvokes(role.run()));
        ComponentHarness.assertChildren(role, Set.of("x-role", "x-policy"));
    }

    @Test
    void theTrustNamesTheProvidersPartition() {
        var role = ComponentHarness.create(options -> new TaskRole("x", args(a -> { }), options), new ChinaMocks(),
                false).ok();
        assertEquals("arn:aws-cn:ecs:cn-north-1:123456789012:*", role.run().json("x-role", "assumeRolePolicy")
                .getAsJsonObject().getAsJsonArray("Statement").get(0).getAsJsonObject().getAsJsonObject("Condition")
                .getAsJsonObject("ArnLike").get("aws:SourceArn").getAsString());
    }

    @Test
    void toBuilderKeepsEverything() {
        var args = args(a -> a.statement(readOrders().build()).executeCommand(true).tags(Map.of("a", "b")));
        var copy = args.toBuilder().build();
        assertEquals(args.statements(), copy.statements());
        assertTrue(copy.executeCommand());
        assertEquals(Map.of("a", "b"), copy.tags());
    }
}
