package io.github.fargateprivate;

import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2.inputs.SecurityGroupIngressArgs;
import com.pulumi.aws.ecs.ClusterArgs;
import com.pulumi.aws.ecs.ServiceArgs;
import com.pulumi.aws.ecs.TaskDefinitionArgs;
import com.pulumi.aws.ecs.inputs.ClusterSettingArgs;
import com.pulumi.aws.ecs.inputs.ServiceDeploymentCircuitBreakerArgs;
import com.pulumi.aws.ecs.inputs.ServiceNetworkConfigurationArgs;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.lb.ListenerArgs;
import com.pulumi.aws.lb.LoadBalancerArgs;
import com.pulumi.aws.secretsmanager.SecretArgs;
import com.pulumi.core.Output;
import io.github.fargateprivate.ec2.NetworkArgs;
import io.github.fargateprivate.ecs.ContainerArgs;
import io.github.fargateprivate.ecs.EcsService;
import io.github.fargateprivate.ecs.EcsServiceArgs;
import io.github.fargateprivate.ecs.EcsServiceOptions;
import io.github.fargateprivate.lb.ApplicationLoadBalancerOptions;
import io.github.fargateprivate.patterns.LoadBalancedService;
import io.github.fargateprivate.patterns.LoadBalancedServiceArgs;
import io.github.fargateprivate.secretsmanager.RegistryCredentials;
import io.github.fargateprivate.testing.OfflineMocks;
import io.github.fargateprivate.testing.OfflineRun;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static io.github.fargateprivate.Fixtures.ECR_IMAGE;
import static io.github.fargateprivate.Fixtures.GHCR_IMAGE;
import static io.github.fargateprivate.Fixtures.KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A consumer's customizations reach the children they name, and none weakens a security control. */
class CustomizationsTest {

    private static final String OTHER_KEY =
            "arn:aws:kms:eu-central-1:123456789012:key/99999999-2222-3333-4444-555555555555";
    private static final String CERTIFICATE =
            "arn:aws:acm:eu-central-1:123456789012:certificate/11111111-2222-3333-4444-555555555555";
    private static final String SECURITY_GROUP = "aws:ec2/securityGroup:SecurityGroup";

    private static OfflineRun run(Customizations customizations, Consumer<LoadBalancedServiceArgs.Builder> more) {
        return OfflineRun.of(ctx -> {
            var args = LoadBalancedServiceArgs.builder().container(ContainerArgs.builder().image(ECR_IMAGE).build())
                    .customizations(customizations);
            more.accept(args);
            new LoadBalancedService("svc", args.build());
        }, new OfflineMocks());
    }

    /** An ECS service of its own, named api, with these customizations on its options. */
    private static OfflineRun standalone(Customizations customizations) {
        return OfflineRun.of(ctx -> new EcsService("api", EcsServiceArgs.builder()
                .network(NetworkArgs.builder().vpcId(OfflineMocks.DEFAULT_VPC)
                        .publicSubnetIds(OfflineMocks.DEFAULT_SUBNETS).privateSubnetIds(Fixtures.PRIVATE_SUBNETS)
                        .build())
                .container(ContainerArgs.builder().image(ECR_IMAGE).build())
                .executionRoleArn("arn:aws:iam::123456789012:role/api-exec")
                .customizations(customizations).build()), new OfflineMocks());
    }

    private static OfflineRun run(Customizations customizations) {
        return run(customizations, a -> { });
    }

