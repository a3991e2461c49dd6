package io.github.fargateprivate.stack;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.fargateprivate.testing.OfflineMocks;
import io.github.fargateprivate.testing.OfflineRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.github.fargateprivate.Fixtures.DB_SECRET;
import static io.github.fargateprivate.Fixtures.ECR_REGISTRY;
import static io.github.fargateprivate.Fixtures.KEY;
import static io.github.fargateprivate.Fixtures.PARAMETER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The stack's keys for the pull-through cache and the VPC endpoints, and every refusal naming its key. */
class PullThroughCacheStackTest {

    private static final String REMOVE = StackConfigs.REMOVE;
    private static final String CACHE_SECRET =
            "arn:aws:secretsmanager:eu-central-1:123456789012:secret:ecr-pullthroughcache/ghcr-AbCdEf";

    /** A GHCR image with created credentials through the cache, in private subnets with endpoints. */
    private static Map<String, String> cache() {
        var config = new HashMap<>(StackConfigs.minimal());
        config.putAll(Map.of("pullThroughCache", "true", "vpcEndpoints", "true", "vpcId", "vpc-0123456789abcdef0",
                "publicSubnetIds", "[\"subnet-0aaaaaaaaaaaaaaa1\",\"subnet-0aaaaaaaaaaaaaaa2\"]",
                "privateSubnetIds", "[\"subnet-0bbbbbbbbbbbbbbb1\",\"subnet-0bbbbbbbbbbbbbbb2\"]"));
        return config;
    }

    private static Map<String, String> cache(Map<String, String> change) {
        return StackConfigs.changed(cache(), change);
    }

    private static OfflineRun ok(Map<String, String> config) {
        return StackConfigs.run(config).ok();
    }

    private static JsonObject main(OfflineRun run) {
        return run.json("app-ecs-task", "containerDefinitions").getAsJsonArray().get(0).getAsJsonObject();
    }

    private static Set<String> endpoints(OfflineRun run) {
        return run.mocks().ofType("aws:ec2/vpcEndpoint:VpcEndpoint").stream()
                .map(r -> String.valueOf(r.inputs().get("serviceName")).replace("com.amazonaws.eu-central-1.", ""))
                .collect(Collectors.toSet());
    }

    private static Map<String, List<String>> statements(OfflineRun run) {
        return run.statements("app-execution-exec-policy", "policy").stream().collect(Collectors.toMap(
                s -> s.get("Sid").getAsString(), s -> OfflineRun.strings(s.get("Resource"))));
    }

    @Test
    void theImageIsPulledThroughTheCacheFromPrivateSubnetsWithEndpoints() {
        var run = ok(cache());
        assertEquals(ECR_REGISTRY + "/test-github/acme/app:1.0", main(run).get("image").getAsString());
        assertFalse(main(run).has("repositoryCredentials"));
        assertEquals(Map.of("ecrRepositoryPrefix", "test-github", "upstreamRegistryUrl", "ghcr.io",
                        "credentialArn", "arn:aws:secretsmanager:eu-central-1:123456789012:secret:app-cache-secret-"
                                + "1a2b3c4-AbCdEf"), run.inputs("app-cache-rule"));
        assertEquals("ecr-pullthroughcache/test-github-", run.inputs("app-cache-secret").get("namePrefix"));
        assertEquals(Map.of(
                "PullThroughCache", List.of("arn:aws:ecr:eu-central-1:123456789012:repository/test-github/*"),
                "EcrAuthorizationToken", List.of("*")), statements(run));
        assertEquals(Set.of("ecr.api", "ecr.dkr", "logs", "s3"), endpoints(run));
        assertFalse(run.result().outputs().containsKey("credentialsSecretArn"), "the task reads no secret");
        var network = OfflineRun.block(run.inputs("app-ecs-service"), "networkConfiguration");
        assertEquals(false, network.get("assignPublicIp"));
    }

