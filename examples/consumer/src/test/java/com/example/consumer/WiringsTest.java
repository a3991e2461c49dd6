package com.example.consumer;

import com.google.gson.JsonObject;
import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.resources.ProviderResource;
import io.github.fargateprivate.ecs.CpuArchitecture;
import io.github.fargateprivate.ecs.Launch;
import io.github.fargateprivate.ec2.NetworkArgs;
import io.github.fargateprivate.ec2.VpcEndpointsOptions;
import io.github.fargateprivate.ecr.PullThroughCacheArgs;
import io.github.fargateprivate.ecr.PullThroughCacheOptions;
import io.github.fargateprivate.ecs.CapacityProviderStrategy;
import io.github.fargateprivate.ecs.ContainerArgs;
import io.github.fargateprivate.ecs.Ec2CapacityOptions;
import io.github.fargateprivate.ecs.EcsService;
import io.github.fargateprivate.ecs.EcsServiceOptions;
import io.github.fargateprivate.ecs.FargateService;
import io.github.fargateprivate.lb.ApplicationLoadBalancerOptions;
import io.github.fargateprivate.patterns.LoadBalancedFargateService;
import io.github.fargateprivate.patterns.LoadBalancedService;
import io.github.fargateprivate.patterns.LoadBalancedServiceArgs;
import io.github.fargateprivate.registry.Registry;
import io.github.fargateprivate.secretsmanager.RegistryCredentials;
import io.github.fargateprivate.testing.OfflineMocks;
import io.github.fargateprivate.testing.OfflineRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static com.example.consumer.Runs.allow;
import static com.example.consumer.Runs.containers;
import static com.example.consumer.Runs.json;
import static com.example.consumer.Runs.madeUp;
import static com.example.consumer.Runs.namesOf;
import static io.github.fargateprivate.testing.OfflineRun.block;
import static io.github.fargateprivate.testing.OfflineRun.blocks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs each program of {@link Wirings} under the library's mocks and checks what it registers. */
class WiringsTest {

    private static final String ACCOUNT = OfflineMocks.ACCOUNT;
    private static final String REGION = "eu-central-1";
    /** What {@link Wirings#GHCR_SECRET}, a secret name, stands for in an IAM policy of the stack's region. */
    private static final String GHCR_SECRET_PATTERN =
            "arn:aws:secretsmanager:" + REGION + ":" + ACCOUNT + ":secret:" + Wirings.GHCR_SECRET + "-??????";

    private static final String VPC = "vpc-0123456789abcdef0";
    private static final List<String> PUBLIC_SUBNETS = List.of("subnet-0aaaaaaaaaaaaaaa1", "subnet-0aaaaaaaaaaaaaaa2");
    private static final List<String> PRIVATE_SUBNETS = List.of("subnet-0bbbbbbbbbbbbbbb1", "subnet-0bbbbbbbbbbbbbbb2");
    private static final List<String> CORPORATE_CIDRS = List.of("203.0.113.0/24", "198.51.100.0/24");
    /** What the edge stack exports of its load balancer. */
    private static final String EDGE_LISTENER = "arn:aws:elasticloadbalancing:eu-central-1:123456789012:listener/app/"
            + "edge-alb-2f6d1e/50dc6c495c0c9188/f2f7dc8efc522ab2";
    private static final String EDGE_GROUP = "sg-0e1e1e1e1e1e1e1e1";
    private static final String EDGE_TARGETS = "sg-0e2e2e2e2e2e2e2e2";

    private static final String REGISTRY_USER = "octocat";
    private static final String REGISTRY_PASSWORD = "ghp_n0t\"a-real-token";
    /** A part of the password that JSON escaping leaves as it is, to find it in any input. */
    private static final String PASSWORD_PART = "a-real-token";
    /** The config of the programs that create the registry credentials. */
    private static final Map<String, String> REGISTRY_CONFIG = Map.of("registryUsername", REGISTRY_USER,
            "registryPassword", REGISTRY_PASSWORD);
    /** The key of {@link #REGISTRY_CONFIG} that is a secret. */
    private static final Set<String> SECRET_KEYS = Set.of("registryPassword");

    private static final String TASK_DEFINITION = "aws:ecs/taskDefinition:TaskDefinition";
    private static final String LISTENER = "aws:lb/listener:Listener";
    private static final String TARGET_GROUP = "aws:lb/targetGroup:TargetGroup";
    private static final String SERVICE = "aws:ecs/service:Service";
    private static final String ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
    private static final String ATTACHMENT = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";

    /** How a program of {@link Wirings} ends. */
    private enum Outcome {
        /** It runs to the end. */
        DEPLOYS,
        /** The library refuses a plain value before registering any child. */
        REFUSED_BEFORE_CHILDREN,
        /** The library refuses a value of an Output inside the apply that consumes it. */
        FAILS_IN_APPLY
    }