    /** Asserts the run was refused for the child's field, with the message, and the child was not registered. */
    private static void refused(OfflineRun run, String child, String field, String... fragments) {
        ArgsException e = ComponentHarness.argsException(run);
        assertTrue(e.getMessage().contains("'" + child + "' weaken"), e.getMessage());
        assertTrue(e.getMessage().contains("; it was not registered:"), e.getMessage());
        assertEquals(1, e.problems().size(), e.getMessage());
        assertEquals(field, e.problems().get(0).field());
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), e.getMessage());
        }
        assertFalse(run.mocks().registrations().stream().anyMatch(r -> r.name().equals(child)),
                child + " was registered");
    }

    /**
     * Asserts the run was refused with the component's other problems, under the customization's field, before any
     * AWS resource was registered.
     */
    private static void refusedUpFront(OfflineRun run, String field, String... fragments) {
        ArgsException e = ComponentHarness.argsException(run);
        assertTrue(e.getMessage().contains("no AWS resource was registered"), e.getMessage());
        assertEquals(1, e.problems().size(), e.getMessage());
        assertEquals(field, e.problems().get(0).field());
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), e.getMessage());
        }
        assertEquals(List.of(), run.mocks().registrations().stream().map(OfflineMocks.Registration::type)
                .filter(t -> t.startsWith("aws:")).toList());
    }

    @Test
    void aCustomizationNarrowedToAChildReachesThatChildOnly() {
        var run = run(Customizations.builder().customize(SecurityGroupArgs.Builder.class, "svc-ecs-task-sg",
                b -> b.revokeRulesOnDelete(true)).build()).ok();
        assertEquals(true, run.inputs("svc-ecs-task-sg").get("revokeRulesOnDelete"));
        assertFalse(run.inputs("svc-lb-alb-sg").containsKey("revokeRulesOnDelete"));
        assertEquals("Tasks of svc-fargate: the load balancer only, on the container port",
                run.inputs("svc-ecs-task-sg").get("description"), "the library's own args stay");
    }

    @Test
    void aTypeWideCustomizationReachesEveryChildOfThatTypeInEveryPart() {
        var run = run(Customizations.builder().customize(SecurityGroupArgs.Builder.class,
                b -> b.revokeRulesOnDelete(true)).build()).ok();
        var groups = run.mocks().ofType(SECURITY_GROUP);
        assertTrue(groups.size() >= 3, "the task's, the load balancer's and its targets' groups: " + groups);
        groups.forEach(g -> assertEquals(true, run.inputs(g.name()).get("revokeRulesOnDelete"), g.name()));
    }

    @Test
    void aHarmlessCustomizationOfAControlledArgsTypePassesAndTheTagsStay() {
        var run = run(Customizations.builder()
                .customize(TaskDefinitionArgs.Builder.class, b -> b.pidMode("task"))
                .customize(LoadBalancerArgs.Builder.class, b -> b.idleTimeout(120).dropInvalidHeaderFields(true))
                .build(), a -> a.tags(Map.of("team", "orders"))).ok();
        assertEquals("task", run.inputs("svc-ecs-task").get("pidMode"));
        assertEquals(Map.of("team", "orders"), run.inputs("svc-ecs-task").get("tags"));
        assertEquals(120.0, run.inputs("svc-lb-alb").get("idleTimeout"));
        assertEquals(true, run.inputs("svc-lb-alb").get("dropInvalidHeaderFields"));
    }

    @Test
    void customizationsOnTheServicesOptionsReachAStandaloneServicesChildren() {
        var run = standalone(Customizations.builder().customize(TaskDefinitionArgs.Builder.class,
                b -> b.pidMode("task")).build()).ok();
        assertEquals("task", run.inputs("api-task").get("pidMode"));
    }

    @Test
    void theHostsPidNamespaceIsRefusedBeforeAnyChildIsRegistered() {
        refusedUpFront(run(Customizations.builder().customize(TaskDefinitionArgs.Builder.class,
                        b -> b.pidMode("host")).build()), "customizations[0].pidMode", "TaskDefinitionArgs: 'host' "
                        + "shares the host's process namespace, which Security Hub ECS.3 (no host PID namespace) "
                        + "forbids; use 'task' or leave pidMode unset");
    }

    @Test
    void aPrivilegedContainerIsRefusedBeforeAnyChildIsRegistered() {
        refusedUpFront(run(Customizations.builder().customize(ServiceArgs.Builder.class, b -> b.propagateTags(
                        "SERVICE")).customize(TaskDefinitionArgs.Builder.class, b -> b.containerDefinitions(
                        "[{\"name\":\"app\",\"privileged\":true,\"readonlyRootFilesystem\":true}]")).build()),
                "customizations[1].containerDefinitions", "container 'app' sets privileged true, which Security Hub "
                        + "ECS.4 (non-privileged containers) forbids; keep readonlyRootFilesystem true and privileged "
                        + "false in every container");
    }

    @Test
    void aWritableRootFileSystemIsRefusedBeforeAnyChildIsRegistered() {
        refusedUpFront(run(Customizations.builder().customize(TaskDefinitionArgs.Builder.class, "svc-ecs-task",
                        b -> b.containerDefinitions("[{\"name\":\"app\"}]")).build()),
                "customizations[0].containerDefinitions", "TaskDefinitionArgs 'svc-ecs-task': container 'app' has a "
                        + "writable root file system, which Security Hub ECS.5 (read-only root file system) forbids");
    }

    @Test
    void anotherIngressOfTheTasksGroupIsRefusedBeforeAnyChildIsRegistered() {
        refusedUpFront(run(Customizations.builder().customize(SecurityGroupArgs.Builder.class, "svc-ecs-task-sg",
                        b -> b.ingress(SecurityGroupIngressArgs.builder().protocol("tcp").fromPort(8080).toPort(8080)
                                .cidrBlocks("0.0.0.0/0").build())).build()),
                "customizations[0].ingress", "SecurityGroupArgs 'svc-ecs-task-sg': the customization changes what "
                        + "only the library sets, for network isolation (the tasks admit only the load balancer's "
                        + "security group, which sends only to them); leave the security groups' rules to the library");
    }

    @Test
    void theServicesOwnCustomizationsAreCheckedUnderItsField() {
        refusedUpFront(run(Customizations.none(), a -> a.service(EcsServiceOptions.builder().customizations(
                        Customizations.builder().customize(TaskDefinitionArgs.Builder.class, b -> b.pidMode("host"))
                                .build()).build())), "service.customizations[0].pidMode", "Security Hub ECS.3");
    }

    @Test
    void aStandaloneServiceRefusesBeforeRegisteringAnyChild() {
        var run = standalone(Customizations.builder().customize(ServiceArgs.Builder.class,
                b -> b.deploymentCircuitBreaker(ServiceDeploymentCircuitBreakerArgs.builder().enable(false)
                        .rollback(false).build())).build());
        refusedUpFront(run, "customizations[0].deploymentCircuitBreaker", "keep enable and rollback true");
    }

    @Test
    void keepingInvalidHeaderFieldsIsRefused() {
        refused(run(Customizations.builder().customize(LoadBalancerArgs.Builder.class,
                b -> b.dropInvalidHeaderFields(false)).build()), "svc-lb-alb", "dropInvalidHeaderFields",
                "dropInvalidHeaderFields: false instead of true weakens Security Hub ELB.4 (drop invalid header "
                        + "fields); leave dropInvalidHeaderFields true");
    }

    @Test
    void anotherTlsPolicyIsRefusedWithTheOptionThatSetsIt() {
        refused(run(Customizations.builder().customize(ListenerArgs.Builder.class, "svc-lb-https",
                        b -> b.sslPolicy("ELBSecurityPolicy-2016-08")).build(),
                a -> a.loadBalancer(ApplicationLoadBalancerOptions.builder().certificateArn(CERTIFICATE).build())),
                "svc-lb-https", "sslPolicy", "sslPolicy: ELBSecurityPolicy-2016-08 replaces "
                        + "ELBSecurityPolicy-TLS13-1-3-2021-06, which Security Hub ELB.17 (recommended TLS policy) "
                        + "requires; set the load balancer's sslPolicy option instead");
    }

    @Test
    void anotherKeyOfTheLogGroupIsRefused() {
        refused(run(Customizations.builder().customize(LogGroupArgs.Builder.class, b -> b.kmsKeyId(OTHER_KEY))
                        .build(), a -> a.service(EcsServiceOptions.builder().logKmsKeyArn(KEY).build())),
                "svc-ecs-logs", "kmsKeyId", "CloudWatch log encryption", "set the service's logKmsKeyArn instead");
    }

    @Test
    void anotherKeyOfTheCredentialsSecretIsRefused() {
        refused(run(Customizations.builder().customize(SecretArgs.Builder.class, b -> b.kmsKeyId(OTHER_KEY))
                        .build(), a -> a.container(ContainerArgs.builder().image(GHCR_IMAGE).build())
                        .registryCredentials(RegistryCredentials.create("octocat", Output.ofSecret("ghp_token"))
                                .kmsKeyArn(KEY))),
                "svc-credentials-secret", "kmsKeyId", "the registry credentials' customer managed key",
                "set the credentials' kmsKeyArn instead");
    }

    @Test
    void aBroaderPolicyOfTheExecutionRoleIsRefusedBeforeAnyChildIsRegistered() {
        refusedUpFront(run(Customizations.builder().customize(RolePolicyArgs.Builder.class,
                b -> b.policy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\","
                        + "\"Resource\":\"*\"}]}")).build()), "customizations[0].policy", "least privilege (the roles "
                        + "hold only the library's statements, on exact ARNs); grant more through the library's options");
    }

    @Test
    void aCircuitBreakerWithoutRollbackIsRefusedBeforeAnyChildIsRegistered() {
        refusedUpFront(run(Customizations.builder().customize(ServiceArgs.Builder.class,
                        b -> b.deploymentCircuitBreaker(ServiceDeploymentCircuitBreakerArgs.builder().enable(true)
                                .rollback(false).build())).build()),
                "customizations[0].deploymentCircuitBreaker", "the deployment circuit breaker is no longer on with "
                        + "rollback, which failed rollouts (a failed deployment rolls back) requires; keep enable and "
                        + "rollback true");
    }

    @Test
    void notWaitingForASteadyStateIsRefused() {
        refused(run(Customizations.builder().customize(ServiceArgs.Builder.class, b -> b.waitForSteadyState(false))
                .build()), "svc-ecs-service", "waitForSteadyState", "set the service's waitForSteadyState option");
    }

    @Test
    void aPublicIpForTasksWithoutOneIsRefused() {
        refused(run(Customizations.builder().customize(ServiceArgs.Builder.class, b -> b.networkConfiguration(
                ServiceNetworkConfigurationArgs.builder().subnets(Fixtures.PRIVATE_SUBNETS).assignPublicIp(true)
                        .build())).build(), a -> a.network(NetworkArgs.builder().vpcId(OfflineMocks.DEFAULT_VPC)
                        .publicSubnetIds(OfflineMocks.DEFAULT_SUBNETS).privateSubnetIds(Fixtures.PRIVATE_SUBNETS)
                        .build())),
                "svc-ecs-service", "networkConfiguration", "Security Hub ECS.2");
    }

    @Test
    void aClusterWithoutContainerInsightsIsRefused() {
        refused(run(Customizations.builder().customize(ClusterArgs.Builder.class, b -> b.settings(
                ClusterSettingArgs.builder().name("containerInsights").value("disabled").build())).build()),
                "svc-ecs-cluster", "settings", "Security Hub ECS.12");
    }

    @Test
    void onlyABuilderOfAwsArgsIsACustomizationsKey() {
        var e = assertThrows(IllegalArgumentException.class, () -> Customizations.builder()
                .customize(StringBuilder.class, b -> b.append("x")));
        assertEquals("java.lang.StringBuilder is not the builder of AWS provider args (e.g. "
                + "TaskDefinitionArgs.Builder.class)", e.getMessage());
        assertTrue(Customizations.builder().build().isEmpty());
    }
}