    @Test
    void thePasswordBecomesTheAccessTokenOfTheCacheSecretAndIsInNoOtherInput() {
        var run = ok(cache());
        var secret = JsonParser.parseString((String) run.inputs("app-cache-secret-version").get("secretString"))
                .getAsJsonObject();
        assertEquals(Set.of("username", "accessToken"), secret.keySet());
        assertEquals("acme", secret.get("username").getAsString());
        assertEquals(StackConfigs.PASSWORD, secret.get("accessToken").getAsString());
        for (var r : run.mocks().registrations()) {
            r.inputs().forEach((key, value) -> {
                if (!(r.name().equals("app-cache-secret-version") && key.equals("secretString"))) {
                    assertFalse(String.valueOf(value).contains(StackConfigs.PASSWORD), r.name() + "." + key);
                }
            });
        }
    }

    @Test
    void aGivenPrefixNamesTheRuleTheImageAndTheRepositories() {
        var run = ok(cache(Map.of("pullThroughCachePrefix", "team-a/ghcr")));
        assertEquals("team-a/ghcr", run.inputs("app-cache-rule").get("ecrRepositoryPrefix"));
        assertEquals(ECR_REGISTRY + "/team-a/ghcr/acme/app:1.0", main(run).get("image").getAsString());
        assertEquals(List.of("arn:aws:ecr:eu-central-1:123456789012:repository/team-a/ghcr/*"),
                statements(run).get("PullThroughCache"));
    }

    @Test
    void theDefaultPrefixIsTheStacksAndTheUpstreams() {
        var run = StackConfigs.run(StackConfigs.PROJECT, "Prod.EU", cache(), Set.of("registryPassword"),
                new OfflineMocks()).ok();
        assertEquals("prod-eu-github", run.inputs("app-cache-rule").get("ecrRepositoryPrefix"));
    }

    @Test
    void anExistingRuleNeedsNoCredentialsAndCreatesNoRuleAndNoSecret() {
        var run = StackConfigs.run(cache(Map.of("existingPullThroughCacheRule", "true", "registryUsername", REMOVE,
                "registryPassword", REMOVE)), Set.of()).ok();
        assertEquals(List.of(), run.mocks().ofType("aws:ecr/pullThroughCacheRule:PullThroughCacheRule"));
        assertEquals(List.of(), run.mocks().ofType("aws:secretsmanager/secret:Secret"));
        assertEquals(ECR_REGISTRY + "/test-github/acme/app:1.0", main(run).get("image").getAsString());
    }

    @Test
    void dockerHubsOfficialImagesArePulledUnderLibrary() {
        var run = ok(cache(Map.of("image", "nginx:1.27")));
        assertEquals(ECR_REGISTRY + "/test-docker-hub/library/nginx:1.27", main(run).get("image").getAsString());
        assertEquals("registry-1.docker.io", run.inputs("app-cache-rule").get("upstreamRegistryUrl"));
    }

    @Test
    void gitLabComImagesOfNestedGroupsKeepTheirPath() {
        var run = ok(cache(Map.of("image", "registry.gitlab.com/group/sub/app:2.0")));
        assertEquals(ECR_REGISTRY + "/test-gitlab/group/sub/app:2.0", main(run).get("image").getAsString());
        assertEquals("registry.gitlab.com", run.inputs("app-cache-rule").get("upstreamRegistryUrl"));
    }

    @Test
    void quaysPublicImagesArePulledThroughTheCacheWithoutCredentials() {
        var run = StackConfigs.run(cache(Map.of("image", "quay.io/prometheus/node-exporter:v1.8.2",
                "registryUsername", REMOVE, "registryPassword", REMOVE, "publicImage", "true")), Set.of()).ok();
        assertEquals(Map.of("ecrRepositoryPrefix", "test-quay", "upstreamRegistryUrl", "quay.io"),
                run.inputs("app-cache-rule"));
        assertEquals(ECR_REGISTRY + "/test-quay/prometheus/node-exporter:v1.8.2", main(run).get("image").getAsString());
    }

