package io.github.fargateprivate.patterns;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.pulumi.core.Output;
import io.github.fargateprivate.ecs.EcsServiceOptions;
import io.github.fargateprivate.AwsEnvironment;
import io.github.fargateprivate.Problem;
import io.github.fargateprivate.RunAssertions;
import io.github.fargateprivate.Value;
import io.github.fargateprivate.ec2.NetworkArgs;
import io.github.fargateprivate.ec2.VpcEndpointsArgs;
import io.github.fargateprivate.ec2.VpcEndpointsOptions;
import io.github.fargateprivate.ecr.PullThroughCacheArgs;
import io.github.fargateprivate.ecr.PullThroughCacheOptions;
import io.github.fargateprivate.ecs.ContainerArgs;
import io.github.fargateprivate.ecs.FargateServiceArgs;
import io.github.fargateprivate.models.AwsModels;
import io.github.fargateprivate.registry.Registry;
import io.github.fargateprivate.secretsmanager.RegistryCredentials;
import io.github.fargateprivate.testing.OfflineMocks;
import io.github.fargateprivate.testing.OfflineRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Optional;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.github.fargateprivate.Fixtures.DB_SECRET;
import static io.github.fargateprivate.Fixtures.ECR_REGISTRY;
import static io.github.fargateprivate.Fixtures.ECR_IMAGE;
import static io.github.fargateprivate.Fixtures.GHCR_IMAGE;
import static io.github.fargateprivate.Fixtures.KEY;
import static io.github.fargateprivate.Fixtures.PARAMETER;
import static io.github.fargateprivate.Fixtures.PRIVATE_SUBNETS;
import static io.github.fargateprivate.Fixtures.REGISTRY_SECRET;
import static io.github.fargateprivate.RunAssertions.containers;
import static io.github.fargateprivate.testing.OfflineRun.blocks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The composite pulling its main image through an ECR pull-through cache, in private subnets with VPC endpoints. */
class LoadBalancedFargateServicePullThroughCacheTest {

    private static final String VPC = "vpc-0123456789abcdef0";
    private static final List<String> PUBLIC_SUBNETS = List.of("subnet-0e0e0e0e0e0e0e0e0", "subnet-0f0f0f0f0f0f0f0f0");
    private static final NetworkArgs PRIVATE_NETWORK = NetworkArgs.builder().vpcId(VPC).publicSubnetIds(PUBLIC_SUBNETS)
            .privateSubnetIds(PRIVATE_SUBNETS).build();
    /** The default prefix of a GHCR cache in the stack {@code test} that {@link OfflineRun#of} runs. */
    private static final String PREFIX = "test-github";
    /** What the mocks make of the cache secret of a composite named {@code svc}. */
    private static final String CACHE_SECRET =
            "arn:aws:secretsmanager:eu-central-1:123456789012:secret:svc-cache-secret-1a2b3c4-AbCdEf";
    private static final String EXISTING_CACHE_SECRET =
            "arn:aws:secretsmanager:eu-central-1:123456789012:secret:ecr-pullthroughcache/ghcr-AbCdEf";
    private static final List<String> CACHE_PULL = List.of("ecr:BatchCheckLayerAvailability",
            "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage", "ecr:BatchImportUpstreamImage", "ecr:CreateRepository");
    private static final String INGRESS_RULE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    private static final AwsEnvironment ENV =
            new AwsEnvironment(OfflineMocks.ACCOUNT, "eu-central-1", "aws", "amazonaws.com");

    /** One statement of the execution role's inline policy. */
    private record Statement(List<String> actions, List<String> resources) {
    }

    /** A run and the composite it created. */
    private record Created(OfflineRun run, LoadBalancedFargateService component) {
        JsonObject main() {
            return containers(run, "svc-fargate-task").get(0);
        }

        String image() {
            return main().get("image").getAsString();
        }

        Map<String, Statement> executionPolicy() {
            return run.statements("svc-execution-exec-policy", "policy").stream().collect(Collectors.toMap(
                    s -> s.get("Sid").getAsString(), s -> new Statement(OfflineRun.strings(s.get("Action")),
                            OfflineRun.strings(s.get("Resource")))));
        }

        /** @return the services of the created endpoints, interface ones and the S3 gateway */
        Set<String> endpoints() {
            return run.mocks().ofType("aws:ec2/vpcEndpoint:VpcEndpoint").stream()
                    .map(r -> String.valueOf(r.inputs().get("serviceName")).replace("com.amazonaws.eu-central-1.", ""))
                    .collect(Collectors.toSet());
        }

