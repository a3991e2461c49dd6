package io.github.fargateprivate.ecr;

import com.google.gson.JsonParser;
import com.pulumi.core.Output;
import io.github.fargateprivate.AwsEnvironment;
import io.github.fargateprivate.ComponentHarness;
import io.github.fargateprivate.ComponentHarness.Created;
import io.github.fargateprivate.EngineRequests;
import io.github.fargateprivate.Problem;
import io.github.fargateprivate.Problems;
import io.github.fargateprivate.RunAssertions;
import io.github.fargateprivate.iam.ChinaMocks;
import io.github.fargateprivate.registry.ImageReference;
import io.github.fargateprivate.registry.Registry;
import io.github.fargateprivate.secretsmanager.RegistryCredentials;
import io.github.fargateprivate.testing.OfflineMocks;
import io.github.fargateprivate.testing.OfflineRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static io.github.fargateprivate.Fixtures.ECR_REGISTRY;
import static io.github.fargateprivate.Fixtures.KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PullThroughCacheTest {

    private static final String DIGEST = "sha256:" + "0123456789abcdef".repeat(4);
    /** A token with characters JSON must escape. */
    private static final String TOKEN = "ghp_t0k\"en\\42";
    /** What the mocks make of the secret a cache named {@code cache} creates. */
    private static final String CREATED_SECRET =
            "arn:aws:secretsmanager:eu-central-1:123456789012:secret:cache-secret-1a2b3c4-AbCdEf";
    private static final String CACHE_SECRET =
            "arn:aws:secretsmanager:eu-central-1:123456789012:secret:ecr-pullthroughcache/ghcr-AbCdEf";
    private static final String RULE = "aws:ecr/pullThroughCacheRule:PullThroughCacheRule";
    private static final AwsEnvironment ENV =
            new AwsEnvironment(OfflineMocks.ACCOUNT, "eu-central-1", "aws", "amazonaws.com");

    // The image a task pulls through the cache

    static Stream<Arguments> rewrites() {
        return Stream.of(
                Arguments.of("ghcr.io/acme/app:1.2.3", "dev-github", "/dev-github/acme/app:1.2.3"),
                Arguments.of("nginx:1.27", "dev-docker-hub", "/dev-docker-hub/library/nginx:1.27"),
                Arguments.of("nginx", "dev-docker-hub", "/dev-docker-hub/library/nginx"),
                Arguments.of("docker.io/nginx:1.27", "hub", "/hub/library/nginx:1.27"),
                Arguments.of("docker.io/library/nginx:1.27", "hub", "/hub/library/nginx:1.27"),
                Arguments.of("index.docker.io/library/redis:7.2", "hub", "/hub/library/redis:7.2"),
                Arguments.of("bitnami/redis:7.2", "hub", "/hub/bitnami/redis:7.2"),
                Arguments.of("docker.io/nginxinc/nginx-unprivileged:1.27-alpine", "hub",
                        "/hub/nginxinc/nginx-unprivileged:1.27-alpine"),
                Arguments.of("registry.gitlab.com/group/sub/deeper/app:2.0", "dev-gitlab",
                        "/dev-gitlab/group/sub/deeper/app:2.0"),
                Arguments.of("ghcr.io/acme/app@" + DIGEST, "dev-github", "/dev-github/acme/app@" + DIGEST),
                Arguments.of("ghcr.io/acme/app:1.2.3@" + DIGEST, "dev-github",
                        "/dev-github/acme/app:1.2.3@" + DIGEST),
                Arguments.of("nginx@" + DIGEST, "hub", "/hub/library/nginx@" + DIGEST),
                Arguments.of("quay.io/prometheus/node-exporter:v1.8.2", "dev-quay",
                        "/dev-quay/prometheus/node-exporter:v1.8.2"),
                Arguments.of("quay.io/coreos/etcd", "team/quay", "/team/quay/coreos/etcd"));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("rewrites")
    void theImageIsPulledFromTheCacheWithItsTagAndDigest(String upstream, String prefix, String path) {
        assertEquals(ECR_REGISTRY + path,
                PullThroughCache.imageFor(ImageReference.parse(upstream), prefix, ECR_REGISTRY));
    }

    // The default prefix

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "dev, GHCR, dev-github",
            "dev, DOCKERHUB, dev-docker-hub",
            "dev, GITLAB, dev-gitlab",
            "dev, QUAY, dev-quay",
            "Prod.EU, GHCR, prod-eu-github",
            "my_stack--2, GHCR, my-stack-2-github",
            "a-very-long-stack-name-for-production, GHCR, a-very-long-stack-name-github",
            "production-europe-central, DOCKERHUB, production-europe-c-docker-hub",
            "...., GHCR, stack-github"})
    void theDefaultPrefixIsTheStacksAndTheUpstreamsNameCutToThirty(String stack, Registry registry, String prefix) {
        assertEquals(prefix, PullThroughCacheArgs.defaultPrefix(stack, registry));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "Prod.EU", "x", "a-very-long-stack-name-for-production-in-europe",
            "stack.with.many.dots.and.a.very.long.tail", "123", "-dev-", "ÄÖÜ-prod"})
    void everyDefaultPrefixIsOneEcrAccepts(String stack) {
        for (Registry registry : List.of(Registry.GHCR, Registry.DOCKERHUB, Registry.GITLAB, Registry.QUAY)) {
            String prefix = PullThroughCacheArgs.defaultPrefix(stack, registry);
            var problems = Problems.of("PullThroughCache", "cache");
            PullThroughCacheArgs.builder().registry(registry).prefix(prefix).existingRule(true).build()
                    .validate(problems).checkAccountAndRegion(problems, ENV);
            assertEquals(List.of(), problems.list(), prefix);
            assertTrue(prefix.endsWith("-" + registry.pullThroughCacheName()), prefix);
        }
    }

    // The rule, its template and its secret

    private static Created<PullThroughCache> cache(Consumer<PullThroughCacheArgs.Builder> configure) {
        return cache(configure, new OfflineMocks());
    }

    private static Created<PullThroughCache> cache(Consumer<PullThroughCacheArgs.Builder> configure,
                                                   OfflineMocks mocks) {
        var args = PullThroughCacheArgs.builder().registry(Registry.GHCR).prefix("dev-github")
                .credentials(RegistryCredentials.create("octocat", Output.of(TOKEN)));
        configure.accept(args);
        return ComponentHarness.create(options -> new PullThroughCache("cache", args.build(), options), mocks, false);
    }

    @Test
    void createdCredentialsBecomeTheRulesSecret() {
        var c = cache(a -> { }).ok();
        ComponentHarness.assertChildren(c, Set.of("cache-secret", "cache-secret-version", "cache-rule",
                "cache-template"));
        assertEquals(PullThroughCache.TYPE, c.run().mocks().named("cache").type());
        assertEquals(Map.of("ecrRepositoryPrefix", "dev-github", "upstreamRegistryUrl", "ghcr.io",
                "credentialArn", CREATED_SECRET), c.inputs("cache-rule"));
        assertEquals(Map.of("namePrefix", "ecr-pullthroughcache/dev-github-",
                "description", "Upstream credentials of the ECR pull-through cache dev-github/ (read by ECR)"),
                c.inputs("cache-secret"));
        assertEquals(CREATED_SECRET, c.inputs("cache-secret-version").get("secretId"));
        assertEquals(CREATED_SECRET, OfflineRun.value(c.component().secret().orElseThrow().arn()));
    }

    @Test
    void theSecretHoldsExactlyUsernameAndAccessToken() {
        String json = (String) cache(a -> { }).ok().inputs("cache-secret-version").get("secretString");
        assertEquals("{\"username\":\"octocat\",\"accessToken\":\"ghp_t0k\\\"en\\\\42\"}", json);
        var parsed = JsonParser.parseString(json).getAsJsonObject();
        assertEquals(Set.of("username", "accessToken"), parsed.keySet());
        assertEquals(TOKEN, parsed.get("accessToken").getAsString());
    }

    /** The token is given as a plain Output: the secret's value is secret anyway, and no other input holds it. */
    @Test
    void theTokenIsSentToTheEngineAsASecretAndInNoOtherInput() {
        var requests = EngineRequests.of(ctx -> new PullThroughCache("cache", PullThroughCacheArgs.builder()
                .registry(Registry.GHCR).prefix("dev-github")
                .credentials(RegistryCredentials.create("octocat", Output.of(TOKEN))).build()));
        String value = EngineRequests.secretValue(requests.get("cache-secret-version"), "secretString")
                .orElseThrow(() -> new AssertionError("secretString is sent in plain form"));
        assertEquals(Set.of("username", "accessToken"), JsonParser.parseString(value).getAsJsonObject().keySet());
        assertEquals(Set.of("cache-secret-version.secretString"), EngineRequests.inputsHolding(requests, "t0k"));
    }

    @Test
    void theTemplateEncryptsWithAes256AndExpiresUntaggedImages() {
        var inputs = cache(a -> { }).ok().inputs("cache-template");
        assertEquals(Set.of("prefix", "appliedFors", "description", "imageTagMutability", "encryptionConfigurations",
                "lifecyclePolicy"), inputs.keySet());
        assertEquals("dev-github", inputs.get("prefix"));
        assertEquals(List.of("PULL_THROUGH_CACHE"), inputs.get("appliedFors"));
        assertEquals(List.of(Map.of("encryptionType", "AES256")), inputs.get("encryptionConfigurations"));
        assertEquals("MUTABLE", inputs.get("imageTagMutability"), "the cache refreshes tags from upstream");
        assertEquals(JsonParser.parseString("""
                {"rules": [{"rulePriority": 1, "description": "Expire untagged images after 14 days",
                  "selection": {"tagStatus": "untagged", "countType": "sinceImagePushed", "countUnit": "days",
                                "countNumber": 14},
                  "action": {"type": "expire"}}]}"""), JsonParser.parseString((String) inputs.get("lifecyclePolicy")));
    }

    @Test
    void theExpiryOfUntaggedImagesIsConfigurable() {
        var policy = JsonParser.parseString((String) cache(a -> a.untaggedExpiryDays(30)).ok()
                .inputs("cache-template").get("lifecyclePolicy")).getAsJsonObject();
        var rule = policy.getAsJsonArray("rules").get(0).getAsJsonObject();
        assertEquals(30, rule.getAsJsonObject("selection").get("countNumber").getAsInt());
        assertEquals("Expire untagged images after 30 days", rule.get("description").getAsString());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"GHCR, ghcr.io", "DOCKERHUB, registry-1.docker.io", "GITLAB, registry.gitlab.com"})
    void eachUpstreamIsMirroredFromItsRegistryUrlWithCredentials(Registry registry, String url) {
        var rule = cache(a -> a.registry(registry)).ok().inputs("cache-rule");
        assertEquals(url, rule.get("upstreamRegistryUrl"));
        assertEquals(CREATED_SECRET, rule.get("credentialArn"));
    }

    @Test
    void quaysPublicImagesAreMirroredWithoutCredentials() {
        var c = cache(a -> a.registry(Registry.QUAY).prefix("dev-quay").credentials(RegistryCredentials.none())).ok();
        ComponentHarness.assertChildren(c, Set.of("cache-rule", "cache-template"));
        assertEquals(Map.of("ecrRepositoryPrefix", "dev-quay", "upstreamRegistryUrl", "quay.io"),
                c.inputs("cache-rule"));
        assertTrue(c.component().secret().isEmpty());
    }

    @Test
    void anExistingCacheSecretIsTheRulesAndNoSecretIsCreated() {
        var c = cache(a -> a.credentials(RegistryCredentials.existing(CACHE_SECRET))).ok();
        ComponentHarness.assertChildren(c, Set.of("cache-rule", "cache-template"));
        assertEquals(CACHE_SECRET, c.inputs("cache-rule").get("credentialArn"));
        assertEquals(List.of(), c.run().mocks().ofType("aws:secretsmanager/secret:Secret"));
    }

    @Test
    void anExistingCacheSecretOfAnotherResourceIsTheRules() {
        var c = cache(a -> a.credentials(RegistryCredentials.existing(Output.of(CACHE_SECRET)))).ok();
        assertEquals(CACHE_SECRET, c.inputs("cache-rule").get("credentialArn"));
    }

    @Test
    void anExistingRuleCreatesNothingButStillNamesTheImagesAndRepositories() {
        var c = cache(a -> a.existingRule(true)).ok();
        ComponentHarness.assertChildren(c, Set.of());
        assertEquals(List.of(), c.run().mocks().awsResources());
        assertTrue(c.component().rule().isEmpty() && c.component().template().isEmpty()
                && c.component().secret().isEmpty());
        assertEquals("dev-github", c.value(PullThroughCache::ruleReady));
        assertEquals(ECR_REGISTRY + "/dev-github/acme/app:1",
                c.component().imageFor(ImageReference.parse("ghcr.io/acme/app:1")));
        assertEquals("arn:aws:ecr:eu-central-1:123456789012:repository/dev-github/*",
                c.component().repositoryArnPattern());
    }

    @Test
    void anExistingRuleNeedsNoCredentials() {
        cache(a -> a.existingRule(true).credentials(RegistryCredentials.none())).ok();
        cache(a -> a.registry(Registry.QUAY).existingRule(true)).ok();
    }

    @Test
    void theCacheIsReadyOnceTheRuleAndTheTemplateExist() {
        var c = cache(a -> { }).ok();
        assertEquals("dev-github", c.value(PullThroughCache::ruleReady));
        ComponentHarness.assertWaitsFor(c.component().ruleReady(), "cache-rule", "cache-template");
    }

    @Test
    void theRepositoriesAreExactlyThePrefixesInTheAccountAndRegion() {
        var c = cache(a -> a.prefix("team-a/ghcr")).ok();
        assertEquals("arn:aws:ecr:eu-central-1:123456789012:repository/team-a/ghcr/*",
                c.component().repositoryArnPattern());
        assertEquals("team-a/ghcr", c.component().prefix());
        assertEquals(ECR_REGISTRY + "/team-a/ghcr/acme/app:1",
                c.component().imageFor(ImageReference.parse("ghcr.io/acme/app:1")));
    }

    @Test
    void inChinaTheRepositoriesAndTheRegistryHostAreOfItsPartition() {
        var c = cache(a -> { }, new ChinaMocks()).ok();
        assertEquals("arn:aws-cn:ecr:cn-north-1:123456789012:repository/dev-github/*",
                c.component().repositoryArnPattern());
        assertEquals("123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/dev-github/acme/app:1",
                c.component().imageFor(ImageReference.parse("ghcr.io/acme/app:1")));
    }

    @Test
    void withAnExplicitProviderEverythingGoesThroughItAndIsOfItsRegion() {
        var c = ComponentHarness.createWithProvider(options -> new PullThroughCache("cache", PullThroughCacheArgs
                .builder().registry(Registry.GHCR).prefix("dev-github")
                .credentials(RegistryCredentials.create("octocat", Output.of(TOKEN))).build(), options)).ok();
        ComponentHarness.assertEverythingThroughProvider(c.run());
        assertEquals(ComponentHarness.ENVIRONMENT_INVOKES, ComponentHarness.sortedInvokes(c.run()));
        assertEquals("arn:aws:ecr:us-west-2:123456789012:repository/dev-github/*",
                c.component().repositoryArnPattern());
        assertEquals("123456789012.dkr.ecr.us-west-2.amazonaws.com/dev-github/acme/app:1",
                c.component().imageFor(ImageReference.parse("ghcr.io/acme/app:1")));
    }

    /** Tags on the template's repositories would need a custom role for ECR, without which pulls fail. */
    @Test
    void tagsReachTheSecretButNotTheRepositoriesTheTemplateCreates() {
        var c = cache(a -> a.tags(Map.of("team", "platform"))).ok();
        assertEquals(Map.of("team", "platform"), c.inputs("cache-secret").get("tags"));
        assertFalse(c.inputs("cache-template").containsKey("resourceTags"), c.inputs("cache-template").toString());
        assertFalse(c.inputs("cache-template").containsKey("customRoleArn"));
        assertEquals(Set.of("aws:secretsmanager/secret:Secret"),
                RunAssertions.assertTaggedEverywhere(c.run(), Map.of("team", "platform")));
    }

    @Test
    void aPreviewWithUnknownOutputsRegistersTheSameResources() {
        var preview = cache(a -> { }, new OfflineMocks().unknownOutputs()).ok();
        assertEquals(RunAssertions.resourceSet(cache(a -> { }).ok().run().mocks()),
                RunAssertions.resourceSet(preview.run().mocks()));
    }

    // Refusals

    private static Arguments bad(String field, String fragment, Consumer<PullThroughCacheArgs.Builder> configure) {
        return Arguments.of(field, fragment, configure);
    }

    private static Consumer<PullThroughCacheArgs.Builder> existing(String secret) {
        return a -> a.credentials(RegistryCredentials.existing(secret));
    }

    static Stream<Arguments> badArgs() {
        return Stream.of(
                bad("registry", "required: the upstream registry", a -> a.registry(Optional.empty())),
                bad("registry", "custom cannot be a pull-through cache upstream: ECR mirrors Docker Hub, GHCR, "
                        + "GitLab.com and Quay only", a -> a.registry(Registry.CUSTOM)),
                bad("registry", "ecr cannot be a pull-through cache upstream", a -> a.registry(Registry.ECR)),
                bad("credentials", "required for a ghcr upstream: ECR pulls with a GitHub personal access token",
                        a -> a.credentials(RegistryCredentials.none())),
                bad("credentials", "required for a dockerhub upstream",
                        a -> a.registry(Registry.DOCKERHUB).credentials(RegistryCredentials.none())),
                bad("credentials", "required for a gitlab upstream",
                        a -> a.registry(Registry.GITLAB).credentials(RegistryCredentials.none())),
                bad("credentials", "ECR caches only Quay's public images, without credentials",
                        a -> a.registry(Registry.QUAY)),
                bad("credentials", "ECR caches only Quay's public images",
                        a -> a.registry(Registry.QUAY).credentials(RegistryCredentials.existing(CACHE_SECRET))),
                bad("credentials.kmsKeyArn", "ECR reads a pull-through cache secret only with the AWS managed key "
                        + "aws/secretsmanager", a -> a.credentials(RegistryCredentials.create("octocat",
                        Output.of(TOKEN)).kmsKeyArn(KEY))),
                bad("credentials.kmsKeyArn", "aws/secretsmanager",
                        a -> a.credentials(RegistryCredentials.existing(CACHE_SECRET).kmsKeyArn(KEY))),
                bad("credentials.secret", "the secret's name does not start with ecr-pullthroughcache/",
                        existing("arn:aws:secretsmanager:eu-central-1:123456789012:secret:registry/ghcr-AbCdEf")),
                bad("credentials.secret", "'ecr-pullthroughcache/ghcr' is not a complete secret ARN",
                        existing("ecr-pullthroughcache/ghcr")),
                bad("credentials.secret", "is a partial secret ARN",
                        existing("arn:aws:secretsmanager:eu-central-1:123456789012:secret:ecr-pullthroughcache/ghcr")),
                bad("credentials.secret", "is an ARN of ssm, not of a Secrets Manager secret",
                        existing("arn:aws:ssm:eu-central-1:123456789012:parameter/ecr-pullthroughcache/ghcr")),
                bad("credentials.secret", "the secret is in eu-central-1 of account 999999999999, but ECR reads a "
                        + "pull-through cache secret only in the rule's own account and region (eu-central-1, "
                        + "123456789012)", existing("arn:aws:secretsmanager:eu-central-1:999999999999:secret:"
                        + "ecr-pullthroughcache/ghcr-AbCdEf")),
                bad("credentials.secret", "the secret is in us-east-1 of account 123456789012",
                        existing(CACHE_SECRET.replace("eu-central-1", "us-east-1"))),
                bad("credentials.username", "", a -> a.credentials(RegistryCredentials.create(" ", Output.of(TOKEN)))),
                bad("prefix", "'null' is not an ECR repository prefix", a -> a.prefix(Optional.empty())),
                bad("prefix", "'a' is not an ECR repository prefix (2-30 lower-case letters", a -> a.prefix("a")),
                bad("prefix", "is not an ECR repository prefix", a -> a.prefix("a".repeat(31))),
                bad("prefix", "'Dev-github' is not an ECR repository prefix", a -> a.prefix("Dev-github")),
                bad("prefix", "is not an ECR repository prefix", a -> a.prefix("-dev")),
                bad("prefix", "is not an ECR repository prefix", a -> a.prefix("dev-")),
                bad("prefix", "is not an ECR repository prefix", a -> a.prefix("dev//github")),
                bad("prefix", "is not an ECR repository prefix", a -> a.prefix("dev/")),
                bad("prefix", "is not an ECR repository prefix", a -> a.prefix("dev github")),
                bad("prefix", "is not an ECR repository prefix", a -> a.prefix("dev--github")),
                bad("untaggedExpiryDays", "0", a -> a.untaggedExpiryDays(0)),
                bad("tags", "", a -> a.tags(Map.of("aws:team", "x"))));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("badArgs")
    void badArgsAreRefusedUnderTheirFieldBeforeAnyChild(String field, String fragment,
                                                        Consumer<PullThroughCacheArgs.Builder> configure) {
        var problems = ComponentHarness.refusedBeforeAnyChild(cache(configure).run());
        assertTrue(problems.stream().anyMatch(p -> p.field().equals(field) && p.message().contains(fragment)),
                field + ": ..." + fragment + "... in " + problems);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "dev-github", "team/dev-github", "a.b_c-d", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "2024", "x/y/z"})
    void prefixesOfEcrsGrammarAreAccepted(String prefix) {
        assertEquals(prefix, cache(a -> a.prefix(prefix)).ok().inputs("cache-rule").get("ecrRepositoryPrefix"));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        var problems = ComponentHarness.refusedBeforeAnyChild(cache(a -> a.registry(Registry.CUSTOM).prefix("X")
                .untaggedExpiryDays(0)).run());
        assertEquals(List.of("registry", "prefix", "untaggedExpiryDays"),
                problems.stream().map(Problem::field).toList());
    }

    @Test
    void anExistingSecretOfAnotherResourceIsCheckedWhenKnownWithThePlainMessage() {
        var run = cache(a -> a.credentials(RegistryCredentials.existing(Output.of(
                "arn:aws:secretsmanager:eu-central-1:123456789012:secret:registry/ghcr-AbCdEf")))).run();
        var problems = ComponentHarness.argsException(run).problems();
        assertEquals(List.of("credentials.secret"), problems.stream().map(Problem::field).toList());
        assertTrue(problems.get(0).message().contains("does not start with ecr-pullthroughcache/"),
                problems.toString());
        assertEquals(List.of(), run.mocks().ofType(RULE), "no rule names a secret ECR cannot read");
    }

    @Test
    void argsAreImmutableOnceBuilt() {
        var builder = PullThroughCacheArgs.builder().registry(Registry.GHCR);
        var tags = new java.util.HashMap<>(Map.of("team", "a"));
        var args = builder.tags(tags).build();
        tags.put("other", "b");
        assertEquals(Map.of("team", "a"), args.tags());
        builder.prefix("x");
        assertEquals(Optional.empty(), args.prefix(), "the builder builds new args");
        assertEquals(Optional.of("x"), builder.build().prefix());
        assertEquals(Optional.of("other"), PullThroughCacheArgs.builder().from(args).prefix("other").build().prefix());
        assertEquals(Optional.empty(), args.prefix(), "a builder from the args changes a copy");
    }
}