    @Test
    void anExistingCacheSecretIsTheRules() {
        var run = StackConfigs.run(cache(Map.of("registryUsername", REMOVE, "registryPassword", REMOVE,
                "registryCredentialsSecretArn", CACHE_SECRET)), Set.of()).ok();
        assertEquals(CACHE_SECRET, run.inputs("app-cache-rule").get("credentialArn"));
        assertEquals(List.of(), run.mocks().ofType("aws:secretsmanager/secret:Secret"));
        assertFalse(statements(run).containsKey("ReadSecrets"));
    }

    @Test
    void secretsManagerAndSsmEndpointsFollowTheAppSecrets() {
        assertEquals(Set.of("ecr.api", "ecr.dkr", "logs", "secretsmanager", "s3"),
                endpoints(ok(cache(Map.of("appSecrets", "{\"DB_PASSWORD\":\"" + DB_SECRET + "\"}")))));
        assertEquals(Set.of("ecr.api", "ecr.dkr", "logs", "ssm", "s3"),
                endpoints(ok(cache(Map.of("appSecrets", "{\"DB_URL\":\"" + PARAMETER + "\"}")))));
    }

    @Test
    void givenRouteTablesCarryTheS3Gateway() {
        var run = ok(cache(Map.of("privateRouteTableIds", "[\"rtb-0123456789abcdef0\",\"rtb-0fedcba9876543210\"]")));
        assertEquals(List.of("rtb-0123456789abcdef0", "rtb-0fedcba9876543210"),
                run.inputs("app-endpoints-s3").get("routeTableIds"));
    }

    @Test
    void theKeysSetToTheirDefaultsChangeNothing() {
        var config = StackConfigs.minimal();
        config.putAll(Map.of("pullThroughCache", "false", "existingPullThroughCacheRule", "false",
                "vpcEndpoints", "false"));
        var run = ok(config);
        assertEquals(ok(StackConfigs.minimal()).names(), run.names());
        assertEquals("ghcr.io/acme/app:1.0", main(run).get("image").getAsString());
    }

    // Refusals

    private static Arguments bad(Map<String, String> change, String key, String fragment) {
        return Arguments.of(change, key, fragment);
    }

    private static Map<String, String> existing(String secret) {
        return Map.of("registryUsername", REMOVE, "registryPassword", REMOVE, "registryCredentialsSecretArn", secret);
    }