        String endpointsGroup() {
            return OfflineRun.value(component.vpcEndpoints().orElseThrow().securityGroupId());
        }

        String taskGroup() {
            return OfflineRun.value(component.service().securityGroupId());
        }
    }

    /** @return a GHCR image with created credentials, through the cache, in private subnets with endpoints */
    private static LoadBalancedServiceArgs.Builder cached() {
        return LoadBalancedFargateServiceArgs.builder()
                .container(ContainerArgs.builder().image(GHCR_IMAGE).build())
                .registryCredentials(RegistryCredentials.create("octocat", Output.ofSecret("ghp_token")))
                .pullThroughCache(PullThroughCacheOptions.builder().build())
                .network(PRIVATE_NETWORK)
                .vpcEndpoints(VpcEndpointsOptions.builder().build());
    }

    private static OfflineRun run(Consumer<LoadBalancedServiceArgs.Builder> configure,
                                  AtomicReference<LoadBalancedFargateService> component) {
        return OfflineRun.of(ctx -> {
            var args = cached();
            configure.accept(args);
            component.set(new LoadBalancedFargateService("svc", args.build()));
        }, new OfflineMocks());
    }

    private static Created ok(Consumer<LoadBalancedServiceArgs.Builder> configure) {
        var component = new AtomicReference<LoadBalancedFargateService>();
        var run = run(configure, component).ok();
        AwsModels.assertWellFormed(run);
        return new Created(run, component.get());
    }

    private static Consumer<LoadBalancedServiceArgs.Builder> image(String image) {
        return a -> a.container(ContainerArgs.builder().image(image).build());
    }

    // The image

    @Test
    void theMainImageIsPulledFromTheCacheWithoutRepositoryCredentials() {
        var c = ok(a -> a.sidecar(ContainerArgs.builder().name("otel").image(ECR_IMAGE).build()));
        assertEquals(ECR_REGISTRY + "/" + PREFIX + "/acme/app:1.2.3", c.image());
        assertFalse(c.main().has("repositoryCredentials"), c.main().toString());
        assertEquals(ECR_IMAGE, containers(c.run(), "svc-fargate-task").get(1).get("image").getAsString(),
                "a sidecar keeps its image");
        assertTrue(c.component().credentialsSecret().isEmpty());
        assertTrue(c.component().credentialsSecretArn().isEmpty());
        assertEquals(List.of(),
                c.run().mocks().ofType("fargate-private-registry:secretsmanager:RegistryCredentialsSecret"));
        assertEquals(List.of("svc-cache-secret"), c.run().mocks().ofType("aws:secretsmanager/secret:Secret").stream()
                .map(OfflineMocks.Registration::name).toList(), "the cache's secret is the only one");
        assertTrue(c.run().names().containsAll(Set.of("svc-cache", "svc-cache-rule", "svc-cache-template",
                "svc-endpoints", "svc-endpoints-s3")), c.run().names().toString());
    }

    @Test
    void theRuleMirrorsTheImagesRegistryWithTheCompositesCredentials() {
        var c = ok(a -> { });
        assertEquals(Map.of("ecrRepositoryPrefix", PREFIX, "upstreamRegistryUrl", "ghcr.io",
                "credentialArn", CACHE_SECRET), c.run().inputs("svc-cache-rule"));
        assertEquals("ecr-pullthroughcache/" + PREFIX + "-", c.run().inputs("svc-cache-secret").get("namePrefix"));
        assertEquals(JsonParser.parseString("{\"username\": \"octocat\", \"accessToken\": \"ghp_token\"}"),
                c.run().json("svc-cache-secret-version", "secretString"));
        assertEquals(PREFIX, c.component().pullThroughCache().orElseThrow().prefix());
    }

    @Test
    void dockerHubsOfficialImagesArePulledUnderLibrary() {
        var c = ok(image("nginx:1.27"));
        assertEquals(ECR_REGISTRY + "/test-docker-hub/library/nginx:1.27", c.image());
        assertEquals("registry-1.docker.io", c.run().inputs("svc-cache-rule").get("upstreamRegistryUrl"));
    }