    /**
     * One program of {@link Wirings}.
     *
     * @param readsConfig whether it creates the registry credentials from {@link #REGISTRY_CONFIG}
     */
    private record Scenario(String name, Consumer<Context> program, Outcome outcome, boolean readsConfig) {
        Scenario(String name, Consumer<Context> program, Outcome outcome) {
            this(name, program, outcome, false);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static final List<Scenario> SCENARIOS = List.of(
            new Scenario("w01ImageFromEcrRepository", Wirings::w01ImageFromEcrRepository, Outcome.DEPLOYS),
            new Scenario("w02CertificateFromAcm", Wirings::w02CertificateFromAcm, Outcome.DEPLOYS),
            new Scenario("w03RegistryKeyFromKms", Wirings::w03RegistryKeyFromKms, Outcome.DEPLOYS, true),
            new Scenario("w04AppSecretsFromStack", Wirings::w04AppSecretsFromStack, Outcome.DEPLOYS),
            new Scenario("w05NetworkFromStackReference", Wirings::w05NetworkFromStackReference, Outcome.DEPLOYS),
            new Scenario("w06ExplicitProvider", Wirings::w06ExplicitProvider, Outcome.DEPLOYS),
            new Scenario("w07SharedClusterAndLoadBalancer", Wirings::w07SharedClusterAndLoadBalancer, Outcome.DEPLOYS),
            new Scenario("w08Sidecar", Wirings::w08Sidecar, Outcome.DEPLOYS),
            new Scenario("w09TaskRoleWithStatements", Wirings::w09TaskRoleWithStatements, Outcome.DEPLOYS),
            new Scenario("w10Tags", Wirings::w10Tags, Outcome.DEPLOYS),
            new Scenario("w11HealthCheckAndCapacity", Wirings::w11HealthCheckAndCapacity, Outcome.DEPLOYS),
            new Scenario("w12Handles", Wirings::w12Handles, Outcome.DEPLOYS),
            new Scenario("w13Ec2LaunchType", Wirings::w13Ec2LaunchType, Outcome.DEPLOYS, true),
            new Scenario("w14PullThroughCacheWithVpcEndpoints", Wirings::w14PullThroughCacheWithVpcEndpoints,
                    Outcome.DEPLOYS, true),
            new Scenario("w15LoadBalancerOfAnotherStack", Wirings::w15LoadBalancerOfAnotherStack, Outcome.DEPLOYS),
            new Scenario("u01DeprecatedFargateServiceOf1x", Wirings::u01DeprecatedFargateServiceOf1x,
                    Outcome.DEPLOYS),
            new Scenario("b01BadImage", Wirings::b01BadImage, Outcome.REFUSED_BEFORE_CHILDREN),
            new Scenario("b02PartialSecretArn", Wirings::b02PartialSecretArn, Outcome.REFUSED_BEFORE_CHILDREN),
            new Scenario("b03KeyInAnotherRegion", Wirings::b03KeyInAnotherRegion, Outcome.REFUSED_BEFORE_CHILDREN),
            new Scenario("b04BadImageFromOutput", Wirings::b04BadImageFromOutput, Outcome.FAILS_IN_APPLY));

    static Stream<Scenario> scenarios() {
        return SCENARIOS.stream();
    }

    /** Mocks in which {@value Wirings#NETWORK_STACK} and {@value Wirings#EDGE_STACK} answer with their outputs. */
    private static OfflineMocks mocks() {
        return new OfflineMocks().stackReference(Wirings.NETWORK_STACK, Map.of("vpcId", VPC,
                        "publicSubnetIds", PUBLIC_SUBNETS, "privateSubnetIds", PRIVATE_SUBNETS,
                        "corporateCidrBlocks", CORPORATE_CIDRS))
                .stackReference(Wirings.EDGE_STACK, Map.of("listenerArn", EDGE_LISTENER,
                        "securityGroupId", EDGE_GROUP, "targetsSecurityGroupId", EDGE_TARGETS));
    }

    /** Runs a program with no config. */
    private static OfflineRun run(Consumer<Context> program, OfflineMocks mocks) {
        return Runs.run(program, Map.of(), Set.of(), mocks);
    }

    /** Runs a program with {@link #REGISTRY_CONFIG}, the password a secret. */
    private static OfflineRun runWithConfig(Consumer<Context> program, OfflineMocks mocks) {
        return Runs.run(program, REGISTRY_CONFIG, SECRET_KEYS, mocks);
    }

    private static OfflineRun run(Scenario scenario, OfflineMocks mocks) {
        return scenario.readsConfig() ? runWithConfig(scenario.program(), mocks) : run(scenario.program(), mocks);
    }

    private static OfflineRun deploy(Consumer<Context> program) {
        return run(program, mocks()).ok();
    }

    private static OfflineRun deployWithConfig(Consumer<Context> program) {
        return runWithConfig(program, mocks()).ok();
    }

    /** @return the inputs a program run with {@link #REGISTRY_CONFIG} sends the engine marked secret */
    private static Set<String> secretInputsWithConfig(Consumer<Context> program) {
        return Runs.secretInputs(program, REGISTRY_CONFIG, SECRET_KEYS, mocks());
    }

    /**
     * @return the inputs that hold the registry password, as {@code resource.input}: the mocks see secret inputs
     *     unwrapped, so this is every place the password goes in plain text (base64 user data is read decoded)
     */
    private static Set<String> inputsHoldingThePassword(OfflineRun run) {
        Set<String> holding = new TreeSet<>();
        run.mocks().registrations().forEach(r -> r.inputs().forEach((input, value) -> {
            if (String.valueOf(value).contains(PASSWORD_PART)) {
                holding.add(r.name() + "." + input);
            }
        }));
        return holding;
    }

    private static Set<String> typesAndNames(OfflineMocks mocks) {
        return mocks.registrations().stream().map(r -> r.type() + " " + r.name())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String failureOf(Consumer<Context> program) {
        var run = run(program, mocks());
        String failure = run.failure();
        assertTrue(run.mocks().awsResources().isEmpty(),
                () -> "registered before failing: " + run.mocks().awsResources());
        return failure;
    }

    /** The one secret or environment entry list of a container, as {@code name -> value}. */
    private static Map<String, String> entries(JsonObject container, String key, String valueKey) {
        var entries = new LinkedHashMap<String, String>();
        container.getAsJsonArray(key).forEach(e -> entries.put(e.getAsJsonObject().get("name").getAsString(),
                e.getAsJsonObject().get(valueKey).getAsString()));
        return entries;
    }

    /**
     * @return each composite's service child by the composite's name: {@code <name>-ecs}, or {@code <name>-fargate}
     *     under the 1.x names {@code u01} keeps
     */
    @SuppressWarnings("removal") // LoadBalancedFargateService.TYPE: u01's deprecated component, on purpose
    private static Map<String, String> serviceChildren(OfflineRun run) {
        var children = new TreeMap<String, String>();
        namesOf(run, LoadBalancedService.TYPE).forEach(name -> children.put(name, name + "-ecs"));
        namesOf(run, LoadBalancedFargateService.TYPE).forEach(name -> children.put(name, name + "-fargate"));
        return children;
    }

    // ---------------------------------------------------------------------------------------------------- all

    @Test
    void everyScenarioOfWiringsIsRunHere() {
        Set<String> methods = Arrays.stream(Wirings.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers()))
                .filter(m -> m.getParameterCount() == 1 && m.getParameterTypes()[0] == Context.class)
                .map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(methods, SCENARIOS.stream().map(Scenario::name).collect(Collectors.toCollection(TreeSet::new)));
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void registersTheSameResourcesInAPreviewWhereNewOutputsAreUnknown(Scenario scenario) {
        var deployed = run(scenario, mocks());
        var previewed = run(scenario, mocks().unknownOutputs());
        switch (scenario.outcome()) {
            case DEPLOYS -> {
                deployed.ok();
                previewed.ok();
                assertFalse(deployed.mocks().ofType(SERVICE).isEmpty(), "no ECS service");
                // Every wiring here is what the library would have it: nothing to warn of, in either mode.
                assertEquals(List.of(), deployed.warnings());
                assertEquals(List.of(), previewed.warnings());
                assertEquals(typesAndNames(deployed.mocks()), typesAndNames(previewed.mocks()));
            }
            case REFUSED_BEFORE_CHILDREN -> {
                deployed.failure();
                previewed.failure();
                assertTrue(deployed.mocks().awsResources().isEmpty(), () -> "registered: " + deployed.mocks()
                        .awsResources());
                assertEquals(typesAndNames(deployed.mocks()), typesAndNames(previewed.mocks()));
            }
            case FAILS_IN_APPLY -> {
                // The engine stops the program when the apply fails; which siblings were registered by then depends
                // on timing (and differs from one run to the next), so only the resources that consume the refused
                // value are compared: neither run registers them.
                for (var r : List.of(deployed, previewed)) {
                    assertTrue(r.failure().contains("container.image"), r::errorText);
                    assertEquals(Set.of(), namesOf(r, TASK_DEFINITION));
                    assertEquals(Set.of(), namesOf(r, SERVICE));
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void readsNoConfigButToCreateRegistryCredentials(Scenario scenario) {
        // run(...) gives config only to the programs that read it: every other program must run without any.
        var plain = run(scenario, mocks());
        assertEquals(scenario.outcome() == Outcome.DEPLOYS, plain.succeeded(), plain::errorText);
        if (scenario.readsConfig()) {
            var without = run(scenario.program(), mocks());
            assertTrue(without.failure().contains(Runs.PROJECT + ":registryUsername"), without::errorText);
            assertTrue(without.mocks().awsResources().isEmpty(), () -> "registered: " + without.mocks()
                    .awsResources());
            return;
        }
        if (scenario.outcome() == Outcome.FAILS_IN_APPLY) {
            return;
        }
        // ... and config it does not read changes nothing it registers.
        var configured = runWithConfig(scenario.program(), mocks());
        assertEquals(Set.copyOf(plain.mocks().registrations()), Set.copyOf(configured.mocks().registrations()));
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void everyServiceLetsItsExecutionRoleWriteExactlyItsLogsAndNoRoleHasAManagedPolicy(Scenario scenario) {
        if (scenario.outcome() != Outcome.DEPLOYS) {
            return;
        }
        var run = run(scenario, mocks()).ok();
        Map<String, String> services = serviceChildren(run);
        assertFalse(services.isEmpty());
        services.forEach((service, child) -> {
            assertEquals(List.of(Runs.writeLogs(run, child + "-logs")), run.statements(child + "-exec-logs", "policy"),
                    service);
            assertEquals(madeUp(run, service + "-execution-exec-role", "name"),
                    run.inputs(child + "-exec-logs").get("role"), service);
        });
        // Only w13's container instances hold a managed policy: AWS's for the ECS agent, on their own role.
        assertEquals(scenario.name().startsWith("w13") ? Set.of("w13-ecs-ec2-instance-ecs") : Set.of(),
                namesOf(run, ATTACHMENT));
        // Only w01's and w14's images are on ECR, w14's through the cache (w08's collector is on ECR Public, which
        // needs no IAM permission).
        var ecrPolicies = Set.of("w01-execution-exec-policy", "w14-execution-exec-policy");
        run.mocks().ofType(ROLE_POLICY).forEach(p -> assertEquals(ecrPolicies.contains(p.name()),
                String.valueOf(p.inputs().get("policy")).contains("ecr:"), p.name()));
    }

    // ---------------------------------------------------------------------------------------------------- w01

    @Test
    void w01RunsTheRepositorysTagWithoutRegistryCredentials() {
        var run = deploy(Wirings::w01ImageFromEcrRepository);
        List<JsonObject> containers = containers(run, "w01-ecs-task");
        assertEquals(1, containers.size());
        JsonObject app = containers.get(0);
        assertEquals(madeUp(run, "w01-repo", "repositoryUrl") + ":" + Wirings.ECR_TAG, app.get("image").getAsString());
        assertNull(app.get("repositoryCredentials"), app::toString);
        assertEquals("IMMUTABLE", run.inputs("w01-repo").get("imageTagMutability"));
        assertTrue(run.mocks().awsResources().stream().noneMatch(r -> r.type().startsWith("aws:secretsmanager/")),
                "a credentials secret was created for an ECR image");
    }

    @Test
    void w01ExecutionRolePullsFromExactlyTheRepositoryAndHasNoManagedPolicy() {
        var run = deploy(Wirings::w01ImageFromEcrRepository);
        assertEquals(List.of(
                        allow("PullImages", List.of("ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer",
                                "ecr:BatchGetImage"), madeUp(run, "w01-repo", "arn"), null),
                        // IAM offers no resource level for the login token.
                        allow("EcrAuthorizationToken", "ecr:GetAuthorizationToken", "*", null)),
                run.statements("w01-execution-exec-policy", "policy"));
        assertEquals(Set.of(), namesOf(run, ATTACHMENT));
        assertEquals(madeUp(run, "w01-execution-exec-role", "arn"),
                run.inputs("w01-ecs-task").get("executionRoleArn"));
        assertEquals("http://" + madeUp(run, "w01-lb-alb", "dnsName"), run.output("url"));
    }

    // ---------------------------------------------------------------------------------------------------- w02

    @Test
    void w02ServesHttpsWithTheStacksCertificate() {
        var run = deploy(Wirings::w02CertificateFromAcm);
        assertEquals(Set.of("w02-lb-http", "w02-lb-https"), namesOf(run, LISTENER));
        var https = run.inputs("w02-lb-https");
        assertEquals(443.0, https.get("port"));
        assertEquals("HTTPS", https.get("protocol"));
        assertEquals(madeUp(run, "w02-cert", "arn"), https.get("certificateArn"));
        assertEquals(madeUp(run, "w02-cert", "arn"), run.inputs("w02-cert-validation").get("certificateArn"));
        assertEquals(ApplicationLoadBalancerOptions.DEFAULT_SSL_POLICY, https.get("sslPolicy"));
        assertEquals(List.of(Map.of("type", "forward", "targetGroupArn", madeUp(run, "w02-lb-tg", "arn"))),
                https.get("defaultActions"));
        assertEquals("https://" + madeUp(run, "w02-lb-alb", "dnsName"), run.output("url"));
    }

    @Test
    void w02HttpListenerOnlyRedirectsToHttps() {
        var run = deploy(Wirings::w02CertificateFromAcm);
        var http = run.inputs("w02-lb-http");
        assertEquals(80.0, http.get("port"));
        assertEquals("HTTP", http.get("protocol"));
        assertEquals(List.of(Map.of("type", "redirect",
                        "redirect", Map.of("protocol", "HTTPS", "port", "443", "statusCode", "HTTP_301"))),
                http.get("defaultActions"));
        assertEquals(List.of(80.0, 443.0), blocks(run.inputs("w02-lb-alb-sg"), "ingress").stream()
                .map(i -> i.get("fromPort")).toList());
    }

    // ---------------------------------------------------------------------------------------------------- w03

    @Test
    void w03CredentialsSecretIsEncryptedWithTheStacksKey() {
        var run = deployWithConfig(Wirings::w03RegistryKeyFromKms);
        String key = madeUp(run, "w03-key", "arn");
        assertEquals(key, run.inputs("w03-credentials-secret").get("kmsKeyId"));
        JsonObject value = run.json("w03-credentials-version", "secretString").getAsJsonObject();
        assertEquals(json(Map.of("username", REGISTRY_USER, "password", REGISTRY_PASSWORD)), value);
        assertEquals(madeUp(run, "w03-credentials-secret", "arn"), containers(run, "w03-ecs-task").get(0)
                .getAsJsonObject("repositoryCredentials").get("credentialsParameter").getAsString());
    }

    @Test
    void w03ExecutionRoleDecryptsExactlyThatKeyThroughSecretsManager() {
        var run = deployWithConfig(Wirings::w03RegistryKeyFromKms);
        assertEquals(List.of(
                        allow("ReadSecrets", "secretsmanager:GetSecretValue",
                                madeUp(run, "w03-credentials-secret", "arn"), null),
                        allow("DecryptSecrets", "kms:Decrypt", madeUp(run, "w03-key", "arn"),
                                Map.of("StringEquals", Map.of("kms:ViaService",
                                        "secretsmanager." + REGION + ".amazonaws.com")))),
                run.statements("w03-execution-exec-policy", "policy"));
    }

    @Test
    void w03WithoutTheRegistryPasswordFailsNamingTheKey() {
        var run = Runs.run(Wirings::w03RegistryKeyFromKms, Map.of("registryUsername", REGISTRY_USER), Set.of(),
                mocks());
        String failure = run.failure();
        assertTrue(failure.contains(Runs.PROJECT + ":registryPassword"), failure);
        assertTrue(run.mocks().awsResources().isEmpty(), () -> "registered: " + run.mocks().awsResources());
    }

    // ---------------------------------------------------------------------------------------------------- w04

    @Test
    void w04StackResourcesBecomeContainerSecretsAndEnvironment() {
        var run = deploy(Wirings::w04AppSecretsFromStack);
        JsonObject app = containers(run, "w04-ecs-task").get(0);
        assertEquals(Map.of("API_TOKEN", madeUp(run, "w04-api-token", "arn"),
                        "DB_PASSWORD", madeUp(run, "w04-db-password", "arn")),
                entries(app, "secrets", "valueFrom"));
        assertEquals(Map.of("LOG_BUCKET", madeUp(run, "w04-logs", "bucket")), entries(app, "environment", "value"));
        var parameter = run.inputs("w04-api-token");
        assertEquals("SecureString", parameter.get("type"));
        assertEquals(madeUp(run, "w04-key", "arn"), parameter.get("keyId"));
    }

    @Test
    void w04ExecutionRoleReadsTheSecretAndParameterAndDecryptsTheParametersKey() {
        var run = deploy(Wirings::w04AppSecretsFromStack);
        assertEquals(List.of(
                        allow("ReadSecrets", "secretsmanager:GetSecretValue",
                                List.of(GHCR_SECRET_PATTERN, madeUp(run, "w04-db-password", "arn")), null),
                        allow("ReadParameters", "ssm:GetParameters", madeUp(run, "w04-api-token", "arn"), null),
                        allow("DecryptAppSecrets", "kms:Decrypt", madeUp(run, "w04-key", "arn"),
                                Map.of("StringEquals", Map.of("kms:ViaService", List.of(
                                        "secretsmanager." + REGION + ".amazonaws.com",
                                        "ssm." + REGION + ".amazonaws.com"))))),
                run.statements("w04-execution-exec-policy", "policy"));
    }

    // ---------------------------------------------------------------------------------------------------- w05

    @Test
    void w05LoadBalancerInThePublicSubnetsAdmitsOnlyTheCorporateBlocks() {
        var run = deploy(Wirings::w05NetworkFromStackReference);
        assertEquals(PUBLIC_SUBNETS, run.inputs("w05-lb-alb").get("subnets"));
        assertEquals(false, run.inputs("w05-lb-alb").get("internal"));
        var ingress = blocks(run.inputs("w05-lb-alb-sg"), "ingress");
        assertEquals(1, ingress.size());
        assertEquals(CORPORATE_CIDRS, ingress.get(0).get("cidrBlocks"));
        assertEquals(VPC, run.inputs("w05-lb-alb-sg").get("vpcId"));
        assertEquals(VPC, run.inputs("w05-lb-tg").get("vpcId"));
    }

    @Test
    void w05TasksRunInThePrivateSubnetsWithoutPublicIp() {
        var run = deploy(Wirings::w05NetworkFromStackReference);
        var network = block(run.inputs("w05-ecs-service"), "networkConfiguration");
        assertEquals(PRIVATE_SUBNETS, network.get("subnets"));
        assertEquals(false, network.get("assignPublicIp"));
        assertEquals(VPC, run.inputs("w05-ecs-task-sg").get("vpcId"));
        assertTrue(run.mocks().invokes().stream().noneMatch(t -> t.startsWith("aws:ec2/")),
                () -> "looked up a VPC although the network stack gave one: " + run.mocks().invokes());
    }

    // ---------------------------------------------------------------------------------------------------- w06

    /** The reference ({@code urn::id}) by which children name the explicit provider. */
    private static String westProvider(OfflineRun run) {
        var provider = run.result().resources().stream()
                .filter(r -> r instanceof ProviderResource && r.pulumiResourceName().equals("w06-" + Wirings.WEST_REGION))
                .map(r -> (ProviderResource) r)
                .findFirst().orElseThrow();
        return OfflineRun.value(provider.urn()) + "::" + OfflineRun.value(provider.id());
    }

    @Test
    void w06EveryChildAndEveryInvokeUsesTheExplicitProvider() {
        var run = deploy(Wirings::w06ExplicitProvider);
        String west = westProvider(run);
        assertEquals(Wirings.WEST_REGION, run.inputs("w06-" + Wirings.WEST_REGION).get("region"));
        var resources = run.mocks().awsResources();
        assertTrue(resources.size() >= 13, () -> "only " + resources);
        resources.forEach(r -> assertEquals(west, r.provider(), r.name()));
        var calls = run.mocks().calls();
        assertTrue(calls.stream().anyMatch(c -> c.token().equals("aws:ec2/getVpc:getVpc")
                && Boolean.TRUE.equals(c.args().get("default"))), () -> "no default VPC lookup: " + calls);
        assertTrue(calls.stream().anyMatch(c -> c.token().equals("aws:ec2/getSubnets:getSubnets")), calls::toString);
        calls.forEach(c -> assertEquals(west, c.provider(), c.token()));
    }

    @Test
    void w06RunsInThatRegionsDefaultVpcWithThatRegionsSecret() {
        var run = deploy(Wirings::w06ExplicitProvider);
        String west = Wirings.WEST_REGION;
        var network = block(run.inputs("w06-ecs-service"), "networkConfiguration");
        assertEquals(OfflineMocks.DEFAULT_SUBNETS, network.get("subnets"));
        assertEquals(OfflineMocks.DEFAULT_VPC, run.inputs("w06-lb-tg").get("vpcId"));
        assertEquals("arn:aws:ecs:" + west + ":" + ACCOUNT + ":cluster/" + madeUp(run, "w06-ecs-cluster", "name"),
                run.inputs("w06-ecs-service").get("cluster"));
        assertEquals(west, containers(run, "w06-ecs-task").get(0).getAsJsonObject("logConfiguration")
                .getAsJsonObject("options").get("awslogs-region").getAsString());
        assertEquals(List.of(allow("ReadSecrets", "secretsmanager:GetSecretValue",
                        "arn:aws:secretsmanager:" + west + ":" + ACCOUNT + ":secret:" + Wirings.GHCR_SECRET + "-??????",
                        null)),
                run.statements("w06-execution-exec-policy", "policy"));
    }

    // ---------------------------------------------------------------------------------------------------- w07

    @Test
    void w07OneClusterOneLoadBalancerOneHttpsListener() {
        var run = deploy(Wirings::w07SharedClusterAndLoadBalancer);
        assertEquals(Set.of("w07-alb-alb"), namesOf(run, "aws:lb/loadBalancer:LoadBalancer"));
        assertEquals(Set.of("w07-cluster"), namesOf(run, "aws:ecs/cluster:Cluster"));
        assertEquals(List.of("w07-alb-https"), run.mocks().ofType(LISTENER).stream()
                .filter(l -> "HTTPS".equals(l.inputs().get("protocol"))).map(OfflineMocks.Registration::name).toList());
        assertEquals(madeUp(run, "w07-cert", "arn"), run.inputs("w07-alb-https").get("certificateArn"));
        assertEquals(List.of(Map.of("type", "fixed-response", "fixedResponse",
                        Map.of("statusCode", "404", "contentType", "text/plain", "messageBody", "Not Found"))),
                run.inputs("w07-alb-https").get("defaultActions"));
        assertEquals(Set.of("api-target-tg", "web-target-tg"), namesOf(run, TARGET_GROUP));
        assertEquals(Set.of("api-ecs-service", "web-ecs-service"), namesOf(run, SERVICE));
        assertFalse(run.inputs("w07-alb-alb-sg").containsKey("egress"), "the shared group has no egress to any CIDR");
        // One rule, to the targets' group that both services' tasks carry, however many services join.
        assertEquals(Set.of("w07-alb-targets-egress"),
                namesOf(run, "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule"));
        assertEquals(madeUp(run, "w07-alb-targets-sg", "id"),
                run.inputs("w07-alb-targets-egress").get("referencedSecurityGroupId"));
    }

    @Test
    void w07EachServiceHasItsOwnTargetGroupRuleAndServiceOnTheShared() {
        var run = deploy(Wirings::w07SharedClusterAndLoadBalancer);
        String listener = madeUp(run, "w07-alb-https", "arn");
        String albSecurityGroup = madeUp(run, "w07-alb-alb-sg", "id");
        Map.of("api", List.of("api.example.com", 10.0), "web", List.of("www.example.com", 20.0))
                .forEach((service, hostAndPriority) -> {
                    String targetGroup = madeUp(run, service + "-target-tg", "arn");
                    var rule = run.inputs(service + "-target-rule");
                    assertEquals(listener, rule.get("listenerArn"), service);
                    assertEquals(hostAndPriority.get(1), rule.get("priority"), service);
                    assertEquals(List.of(Map.of("hostHeader", Map.of("values", List.of(hostAndPriority.get(0))))),
                            rule.get("conditions"), service);
                    assertEquals(List.of(Map.of("type", "forward", "targetGroupArn", targetGroup)), rule.get("actions"),
                            service);
                    var ecs = run.inputs(service + "-ecs-service");
                    assertEquals(madeUp(run, "w07-cluster", "arn"), ecs.get("cluster"), service);
                    assertEquals(targetGroup, blocks(ecs, "loadBalancers").get(0).get("targetGroupArn"), service);
                    assertEquals(List.of(madeUp(run, service + "-ecs-task-sg", "id"),
                            madeUp(run, "w07-alb-targets-sg", "id")), block(ecs, "networkConfiguration")
                            .get("securityGroups"), service);
                    var ingress = blocks(run.inputs(service + "-ecs-task-sg"), "ingress").get(0);
                    assertEquals(List.of("tcp", 8080.0, 8080.0), List.of(ingress.get("protocol"),
                            ingress.get("fromPort"), ingress.get("toPort")), service);
                    assertEquals(List.of(albSecurityGroup), blocks(run.inputs(service + "-ecs-task-sg"), "ingress")
                            .get(0).get("securityGroups"), service);
                });
    }

    // ---------------------------------------------------------------------------------------------------- w08

    @Test
    void w08MainContainerStartsAfterThePublicCollector() {
        var run = deploy(Wirings::w08Sidecar);
        List<JsonObject> containers = containers(run, "w08-ecs-task");
        assertEquals(2, containers.size());
        JsonObject app = containers.get(0);
        assertEquals(ContainerArgs.DEFAULT_MAIN_NAME, app.get("name").getAsString());
        assertEquals(Wirings.IMAGE, app.get("image").getAsString());
        assertTrue(app.get("essential").getAsBoolean());
        assertEquals(json(List.of(Map.of("containerName", Wirings.OTEL_CONTAINER, "condition", "START"))),
                app.get("dependsOn"));
        assertEquals(json(Map.of("credentialsParameter", Wirings.GHCR_SECRET)), app.get("repositoryCredentials"));

        JsonObject collector = containers.get(1);
        assertEquals(Wirings.OTEL_CONTAINER, collector.get("name").getAsString());
        assertEquals(Wirings.OTEL_IMAGE, collector.get("image").getAsString());
        assertFalse(collector.get("essential").getAsBoolean());
        assertNull(collector.get("repositoryCredentials"), "a public image needs no credentials");
        assertNull(collector.get("portMappings"), "the collector is not behind the load balancer");
        assertNull(collector.get("dependsOn"));
        assertEquals(json(List.of("--config=/etc/ecs/ecs-default-config.yaml")), collector.get("command"));
        assertEquals(json(List.of(Map.of("sourceVolume", Wirings.OTEL_CONTAINER + "-tmp", "containerPath", "/tmp",
                "readOnly", false))), collector.get("mountPoints"));
        assertEquals(List.of(Map.of("name", "tmp"), Map.of("name", Wirings.OTEL_CONTAINER + "-tmp")),
                run.inputs("w08-ecs-task").get("volumes"));
        assertEquals(ContainerArgs.DEFAULT_MAIN_NAME,
                blocks(run.inputs("w08-ecs-service"), "loadBalancers").get(0).get("containerName"));
    }

    // ---------------------------------------------------------------------------------------------------- w09

    @Test
    void w09TaskRoleMayGetTheBucketsObjectsOnly() {
        var run = deploy(Wirings::w09TaskRoleWithStatements);
        assertEquals(List.of(allow("ReadReports", "s3:GetObject", Runs.bucketArn(run, "w09-reports") + "/*", null)),
                run.statements("w09-task-policy", "policy"));
        assertEquals(List.of(allow("ReadSecrets", "secretsmanager:GetSecretValue", GHCR_SECRET_PATTERN, null)),
                run.statements("w09-execution-exec-policy", "policy"));
    }

    @Test
    void w09TaskRoleIsNotTheExecutionRole() {
        var run = deploy(Wirings::w09TaskRoleWithStatements);
        var task = run.inputs("w09-ecs-task");
        assertEquals(madeUp(run, "w09-task-role", "arn"), task.get("taskRoleArn"));
        assertEquals(madeUp(run, "w09-execution-exec-role", "arn"), task.get("executionRoleArn"));
        assertNotEquals(task.get("taskRoleArn"), task.get("executionRoleArn"));
        JsonObject trust = run.json("w09-task-role", "assumeRolePolicy").getAsJsonObject()
                .getAsJsonArray("Statement").get(0).getAsJsonObject();
        assertEquals(json(Map.of("StringEquals", Map.of("aws:SourceAccount", ACCOUNT),
                        "ArnLike", Map.of("aws:SourceArn", "arn:aws:ecs:" + REGION + ":" + ACCOUNT + ":*"))),
                trust.get("Condition"));
    }

    // ---------------------------------------------------------------------------------------------------- w10

    /**
     * Whether the AWS provider's args of a type token have {@code tags}: {@code aws:ecs/taskDefinition:TaskDefinition}
     * is taggable when {@code com.pulumi.aws.ecs.TaskDefinitionArgs} has a {@code tags} method.
     */
    private static boolean taggable(String type) {
        String[] parts = type.split("[:/]");
        try {
            Class<?> args = Class.forName("com.pulumi.aws." + parts[1] + "." + parts[3] + "Args");
            return Arrays.stream(args.getMethods()).anyMatch(m -> m.getName().equals("tags"));
        } catch (ClassNotFoundException e) {
            throw new AssertionError("no args class for " + type, e);
        }
    }

    @Test
    void w10TagsGivenOnceReachEveryTaggableResource() {
        var run = deploy(Wirings::w10Tags);
        Set<String> tagged = new TreeSet<>();
        Set<String> untaggable = new TreeSet<>();
        for (var r : run.mocks().awsResources()) {
            if (taggable(r.type())) {
                assertEquals(Wirings.TAGS, r.inputs().get("tags"), r.type() + " " + r.name());
                tagged.add(r.type());
            } else {
                untaggable.add(r.type());
            }
        }
        assertTrue(tagged.containsAll(Set.of(TASK_DEFINITION, LISTENER, TARGET_GROUP, SERVICE,
                "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", "aws:ec2/securityGroup:SecurityGroup",
                "aws:lb/loadBalancer:LoadBalancer", "aws:ecs/cluster:Cluster", "aws:cloudwatch/logGroup:LogGroup",
                "aws:iam/role:Role", "aws:appautoscaling/target:Target")), tagged::toString);
        assertEquals(Set.of("aws:appautoscaling/policy:Policy", "aws:iam/rolePolicy:RolePolicy"), untaggable);
        assertEquals(Set.of("w10-execution-exec-role", "w10-task-role"), namesOf(run, "aws:iam/role:Role"));
    }

    // ---------------------------------------------------------------------------------------------------- w11

    @Test
    void w11BothServicesHaveTheFastHealthCheck() {
        var run = deploy(Wirings::w11HealthCheckAndCapacity);
        for (String targetGroup : List.of("w11-lb-tg", "w11-arm-lb-tg")) {
            var health = block(run.inputs(targetGroup), "healthCheck");
            assertEquals(10.0, health.get("interval"), targetGroup);
            assertEquals(2.0, health.get("healthyThreshold"), targetGroup);
            assertEquals(3.0, health.get("unhealthyThreshold"), targetGroup);
            assertEquals(5.0, health.get("timeout"), targetGroup);
            assertEquals("200-299", health.get("matcher"), targetGroup);
        }
    }

    @Test
    void w11SpotMixRunsOnX86WithBothProvidersAssociated() {
        var run = deploy(Wirings::w11HealthCheckAndCapacity);
        var strategy = List.of(Map.of("capacityProvider", "FARGATE", "base", 1.0, "weight", 1.0),
                Map.of("capacityProvider", "FARGATE_SPOT", "base", 0.0, "weight", 3.0));
        var service = run.inputs("w11-ecs-service");
        assertEquals(strategy, service.get("capacityProviderStrategies"));
        assertNull(service.get("launchType"), "a launch type and a strategy exclude each other");
        var association = run.inputs("w11-ecs-capacity-providers");
        assertEquals(List.of("FARGATE", "FARGATE_SPOT"), association.get("capacityProviders"));
        assertEquals(madeUp(run, "w11-ecs-cluster", "name"), association.get("clusterName"));
        assertEquals(strategy, association.get("defaultCapacityProviderStrategies"));
        assertEquals(madeUp(run, "w11-ecs-cluster", "arn"), service.get("cluster"));
        assertEquals(Map.of("operatingSystemFamily", "LINUX", "cpuArchitecture", "X86_64"),
                run.inputs("w11-ecs-task").get("runtimePlatform"));
    }

    @Test
    void w11GravitonServiceRunsOnDemandOnly() {
        var run = deploy(Wirings::w11HealthCheckAndCapacity);
        var strategy = List.of(Map.of("capacityProvider", "FARGATE", "base", 1.0, "weight", 1.0));
        assertEquals(strategy, run.inputs("w11-arm-ecs-service").get("capacityProviderStrategies"));
        assertEquals(List.of("FARGATE"), run.inputs("w11-arm-ecs-capacity-providers").get("capacityProviders"));
        assertEquals(madeUp(run, "w11-arm-ecs-cluster", "name"),
                run.inputs("w11-arm-ecs-capacity-providers").get("clusterName"));
        assertEquals(Map.of("operatingSystemFamily", "LINUX", "cpuArchitecture", "ARM64"),
                run.inputs("w11-arm-ecs-task").get("runtimePlatform"));
    }

    @Test
    void w11LibraryRefusesArm64OnFargateSpotBeforeAnyResource() {
        String failure = failureOf(ctx -> new LoadBalancedService("arm-spot", LoadBalancedServiceArgs.builder()
                .container(ContainerArgs.builder().image(Wirings.IMAGE).build())
                .registryCredentials(RegistryCredentials.existing(Wirings.GHCR_SECRET))
                .service(EcsServiceOptions.builder()
                        .cpuArchitecture(CpuArchitecture.ARM64)
                        .launch(Launch.fargate()
                                .capacityProvider(CapacityProviderStrategy.fargate(1, 1))
                                .capacityProvider(CapacityProviderStrategy.fargateSpot(3)))
                        .build())
                .build()));
        assertTrue(failure.contains("no AWS resource was registered"), failure);
        assertTrue(failure.contains("service.capacityProviderStrategy: Fargate Spot runs X86_64 tasks only"),
                failure);
    }

    // ---------------------------------------------------------------------------------------------------- w12

    @Test
    void w12AliasRecordAndAdminRuleUseTheHandles() {
        var run = deploy(Wirings::w12Handles);
        var record = run.inputs("w12-alias");
        assertEquals(Wirings.HOSTED_ZONE_ID, record.get("zoneId"));
        assertEquals(Wirings.DOMAIN, record.get("name"));
        assertEquals("A", record.get("type"));
        assertEquals(List.of(Map.of("name", madeUp(run, "w12-lb-alb", "dnsName"),
                        "zoneId", OfflineMocks.LOAD_BALANCER_ZONE_ID, "evaluateTargetHealth", true)),
                record.get("aliases"));
        var rule = run.inputs("w12-admin-forbidden");
        assertEquals(madeUp(run, "w12-lb-http", "arn"), rule.get("listenerArn"));
        assertEquals(1.0, rule.get("priority"));
        assertEquals(List.of(Map.of("pathPattern", Map.of("values", List.of("/admin/*")))), rule.get("conditions"));
        assertEquals(List.of(Map.of("type", "fixed-response", "fixedResponse",
                        Map.of("statusCode", "403", "contentType", "text/plain", "messageBody", "Forbidden"))),
                rule.get("actions"));
    }

    @Test
    void w12ExportsReadFromTheHandles() {
        var run = deploy(Wirings::w12Handles);
        assertEquals(madeUp(run, "w12-ecs-service", "name"), run.output("serviceName"));
        assertEquals(madeUp(run, "w12-ecs-task", "arn"), run.output("taskDefinitionArn"));
        assertEquals(madeUp(run, "w12-lb-tg", "arn"), run.output("targetGroupArn"));
        assertEquals(madeUp(run, "w12-ecs-cluster", "name"), run.output("clusterName"));
        assertEquals(madeUp(run, "w12-ecs-logs", "name"), run.output("logGroupName"));
        assertEquals(madeUp(run, "w12-execution-exec-role", "arn"), run.output("executionRoleArn"));
        assertEquals(madeUp(run, "w12-ecs-task-sg", "id"), run.output("taskSecurityGroupId"));
    }

    // ---------------------------------------------------------------------------------------------------- w13

    /** The launch template of {@code w13}'s container instances. */
    private static final String W13_TEMPLATE = "w13-ecs-ec2-launch-template";

    private static String userData(OfflineRun run, String launchTemplate) {
        return new String(Base64.getDecoder().decode((String) run.inputs(launchTemplate).get("userData")),
                StandardCharsets.UTF_8);
    }

    @Test
    void w13TasksRunInBridgeModeOnGravitonBehindInstanceTargets() {
        var run = deployWithConfig(Wirings::w13Ec2LaunchType);
        var task = run.inputs("w13-ecs-task");
        assertEquals(List.of("EC2"), task.get("requiresCompatibilities"));
        assertEquals("bridge", task.get("networkMode"));
        assertEquals(Map.of("operatingSystemFamily", "LINUX", "cpuArchitecture", "ARM64"), task.get("runtimePlatform"));
        // A dynamic host port: several tasks of the service share an instance.
        assertEquals(json(List.of(Map.of("containerPort", 8080, "hostPort", 0, "protocol", "tcp"))),
                containers(run, "w13-ecs-task").get(0).get("portMappings"));
        assertEquals("instance", run.inputs("w13-lb-tg").get("targetType"));
        var service = run.inputs("w13-ecs-service");
        assertNull(service.get("networkConfiguration"), "bridge-mode tasks have no network configuration");
        assertNull(service.get("launchType"), "a launch type and a strategy exclude each other");
        String provider = madeUp(run, "w13-ecs-ec2-capacity-provider", "name");
        assertEquals(List.of(Map.of("capacityProvider", provider, "base", 0.0, "weight", 1.0)),
                service.get("capacityProviderStrategies"));
        assertEquals(List.of(provider), run.inputs("w13-ecs-capacity-providers").get("capacityProviders"));
        // The instances admit the load balancer on the dynamic host ports only.
        var ingress = blocks(run.inputs("w13-ecs-ec2-instance-sg"), "ingress");
        assertEquals(1, ingress.size());
        assertEquals(List.of(32768.0, 65535.0, List.of(madeUp(run, "w13-lb-alb-sg", "id"))), List.of(
                ingress.get(0).get("fromPort"), ingress.get(0).get("toPort"), ingress.get(0).get("securityGroups")));
    }

    @Test
    void w13InstancesBootTheArm64EcsAmiAndJoinTheCluster() {
        var run = deployWithConfig(Wirings::w13Ec2LaunchType);
        var template = run.inputs(W13_TEMPLATE);
        String ami = madeUp(run, Ec2CapacityOptions.AMI_PARAMETER_ARM64, "value");
        assertTrue(ami.startsWith("ami-"), ami);
        assertEquals(ami, template.get("imageId"));
        assertEquals(Wirings.EC2_INSTANCE_TYPE, template.get("instanceType"));
        assertEquals(List.of(Ec2CapacityOptions.AMI_PARAMETER_ARM64), run.mocks().calls().stream()
                .filter(c -> c.token().equals("aws:ssm/getParameter:getParameter"))
                .map(c -> c.args().get("name")).toList());
        var group = run.inputs("w13-ecs-ec2-asg");
        assertEquals(List.of(2.0, 4.0), List.of(group.get("minSize"), group.get("maxSize")));
        assertEquals(Map.of("id", madeUp(run, W13_TEMPLATE, "id"), "version", "1"), group.get("launchTemplate"));
        assertTrue(userData(run, W13_TEMPLATE).contains("ECS_CLUSTER=" + madeUp(run, "w13-ecs-cluster", "name")
                + "\n"), () -> userData(run, W13_TEMPLATE));
    }

    @Test
    void w13UserDataNamesTheSecretAndHoldsNoCredentials() {
        var run = deployWithConfig(Wirings::w13Ec2LaunchType);
        String userData = userData(run, W13_TEMPLATE);
        assertTrue(userData.contains("ECS_CLUSTER="), "the user data was decoded");
        assertTrue(userData.contains("secret='" + madeUp(run, "w13-credentials-secret", "arn") + "'\n"), userData);
        assertTrue(userData.contains("region='" + REGION + "'\n"), userData);
        assertFalse(userData.contains(PASSWORD_PART), userData);
        assertFalse(userData.contains(REGISTRY_USER), userData);
        assertEquals(Set.of("w13-credentials-version.secretString"), inputsHoldingThePassword(run));
        assertEquals(Set.of("w13-credentials-version.secretString"), secretInputsWithConfig(Wirings::w13Ec2LaunchType));
    }

    @Test
    void w13InstanceRoleReadsExactlyTheSecretAndDecryptsExactlyTheStacksKey() {
        var run = deployWithConfig(Wirings::w13Ec2LaunchType);
        String secret = madeUp(run, "w13-credentials-secret", "arn");
        String key = madeUp(run, "w13-key", "arn");
        assertEquals(key, run.inputs("w13-credentials-secret").get("kmsKeyId"));
        assertEquals(List.of(
                        allow("ReadRegistryCredentials", "secretsmanager:GetSecretValue", secret, null),
                        allow("DecryptRegistryCredentials", "kms:Decrypt", key,
                                Map.of("StringEquals", Map.of("kms:ViaService",
                                        "secretsmanager." + REGION + ".amazonaws.com")))),
                run.statements("w13-ecs-ec2-instance-secret", "policy"));
        assertEquals(madeUp(run, "w13-ecs-ec2-instance-role", "name"),
                run.inputs("w13-ecs-ec2-instance-secret").get("role"));
        assertEquals("arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role",
                run.inputs("w13-ecs-ec2-instance-ecs").get("policyArn"));
    }

    @Test
    void w13TheExecutionRoleReadsNoSecretAndTheTaskNamesNone() {
        var run = deployWithConfig(Wirings::w13Ec2LaunchType);
        String secret = madeUp(run, "w13-credentials-secret", "arn");
        String key = madeUp(run, "w13-key", "arn");
        assertFalse(containers(run, "w13-ecs-task").get(0).has("repositoryCredentials"));
        // The execution role writes the logs, nothing else (no policy of its own: it reads no secret).
        assertEquals(Set.of("w13-ecs-exec-logs", "w13-ecs-ec2-instance-secret"), namesOf(run, ROLE_POLICY));
        String logs = String.valueOf(run.inputs("w13-ecs-exec-logs").get("policy"));
        assertFalse(logs.contains(secret) || logs.contains(key) || logs.contains("secretsmanager:"), logs);
    }

    @Test
    void w13AlarmsAndExportsReadTheInstancesHandles() {
        var run = deployWithConfig(Wirings::w13Ec2LaunchType);
        String group = madeUp(run, "w13-ecs-ec2-asg", "name");
        List<String> alerts = List.of(madeUp(run, "w13-alerts", "arn"));
        var impaired = run.inputs("w13-instances-impaired");
        assertEquals(Map.of("AutoScalingGroupName", group), impaired.get("dimensions"));
        assertEquals(List.of("AWS/EC2", "StatusCheckFailed", "Maximum", 60.0, 5.0, 1.0,
                        "GreaterThanOrEqualToThreshold"), alarm(impaired));
        assertEquals(alerts, impaired.get("alarmActions"));
        var capacity = run.inputs("w13-capacity-short");
        assertEquals(Map.of("ClusterName", madeUp(run, "w13-ecs-cluster", "name"),
                        "CapacityProviderName", madeUp(run, "w13-ecs-ec2-capacity-provider", "name")),
                capacity.get("dimensions"));
        assertEquals(List.of("AWS/ECS/ManagedScaling", "CapacityProviderReservation", "Average", 300.0, 3.0, 100.0,
                "GreaterThanThreshold"), alarm(capacity));
        assertEquals(alerts, capacity.get("alarmActions"));
        assertEquals(group, run.output("autoScalingGroupName"));
        assertEquals(madeUp(run, W13_TEMPLATE, "id"), run.output("launchTemplateId"));
        assertEquals(1, run.output("launchTemplateVersion"));
    }

    /** An alarm's metric, statistic, period, evaluation periods, threshold and comparison, in that order. */
    private static List<Object> alarm(Map<String, Object> inputs) {
        return Stream.of("namespace", "metricName", "statistic", "period", "evaluationPeriods", "threshold",
                "comparisonOperator").map(inputs::get).toList();
    }

    // ---------------------------------------------------------------------------------------------------- w14

    /** The cache's prefix: the library's default for a ghcr.io upstream in the stack the tests run. */
    private static final String W14_PREFIX = PullThroughCacheArgs.defaultPrefix(Runs.STACK, Registry.GHCR);
    /** The account's ECR registry in the stack's region, where the cache serves from. */
    private static final String ECR_REGISTRY = ACCOUNT + ".dkr.ecr." + REGION + ".amazonaws.com";

    /** @return the services of the registered VPC endpoints, interface ones and the S3 gateway */
    private static Set<String> endpointServices(OfflineRun run) {
        return run.mocks().ofType("aws:ec2/vpcEndpoint:VpcEndpoint").stream()
                .map(e -> String.valueOf(e.inputs().get("serviceName")).replace("com.amazonaws." + REGION + ".", ""))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void w14TheImageIsPulledThroughTheCacheWithoutRepositoryCredentials() {
        var run = deployWithConfig(Wirings::w14PullThroughCacheWithVpcEndpoints);
        JsonObject app = containers(run, "w14-ecs-task").get(0);
        assertEquals("test-github", W14_PREFIX);
        assertEquals(ECR_REGISTRY + "/" + W14_PREFIX + "/example-org/orders:1.4.2", app.get("image").getAsString());
        assertNull(app.get("repositoryCredentials"), app::toString);
        assertEquals(Map.of("ecrRepositoryPrefix", W14_PREFIX, "upstreamRegistryUrl", "ghcr.io",
                "credentialArn", madeUp(run, "w14-cache-secret", "arn")), run.inputs("w14-cache-rule"));
        assertEquals(W14_PREFIX, run.inputs("w14-cache-template").get("prefix"));
        assertEquals(List.of("PULL_THROUGH_CACHE"), run.inputs("w14-cache-template").get("appliedFors"));
    }

    @Test
    void w14TheCacheSecretHoldsTheCredentialsAsEcrReadsThemAsAPulumiSecret() {
        var run = deployWithConfig(Wirings::w14PullThroughCacheWithVpcEndpoints);
        assertEquals(Set.of("w14-cache-secret"), namesOf(run, "aws:secretsmanager/secret:Secret"),
                "the cache's secret is the only one");
        assertEquals("ecr-pullthroughcache/" + W14_PREFIX + "-", run.inputs("w14-cache-secret").get("namePrefix"));
        assertEquals(json(Map.of("username", REGISTRY_USER, "accessToken", REGISTRY_PASSWORD)),
                run.json("w14-cache-secret-version", "secretString"));
        assertEquals(Set.of("w14-cache-secret-version.secretString"), inputsHoldingThePassword(run));
        assertEquals(Set.of("w14-cache-secret-version.secretString"), secretInputsWithConfig(
                Wirings::w14PullThroughCacheWithVpcEndpoints));
    }

    @Test
    void w14TheExecutionRolePullsThroughExactlyThePrefixAndReadsNoSecret() {
        var run = deployWithConfig(Wirings::w14PullThroughCacheWithVpcEndpoints);
        assertEquals(List.of(
                        allow("PullThroughCache", List.of("ecr:BatchCheckLayerAvailability",
                                        "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage",
                                        "ecr:BatchImportUpstreamImage", "ecr:CreateRepository"),
                                "arn:aws:ecr:" + REGION + ":" + ACCOUNT + ":repository/" + W14_PREFIX + "/*", null),
                        allow("EcrAuthorizationToken", "ecr:GetAuthorizationToken", "*", null)),
                run.statements("w14-execution-exec-policy", "policy"));
        run.mocks().ofType(ROLE_POLICY).forEach(p -> assertFalse(String.valueOf(p.inputs().get("policy"))
                .contains("secretsmanager:GetSecretValue"), p.name()));
    }

    @Test
    void w14TasksInThePrivateSubnetsReachEcrS3AndLogsThroughEndpoints() {
        var run = deployWithConfig(Wirings::w14PullThroughCacheWithVpcEndpoints);
        // No Secrets Manager endpoint: no container reads a secret, and ECR reads the cache's.
        assertEquals(Set.of("ecr.api", "ecr.dkr", "logs", "s3"), endpointServices(run));
        String endpointsGroup = madeUp(run, "w14-endpoints-sg", "id");
        for (String endpoint : List.of("w14-endpoints-ecr-api", "w14-endpoints-ecr-dkr", "w14-endpoints-logs")) {
            var inputs = run.inputs(endpoint);
            assertEquals(List.of("Interface", VPC, PRIVATE_SUBNETS, List.of(endpointsGroup), true), List.of(
                    inputs.get("vpcEndpointType"), inputs.get("vpcId"), inputs.get("subnetIds"),
                    inputs.get("securityGroupIds"), inputs.get("privateDnsEnabled")), endpoint);
        }
        var s3 = run.inputs("w14-endpoints-s3");
        assertEquals("Gateway", s3.get("vpcEndpointType"));
        assertEquals(PRIVATE_SUBNETS.stream().map(s -> madeUp(run, s + " lookup", "routeTableId")).toList(),
                s3.get("routeTableIds"), "the private subnets' route tables");
        var network = block(run.inputs("w14-ecs-service"), "networkConfiguration");
        assertEquals(PRIVATE_SUBNETS, network.get("subnets"));
        assertEquals(false, network.get("assignPublicIp"));
        assertEquals(PUBLIC_SUBNETS, run.inputs("w14-lb-alb").get("subnets"));
    }

    @Test
    void w14TheEndpointsAdmitExactlyTheTasksSecurityGroup() {
        var run = deployWithConfig(Wirings::w14PullThroughCacheWithVpcEndpoints);
        String endpointsGroup = madeUp(run, "w14-endpoints-sg", "id");
        assertFalse(run.inputs("w14-endpoints-sg").containsKey("ingress"), "no inline rule");
        var rules = run.mocks().ofType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").stream()
                .filter(r -> endpointsGroup.equals(r.inputs().get("securityGroupId"))).toList();
        assertEquals(List.of("w14-ecs-endpoints-ingress"), rules.stream().map(OfflineMocks.Registration::name)
                .toList());
        var rule = rules.get(0).inputs();
        assertEquals(List.of(madeUp(run, "w14-ecs-task-sg", "id"), "tcp", 443.0, 443.0), List.of(
                rule.get("referencedSecurityGroupId"), rule.get("ipProtocol"), rule.get("fromPort"),
                rule.get("toPort")));
    }

    @Test
    void w14AContainerThatReadsASecretAlsoGetsTheSecretsManagerEndpoint() {
        String dbPassword = "arn:aws:secretsmanager:" + REGION + ":" + ACCOUNT + ":secret:orders-db-AbCdEf";
        var run = deploy(ctx -> new LoadBalancedService("w14-db", LoadBalancedServiceArgs.builder()
                .container(ContainerArgs.builder().image(Wirings.IMAGE).appSecret("DB_PASSWORD", dbPassword).build())
                .registryCredentials(RegistryCredentials.create(REGISTRY_USER, Output.ofSecret(REGISTRY_PASSWORD)))
                .pullThroughCache(PullThroughCacheOptions.builder().build())
                .network(NetworkArgs.builder().vpcId(VPC).publicSubnetIds(PUBLIC_SUBNETS)
                        .privateSubnetIds(PRIVATE_SUBNETS).build())
                .vpcEndpoints(VpcEndpointsOptions.builder().build())
                .build()));
        assertEquals(Set.of("ecr.api", "ecr.dkr", "logs", "s3", "secretsmanager"), endpointServices(run));
    }

    // ---------------------------------------------------------------------------------------------------- w15

    @Test
    void w15JoinsTheEdgeStacksLoadBalancerWithItsTargetsGroupAndAddsNoRuleToItsGroup() {
        var run = deploy(Wirings::w15LoadBalancerOfAnotherStack);
        assertEquals(EDGE_LISTENER, run.inputs("w15-target-rule").get("listenerArn"));
        assertEquals(150.0, run.inputs("w15-target-rule").get("priority"));
        assertEquals(Set.of(), namesOf(run, "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule"),
                "nothing on the edge stack's group, whose owner may declare its egress as it likes");
        assertEquals(List.of(madeUp(run, "w15-ecs-task-sg", "id"), EDGE_TARGETS),
                block(run.inputs("w15-ecs-service"), "networkConfiguration").get("securityGroups"));
        assertEquals(List.of(EDGE_GROUP), blocks(run.inputs("w15-ecs-task-sg"), "ingress").get(0)
                .get("securityGroups"));
        assertEquals(List.of(), run.warnings());
    }

    @Test
    void w15TheLogRouterPullsWithTheMainContainersCredentials() {
        var run = deploy(Wirings::w15LoadBalancerOfAnotherStack);
        var task = containers(run, "w15-ecs-task");
        String secret = "arn:aws:secretsmanager:eu-central-1:" + OfflineMocks.ACCOUNT + ":secret:"
                + Wirings.GHCR_SECRET + "-??????";
        assertEquals(Wirings.GHCR_SECRET, task.get(0).getAsJsonObject("repositoryCredentials")
                .get("credentialsParameter").getAsString());
        assertEquals(Wirings.LOG_ROUTER_IMAGE, task.get(1).get("image").getAsString());
        assertEquals(Wirings.GHCR_SECRET, task.get(1).getAsJsonObject("repositoryCredentials")
                .get("credentialsParameter").getAsString());
        assertTrue(String.valueOf(run.inputs("w15-execution-exec-policy").get("policy")).contains(secret));
    }

    // ---------------------------------------------------------------------------------------------------- u01

    @Test
    @SuppressWarnings("removal") // the deprecated 1.x types, on purpose: u01 is the upgrade path
    void u01TheProgramOf1xRegistersItsNamesOf1x() {
        var run = deploy(Wirings::u01DeprecatedFargateServiceOf1x);
        assertEquals(Set.of("u01"), namesOf(run, LoadBalancedFargateService.TYPE));
        assertEquals(Set.of("u01-fargate"), namesOf(run, FargateService.TYPE));
        assertEquals(Set.of(), namesOf(run, LoadBalancedService.TYPE));
        assertEquals(Set.of(), namesOf(run, EcsService.TYPE));
        assertEquals(Set.of("u01-fargate-service"), namesOf(run, SERVICE));
        assertEquals(Set.of("u01-fargate-task"), namesOf(run, TASK_DEFINITION));
        assertEquals("u01-fargate", run.inputs("u01-fargate-task").get("family"));
        assertEquals(madeUp(run, "u01-fargate-cluster", "arn"), run.inputs("u01-fargate-service").get("cluster"));
        // 1.x's FargateServiceArgs for the composite's service: its options are taken.
        assertEquals(1.0, run.inputs("u01-fargate-service").get("desiredCount"));
        // The children outside the service have the same names under either component.
        assertEquals(Set.of("u01-lb-tg"), namesOf(run, TARGET_GROUP));
        assertEquals(madeUp(run, "u01-execution-exec-role", "arn"), run.inputs("u01-fargate-task")
                .get("executionRoleArn"));
    }

    // ---------------------------------------------------------------------------------------------------- b01-b04

    /** Asserts the program fails with one problem of the composite, before any AWS resource. */
    private static void assertRefusedBeforeAnyResource(Consumer<Context> program, String component, String problem) {
        String failure = failureOf(program);
        assertTrue(failure.contains("LoadBalancedService '" + component + "' has 1 problem; no AWS resource "
                + "was registered:\n  - " + problem), failure);
    }

    @Test
    void b01BadImageIsRefusedUnderContainerImage() {
        assertRefusedBeforeAnyResource(Wirings::b01BadImage, "b01",
                "container.image: '" + Wirings.BAD_IMAGE + "' has an invalid repository path component 'JonasHackt'");
    }

    @Test
    void b02PartialSecretArnIsRefusedUnderRegistryCredentialsSecret() {
        assertRefusedBeforeAnyResource(Wirings::b02PartialSecretArn, "b02", "registryCredentials.secret: "
                + "'arn:aws:secretsmanager:eu-west-1:111122223333:secret:ghcr' is a partial secret ARN");
    }

    @Test
    void b03KeyInAnotherRegionIsRefusedUnderRegistryCredentialsKmsKeyArn() {
        assertRefusedBeforeAnyResource(Wirings::b03KeyInAnotherRegion, "b03", "registryCredentials.kmsKeyArn: "
                + "the key is in us-east-1, but the credentials secret is in eu-west-1");
    }

    @Test
    void b04BadImageFromAnOutputFailsTheProgramNamingContainerImage() {
        var run = run(Wirings::b04BadImageFromOutput, mocks());
        String failure = run.failure();
        assertTrue(failure.contains("LoadBalancedService 'b04' has 1 problem in a value of another resource"),
                failure);
        assertTrue(failure.contains("container.image: '" + Wirings.BAD_IMAGE + "' has an invalid repository path "
                + "component 'JonasHackt'"), failure);
        assertTrue(namesOf(run, TASK_DEFINITION).isEmpty(), "a task definition with the bad image was registered");
    }
}