    static Stream<Arguments> badConfigs() {
        return Stream.of(
                bad(Map.of("image", "registry.example.com/acme/app:1"), "pullThroughCache",
                        "custom cannot be a pull-through cache upstream: ECR mirrors Docker Hub, GHCR, GitLab.com and "
                                + "Quay only (not custom or self-managed GitLab registries, and not ECR itself)"),
                bad(Map.of("image", "gitlab.example.com/group/app:1"), "pullThroughCache",
                        "not custom or self-managed GitLab registries"),
                bad(Map.of("image", ECR_REGISTRY + "/app:1.0", "registryUsername", REMOVE, "registryPassword", REMOVE),
                        "pullThroughCache", "ecr cannot be a pull-through cache upstream"),
                bad(Map.of("kmsKeyArn", KEY), "kmsKeyArn", "ECR reads a pull-through cache secret only with the "
                        + "AWS managed key aws/secretsmanager; drop the customer managed key"),
                bad(Map.of("image", "quay.io/acme/app:1"), "registryUsername", "ECR caches only Quay's public images, "
                        + "without credentials"),
                bad(Map.of("image", "ghcr.io/acme/public:1", "registryUsername", REMOVE, "registryPassword", REMOVE,
                        "publicImage", "true"), "publicImage", "required for a ghcr upstream: ECR pulls with a GitHub "
                        + "personal access token"),
                bad(existing("arn:aws:secretsmanager:eu-central-1:123456789012:secret:registry/ghcr-AbCdEf"),
                        "registryCredentialsSecretArn", "the secret's name does not start with ecr-pullthroughcache/"),
                bad(existing("ecr-pullthroughcache/ghcr"), "registryCredentialsSecretArn",
                        "'ecr-pullthroughcache/ghcr' is not a complete secret ARN"),
                bad(existing("arn:aws:secretsmanager:eu-central-1:123456789012:secret:ecr-pullthroughcache/ghcr"),
                        "registryCredentialsSecretArn", "is a partial secret ARN"),
                bad(existing(CACHE_SECRET.replace("eu-central-1", "eu-west-1")), "registryCredentialsSecretArn",
                        "ECR reads a pull-through cache secret only in the rule's own account and region"),
                bad(Map.of("pullThroughCachePrefix", "Dev_Cache"), "pullThroughCachePrefix",
                        "'Dev_Cache' is not an ECR repository prefix (2-30 lower-case letters"),
                bad(Map.of("pullThroughCachePrefix", "x"), "pullThroughCachePrefix", "is not an ECR repository prefix"),
                bad(Map.of("pullThroughCachePrefix", "a".repeat(31)), "pullThroughCachePrefix",
                        "is not an ECR repository prefix"),
                bad(Map.of("pullThroughCache", REMOVE, "pullThroughCachePrefix", "team-a"), "pullThroughCache",
                        "false, but pullThroughCachePrefix or existingPullThroughCacheRule is set; turn the cache on: "
                                + "pulumi config set pullThroughCache true"),
                bad(Map.of("pullThroughCache", "false", "existingPullThroughCacheRule", "true"), "pullThroughCache",
                        "false, but pullThroughCachePrefix or existingPullThroughCacheRule is set"),
                bad(Map.of("existingPullThroughCacheRule", "true"), "registryUsername",
                        "existingPullThroughCacheRule is true, so ECR pulls with the credentials of the existing rule "
                                + "and the stack creates no cache secret; remove it: pulumi config rm registryUsername"),
                bad(Map.of("existingPullThroughCacheRule", "true"), "registryPassword",
                        "remove it: pulumi config rm registryPassword"),
                bad(Map.of("pullThroughCache", "yes"), "pullThroughCache", "'yes' is not true or false"),
                bad(Map.of("vpcEndpoints", REMOVE, "privateRouteTableIds", "[\"rtb-0123456789abcdef0\"]"),
                        "vpcEndpoints", "false, but privateRouteTableIds is set; turn the endpoints on: pulumi config "
                                + "set vpcEndpoints true"),
                bad(Map.of("vpcId", REMOVE, "publicSubnetIds", REMOVE, "privateSubnetIds", REMOVE), "vpcEndpoints",
                        "needs a network with private subnets: endpoints replace the NAT gateway of tasks without a "
                                + "public IP"),
                bad(Map.of("privateSubnetIds", REMOVE), "vpcEndpoints", "needs a network with private subnets"),
                bad(Map.of("privateRouteTableIds", "[\"rtb-1\"]"), "privateRouteTableIds",
                        "'rtb-1' is not a route table id (rtb- and 8 or 17 hex digits)"),
                bad(Map.of("privateRouteTableIds", "[]"), "privateRouteTableIds", "empty; leave it unset"));
    }

    @ParameterizedTest(name = "[{index}] {1}: {2}")
    @MethodSource("badConfigs")
    void failsBeforeAnyResourceWithAMessageNamingTheKey(Map<String, String> change, String key, String fragment) {
        var config = cache(change);
        var run = StackConfigs.run(config, config.containsKey("registryPassword") ? Set.of("registryPassword")
                : Set.of());
        assertNotEquals(0, run.result().exitCode());
        String message = run.errorText();
        assertTrue(message.contains("\n  - " + key + ": "), "message names " + key + ":\n" + message);
        assertTrue(message.contains(fragment), "message says '" + fragment + "':\n" + message);
        assertEquals(0, run.mocks().registrations().size(), "nothing is registered");
    }
}