    @Test
    void anImageOfAnotherResourceIsRewrittenOnceKnown() {
        var c = ok(a -> a.container(ContainerArgs.builder().image(Output.of("ghcr.io/acme/app@sha256:"
                        + "0123456789abcdef".repeat(4))).build())
                .pullThroughCache(PullThroughCacheOptions.builder().registry(Registry.GHCR).build()));
        assertEquals(ECR_REGISTRY + "/" + PREFIX + "/acme/app@sha256:" + "0123456789abcdef".repeat(4), c.image());
        assertEquals(Set.of("PullThroughCache", "EcrAuthorizationToken"), c.executionPolicy().keySet());
    }

    @Test
    void aGivenPrefixNamesTheImageTheRuleAndTheRepositories() {
        var c = ok(a -> a.pullThroughCache(PullThroughCacheOptions.builder().prefix("shared/ghcr").build()));
        assertEquals(ECR_REGISTRY + "/shared/ghcr/acme/app:1.2.3", c.image());
        assertEquals("shared/ghcr", c.run().inputs("svc-cache-rule").get("ecrRepositoryPrefix"));
        assertEquals(List.of("arn:aws:ecr:eu-central-1:123456789012:repository/shared/ghcr/*"),
                c.executionPolicy().get("PullThroughCache").resources());
    }

    @Test
    void anExistingRuleCreatesNoRuleAndNoSecretButTheTasksStillPullThroughIt() {
        var c = ok(a -> a.pullThroughCache(PullThroughCacheOptions.builder().existingRule(true).build()));
        assertEquals(ECR_REGISTRY + "/" + PREFIX + "/acme/app:1.2.3", c.image());
        assertEquals(List.of(), c.run().mocks().ofType("aws:secretsmanager/secret:Secret"));
        assertEquals(List.of(), c.run().mocks().ofType("aws:ecr/pullThroughCacheRule:PullThroughCacheRule"));
        assertEquals(Set.of("PullThroughCache", "EcrAuthorizationToken"), c.executionPolicy().keySet());
    }

    // The execution role

    @Test
    void theRoleMayPullAndImportThroughExactlyThePrefixAndReadsNoCacheSecret() {
        var c = ok(a -> { });
        assertEquals(Map.of(
                "PullThroughCache", new Statement(CACHE_PULL,
                        List.of("arn:aws:ecr:eu-central-1:123456789012:repository/" + PREFIX + "/*")),
                "EcrAuthorizationToken", new Statement(List.of("ecr:GetAuthorizationToken"), List.of("*"))),
                c.executionPolicy());
        String policy = String.valueOf(c.run().inputs("svc-execution-exec-policy").get("policy"));
        assertFalse(policy.contains("secretsmanager"), policy);
        assertFalse(policy.contains("svc-cache-secret"), policy);
    }

    @Test
    void anAppSecretIsReadButTheCacheSecretIsNot() {
        var c = ok(a -> a.container(ContainerArgs.builder().image(GHCR_IMAGE).appSecret("DB_PASSWORD", DB_SECRET)
                .build()));
        var policy = c.executionPolicy();
        assertEquals(Set.of("PullThroughCache", "EcrAuthorizationToken", "ReadSecrets"), policy.keySet());
        assertEquals(new Statement(List.of("secretsmanager:GetSecretValue"), List.of(DB_SECRET)),
                policy.get("ReadSecrets"));
    }

    @Test
    void anExistingCacheSecretIsTheRulesAndNotTheRoles() {
        var c = ok(a -> a.registryCredentials(RegistryCredentials.existing(EXISTING_CACHE_SECRET)));
        assertEquals(EXISTING_CACHE_SECRET, c.run().inputs("svc-cache-rule").get("credentialArn"));
        assertEquals(Set.of("PullThroughCache", "EcrAuthorizationToken"), c.executionPolicy().keySet());
        assertEquals(Set.of("ecr.api", "ecr.dkr", "logs", "s3"), c.endpoints());
    }

    // The endpoints

    static Stream<Arguments> endpointSets() {
        return Stream.of(
                Arguments.of("no secret", (Consumer<ContainerArgs.Builder>) b -> { },
                        Set.of("ecr.api", "ecr.dkr", "logs", "s3")),
                Arguments.of("a Secrets Manager secret", (Consumer<ContainerArgs.Builder>) b ->
                        b.appSecret("DB_PASSWORD", DB_SECRET),
                        Set.of("ecr.api", "ecr.dkr", "logs", "secretsmanager", "s3")),
                Arguments.of("an SSM parameter", (Consumer<ContainerArgs.Builder>) b ->
                        b.appSecret("DB_URL", PARAMETER), Set.of("ecr.api", "ecr.dkr", "logs", "ssm", "s3")),
                Arguments.of("both", (Consumer<ContainerArgs.Builder>) b -> b.appSecret("DB_URL", PARAMETER)
                        .appSecret("DB_PASSWORD", DB_SECRET), Set.of("ecr.api", "ecr.dkr", "logs", "secretsmanager",
                        "ssm", "s3")),
                Arguments.of("a secret of another resource, which could be either",
                        (Consumer<ContainerArgs.Builder>) b -> b.appSecret("DB_PASSWORD", Output.of(DB_SECRET)), Set.of("ecr.api", "ecr.dkr", "logs",
                        "secretsmanager", "ssm", "s3")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpointSets")
    void theEndpointsAreThoseTheTaskNeeds(String description, Consumer<ContainerArgs.Builder> secrets,
                                          Set<String> endpoints) {
        var container = ContainerArgs.builder().image(GHCR_IMAGE);
        secrets.accept(container);
        var c = ok(a -> a.container(container.build()));
        assertEquals(endpoints, c.endpoints());
        assertEquals(PRIVATE_SUBNETS, c.run().inputs("svc-endpoints-logs").get("subnetIds"));
    }

    @Test
    void withoutTheCacheTheTaskReadsItsRegistrySecretThroughSecretsManagersEndpoint() {
        var c = ok(a -> a.pullThroughCache(Optional.empty()));
        assertEquals(Set.of("ecr.api", "ecr.dkr", "logs", "secretsmanager", "s3"), c.endpoints());
        assertEquals(GHCR_IMAGE, c.image());
    }

    @Test
    void theEndpointsAdmitHttpsFromExactlyTheTasks() {
        var c = ok(a -> { });
        assertEquals(Map.of("description", "HTTPS from the tasks of svc-fargate", "securityGroupId", c.endpointsGroup(),
                "referencedSecurityGroupId", c.taskGroup(), "ipProtocol", "tcp", "fromPort", 443.0, "toPort", 443.0),
                c.run().inputs("svc-fargate-endpoints-ingress"));
        assertEquals(List.of("svc-fargate-endpoints-ingress"), c.run().mocks().ofType(INGRESS_RULE).stream()
                .filter(r -> c.endpointsGroup().equals(r.inputs().get("securityGroupId")))
                .map(OfflineMocks.Registration::name).toList());
        assertFalse(c.run().inputs("svc-endpoints-sg").containsKey("ingress"));
        assertEquals(c.endpointsGroup(), OfflineRun.value(c.component().service().endpointsIngress().orElseThrow()
                .securityGroupId()));
    }

    @Test
    void restrictedEgressAlsoReachesTheEndpointsAndTheS3PrefixList() {
        var c = ok(a -> a.service(EcsServiceOptions.builder().taskEgressCidrBlocks(List.of("10.0.0.0/16")).build()));
        String prefixList = OfflineRun.value(c.component().vpcEndpoints().orElseThrow().s3PrefixListId());
        assertTrue(prefixList.startsWith("pl-"), prefixList);
        assertEquals(List.of(
                Map.of("description", "HTTPS to the allowed destinations only", "protocol", "tcp", "fromPort", 443.0,
                        "toPort", 443.0, "cidrBlocks", List.of("10.0.0.0/16")),
                Map.of("description", "HTTPS to the VPC endpoints", "protocol", "tcp", "fromPort", 443.0,
                        "toPort", 443.0, "securityGroups", List.of(c.endpointsGroup())),
                Map.of("description", "HTTPS to S3 through the gateway endpoint (image layers)", "protocol", "tcp",
                        "fromPort", 443.0, "toPort", 443.0, "prefixListIds", List.of(prefixList))),
                blocks(c.run().inputs("svc-fargate-task-sg"), "egress"));
    }

    @Test
    void unrestrictedEgressStaysOneRuleToAnywhere() {
        var egress = blocks(ok(a -> { }).run().inputs("svc-fargate-task-sg"), "egress");
        assertEquals(1, egress.size(), egress.toString());
        assertEquals(List.of("0.0.0.0/0"), egress.get(0).get("cidrBlocks"));
    }

    @Test
    void givenRouteTablesCarryTheS3Gateway() {
        var c = ok(a -> a.vpcEndpoints(VpcEndpointsOptions.builder().routeTableIds(List.of("rtb-0123456789abcdef0"))
                .build()));
        assertEquals(List.of("rtb-0123456789abcdef0"), c.run().inputs("svc-endpoints-s3").get("routeTableIds"));
        assertFalse(c.run().mocks().invokes().contains("aws:ec2/getRouteTable:getRouteTable"));
    }

    /**
     * The composite holds the endpoints' options: their builder has no setter for the VPC, the subnets or the
     * services (the refusal of earlier versions, "set only routeTableIds and tags here", is gone), and the wiring of
     * args given there is not taken: the composite's network and containers decide it.
     */
    @Test
    void theEndpointsTakeTheirOptionsAndTheCompositeWiresTheRest() {
        Set<String> setters = java.util.Arrays.stream(VpcEndpointsOptions.Builder.class.getMethods())
                .map(java.lang.reflect.Method::getName).collect(Collectors.toSet());
        for (String wiring : List.of("vpcId", "subnetIds", "service", "services")) {
            assertFalse(setters.contains(wiring), wiring);
        }
        var wired = VpcEndpointsArgs.builder().vpcId(Value.of("vpc-0fedcba9876543210"))
                .subnetIds(Value.of(PUBLIC_SUBNETS)).service("ecs").routeTableIds(List.of("rtb-0123456789abcdef0"))
                .build();
        var options = LoadBalancedFargateServiceArgs.builder().vpcEndpoints(wired).build().vpcEndpoints().orElseThrow();
        assertFalse(options instanceof VpcEndpointsArgs, "only the options are held");
        var c = ok(a -> a.vpcEndpoints(wired));
        assertEquals(VPC, c.run().inputs("svc-endpoints-s3").get("vpcId"));
        assertEquals(List.of("rtb-0123456789abcdef0"), c.run().inputs("svc-endpoints-s3").get("routeTableIds"));
        assertEquals(PRIVATE_SUBNETS, c.run().inputs("svc-endpoints-ecr-api").get("subnetIds"));
        assertFalse(c.endpoints().contains("ecs"), c.endpoints().toString());
    }

    /**
     * The composite holds the cache's options: their builder has no setter for the credentials (the refusal of
     * earlier versions, "set registryCredentials on the LoadBalancedFargateServiceArgs", is gone), and credentials
     * in args given there are not taken: the rule reads the composite's.
     */
    @Test
    void theCacheTakesItsOptionsAndTheCompositesCredentials() {
        Set<String> setters = java.util.Arrays.stream(PullThroughCacheOptions.Builder.class.getMethods())
                .map(java.lang.reflect.Method::getName).collect(Collectors.toSet());
        assertFalse(setters.contains("credentials"), setters.toString());
        var wired = PullThroughCacheArgs.builder().prefix("dev-ghcr")
                .credentials(RegistryCredentials.existing(EXISTING_CACHE_SECRET)).build();
        var options = LoadBalancedFargateServiceArgs.builder().pullThroughCache(wired).build().pullThroughCache()
                .orElseThrow();
        assertFalse(options instanceof PullThroughCacheArgs, "only the options are held");
        var c = ok(a -> a.pullThroughCache(wired));
        assertEquals("dev-ghcr", c.run().inputs("svc-cache-rule").get("ecrRepositoryPrefix"));
        assertEquals(CACHE_SECRET, c.run().inputs("svc-cache-rule").get("credentialArn"));
    }

    @Test
    void tagsReachTheCacheAndTheEndpoints() {
        var c = ok(a -> a.tags(Map.of("team", "platform")));
        assertEquals(Map.of("team", "platform"), c.run().inputs("svc-cache-secret").get("tags"));
        assertFalse(c.run().inputs("svc-cache-template").containsKey("resourceTags"), "ECR would need a role");
        assertEquals(Map.of("team", "platform"), c.run().inputs("svc-endpoints-ecr-api").get("tags"));
        assertEquals(Map.of("team", "platform"), c.run().inputs("svc-fargate-endpoints-ingress").get("tags"));
    }

    @Test
    void withAnExplicitProviderTheCacheTheEndpointsAndTheirLookupsUseIt() {
        var component = new AtomicReference<LoadBalancedFargateService>();
        var run = OfflineRun.of(ctx -> component.set(new LoadBalancedFargateService("svc", cached().build(),
                RunAssertions.westProvider())), new OfflineMocks()).ok();
        RunAssertions.assertEverythingUsesWest(run);
        assertTrue(run.mocks().invokes().contains("aws:ec2/getRouteTable:getRouteTable"));
        var c = new Created(run, component.get());
        assertEquals("123456789012.dkr.ecr.us-west-2.amazonaws.com/" + PREFIX + "/acme/app:1.2.3", c.image());
        assertEquals(List.of("arn:aws:ecr:us-west-2:123456789012:repository/" + PREFIX + "/*"),
                c.executionPolicy().get("PullThroughCache").resources());
        assertEquals("com.amazonaws.us-west-2.ecr.dkr", run.inputs("svc-endpoints-ecr-dkr").get("serviceName"));
    }

    // Refusals

    private static Arguments bad(String field, String fragment,
                                 Consumer<LoadBalancedServiceArgs.Builder> configure) {
        return Arguments.of(field, fragment, configure);
    }

    private static Consumer<LoadBalancedServiceArgs.Builder> credentials(RegistryCredentials credentials) {
        return a -> a.registryCredentials(credentials);
    }

    static Stream<Arguments> badArgs() {
        return Stream.of(
                bad("vpcEndpoints", "needs a network with private subnets: endpoints replace the NAT gateway of tasks "
                        + "without a public IP", a -> a.network(Optional.empty())),
                bad("vpcEndpoints", "needs a network with private subnets", a -> a.network(NetworkArgs.builder()
                        .vpcId(VPC).publicSubnetIds(PUBLIC_SUBNETS).build())),
                bad("vpcEndpoints.routeTableIds", "'rtb-1' is not a route table id",
                        a -> a.vpcEndpoints(VpcEndpointsOptions.builder().routeTableIds(List.of("rtb-1")).build())),
                bad("pullThroughCache.registry", "custom cannot be a pull-through cache upstream",
                        image("registry.example.com/acme/app:1")),
                bad("pullThroughCache.registry", "custom cannot be a pull-through cache upstream",
                        image("gitlab.example.com/group/app:1")),
                bad("pullThroughCache.registry", "ecr cannot be a pull-through cache upstream",
                        image(ECR_IMAGE).andThen(credentials(RegistryCredentials.none()))),
                bad("pullThroughCache.registry", "gitlab contradicts the image's registry ghcr",
                        a -> a.pullThroughCache(PullThroughCacheOptions.builder().registry(Registry.GITLAB).build())),
                bad("pullThroughCache.registry", "required for an image from another resource",
                        a -> a.container(ContainerArgs.builder().image(Output.of(GHCR_IMAGE)).build())),
                bad("pullThroughCache.credentials", "required for a ghcr upstream",
                        credentials(RegistryCredentials.none())),
                bad("pullThroughCache.credentials", "ECR caches only Quay's public images",
                        image("quay.io/acme/app:1")),
                bad("pullThroughCache.credentials.kmsKeyArn", "aws/secretsmanager", credentials(RegistryCredentials
                        .create("octocat", Output.ofSecret("ghp_token")).kmsKeyArn(KEY))),
                bad("pullThroughCache.credentials.secret", "does not start with ecr-pullthroughcache/",
                        credentials(RegistryCredentials.existing(REGISTRY_SECRET))),
                bad("pullThroughCache.prefix", "'Dev' is not an ECR repository prefix",
                        a -> a.pullThroughCache(PullThroughCacheOptions.builder().prefix("Dev").build())));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("badArgs")
    void badArgsAreRefusedUnderTheCompositesFieldsBeforeAnyAwsResource(
            String field, String fragment, Consumer<LoadBalancedServiceArgs.Builder> configure) {
        var run = run(configure, new AtomicReference<>());
        RunAssertions.refusedBeforeAnyResource(run, field, fragment);
    }

    @Test
    void quaysPublicImagesArePulledThroughTheCacheWithoutCredentials() {
        var c = ok(image("quay.io/prometheus/node-exporter:v1.8.2").andThen(credentials(RegistryCredentials.none())));
        assertEquals(ECR_REGISTRY + "/test-quay/prometheus/node-exporter:v1.8.2", c.image());
        assertEquals(Map.of("ecrRepositoryPrefix", "test-quay", "upstreamRegistryUrl", "quay.io"),
                c.run().inputs("svc-cache-rule"));
    }

    @Test
    void problemsAreFoundWithoutTheEngineForAStackToReportWithItsOwn() {
        assertEquals(List.of(), LoadBalancedFargateService.problems("svc", cached().build(), ENV));
        assertEquals(List.of("pullThroughCache.registry"), LoadBalancedFargateService.problems("svc",
                        cached().container(ContainerArgs.builder().image("registry.example.com/acme/app:1").build())
                                .build(), ENV).stream().map(Problem::field).toList());
    }
}
