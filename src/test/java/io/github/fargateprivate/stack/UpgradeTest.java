package io.github.fargateprivate.stack;

import com.google.gson.Gson;
import io.github.fargateprivate.plan.StackFile;
import io.github.fargateprivate.testing.OfflineMocks;
import io.github.fargateprivate.testing.OfflineRun;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A stack deployed with version 1.0 keeps its resources after the upgrade: every URN it had is still registered, or
 * answered through an alias (the engine gives a child the aliases of its parents too), but for exactly those 2.0
 * deletes on purpose ({@link #DELETED}); and no resource it keeps changes an input whose change makes the AWS
 * provider replace it. The 1.0 URNs and inputs of the dev and prod stacks were recorded from version 1.0 under the
 * same mocks ({@code src/test/resources/upgrade}); the ids and ARNs the mocks made up in them are written as the mocks
 * make them now (AWS-shaped: a role's id is its name, a secret's its ARN, a target group's ARN ends in 16 hex digits),
 * since what 1.0 deployed got its values from AWS, not from the mocks.
 */
class UpgradeTest {

    /**
     * The resources of 1.0 that 2.0 deletes on purpose, by URN below the stack ({@code TYPES::NAME}), with the reason.
     * A deletion replaces nothing; any other URN that 2.0 no longer answers to fails the test.
     */
    private static final Map<String, String> DELETED = Map.of(
            "pulumi:pulumi:Stack$fargate-private-registry:patterns:LoadBalancedFargateService"
                    + "$fargate-private-registry:iam:TaskExecutionRole"
                    + "$aws:iam/rolePolicyAttachment:RolePolicyAttachment::app-execution-exec-managed",
            "AWS's AmazonECSTaskExecutionRolePolicy allowed ECR pulls and log writes on *; 2.0's execution role "
                    + "holds exact statements instead (app-execution-exec-policy: the ECR image's repository; "
                    + "app-ecs-exec-logs: the log group's streams), and managedExecutionPolicy: true keeps it");

    /** @return the URNs of {@link #DELETED} in a stack of 1.0; a stack recorded from 2.0 (ec2) had none of them */
    private static Set<String> deletedUrns(String stack) {
        if (stack.equals("ec2")) {
            return Set.of();
        }
        return DELETED.keySet().stream().map(u -> "urn:pulumi:" + stack + "::" + StackConfigs.PROJECT + "::" + u)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The release a stack's URNs and inputs were recorded from: 1.0's dev and prod, 2.0's ec2 (before the redesign). */
    private static String recorded(String stack) {
        return (stack.equals("ec2") ? "2.0-" : "1.0-") + stack;
    }

    /** @return the logical names of {@link #DELETED} */
    private static Set<String> deletedNames() {
        return DELETED.keySet().stream().map(u -> u.substring(u.lastIndexOf("::") + 2)).collect(Collectors.toSet());
    }

    /** Inputs whose change replaces a resource (the AWS provider's ForceNew attributes), by type. */
    private static final Map<String, List<String>> REPLACED_ON_CHANGE = Map.ofEntries(
            Map.entry("aws:ec2/securityGroup:SecurityGroup", List.of("description", "name", "namePrefix", "vpcId")),
            Map.entry("aws:lb/loadBalancer:LoadBalancer", List.of("name", "namePrefix", "internal",
                    "loadBalancerType")),
            Map.entry("aws:lb/targetGroup:TargetGroup", List.of("name", "namePrefix", "port", "protocol",
                    "targetType", "vpcId")),
            Map.entry("aws:lb/listener:Listener", List.of("loadBalancerArn")),
            Map.entry("aws:cloudwatch/logGroup:LogGroup", List.of("name", "namePrefix")),
            Map.entry("aws:ecs/cluster:Cluster", List.of("name")),
            Map.entry("aws:ecs/service:Service", List.of("name", "cluster", "launchType")),
            // ECS task definitions are immutable: any change is a new revision.
            Map.entry("aws:ecs/taskDefinition:TaskDefinition", List.of("family", "containerDefinitions", "cpu",
                    "memory", "networkMode", "requiresCompatibilities", "executionRoleArn", "taskRoleArn",
                    "volumes", "runtimePlatform", "ephemeralStorage")),
            Map.entry("aws:secretsmanager/secret:Secret", List.of("name", "namePrefix", "kmsKeyId")),
            Map.entry("aws:secretsmanager/secretVersion:SecretVersion", List.of("secretId", "secretString")),
            Map.entry("aws:iam/role:Role", List.of("name", "namePrefix", "path")),
            Map.entry("aws:iam/rolePolicy:RolePolicy", List.of("name", "namePrefix", "role")),
            Map.entry("aws:iam/rolePolicyAttachment:RolePolicyAttachment", List.of("role", "policyArn")),
            Map.entry("aws:appautoscaling/target:Target", List.of("resourceId", "scalableDimension",
                    "serviceNamespace")),
            Map.entry("aws:appautoscaling/policy:Policy", List.of("name", "resourceId", "scalableDimension",
                    "serviceNamespace")));

    /** The 1.0 dev stack's config lives on as Pulumi.ghcr.yaml; dev itself now starts from a public image. */
    private static OfflineRun run(String stack) throws IOException {
        StackFile file = StackFile.read(Path.of("."), stack.equals("dev") ? "ghcr" : stack);
        return StackConfigs.run(file.project(), stack, file.config(), file.secretKeys(),
                new OfflineMocks(file.awsRegion().orElseThrow())).ok();
    }

    private static String resource(String path) throws IOException {
        try (var in = UpgradeTest.class.getResourceAsStream("/upgrade/" + path)) {
            return new String(Objects.requireNonNull(in, path).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Every URN a registered resource answers to: its own and those its aliases and its parents' aliases give. */
    private static Set<String> answeredUrns(OfflineRun run) {
        Map<String, OfflineRun.Registered> byUrn = new HashMap<>();
        run.registrations().forEach(r -> byUrn.put(urn(r.parentUrn(), r.type(), r.name()), r));
        Set<String> all = new HashSet<>();
        byUrn.keySet().forEach(u -> all.addAll(candidates(u, byUrn)));
        return all;
    }

    /**
     * A resource's candidate URNs as the engine computes them: its own and its aliases', below each of its parent's
     * candidates; below an alias of the parent, a name that starts with the parent's name starts with the alias's
     * instead (the engine's inherited child alias, pulumi/pulumi-java's rename-component test).
     */
    private static Set<String> candidates(String urn, Map<String, OfflineRun.Registered> byUrn) {
        OfflineRun.Registered r = byUrn.get(urn);
        Set<String> parents = r.parentUrn().isEmpty() ? Set.of("") : candidates(r.parentUrn(), byUrn);
        String parentName = r.parentUrn().isEmpty() ? "" : r.parentUrn().substring(r.parentUrn().lastIndexOf("::") + 2);
        Set<Map.Entry<String, String>> identities = new HashSet<>();
        identities.add(Map.entry(r.type(), r.name()));
        r.aliases().forEach(a -> identities.add(Map.entry(a.getKey().isEmpty() ? r.type() : a.getKey(),
                a.getValue().isEmpty() ? r.name() : a.getValue())));
        Set<String> result = new HashSet<>();
        for (String parent : parents) {
            String candidateName = parent.isEmpty() ? "" : parent.substring(parent.lastIndexOf("::") + 2);
            for (var id : identities) {
                result.add(urn(parent, id.getKey(), id.getValue()));
                if (!parentName.isEmpty() && !candidateName.equals(parentName) && id.getValue().startsWith(parentName)) {
                    result.add(urn(parent, id.getKey(), candidateName + id.getValue().substring(parentName.length())));
                }
            }
        }
        return result;
    }

    /** The engine's URN: {@code urn:pulumi:STACK::PROJECT::PARENT-TYPES$TYPE::NAME}. */
    private static String urn(String parentUrn, String type, String name) {
        if (parentUrn.isEmpty()) {
            return "urn:pulumi:" + currentStack + "::" + StackConfigs.PROJECT + "::" + type + "::" + name;
        }
        String[] parts = parentUrn.split("::");
        return parts[0] + "::" + parts[1] + "::" + parts[2] + "$" + type + "::" + name;
    }

    private static String currentStack;

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod", "ec2"})
    void everyUrnOfVersion10IsKeptOrAliased(String stack) throws IOException {
        currentStack = stack;
        OfflineRun run = run(stack);
        Set<String> before = resource("urns-" + recorded(stack) + ".txt").lines().filter(l -> !l.isBlank())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> answered = answeredUrns(run);
        Set<String> lost = new TreeSet<>(before);
        lost.removeAll(answered);
        assertEquals(deletedUrns(stack), lost, "URNs of 1.0 that 2.0 deletes: exactly those deleted on purpose");
        Set<String> aliased = new TreeSet<>(before);
        aliased.removeAll(run.urns());
        aliased.removeAll(lost);
        // The composite's type token changed (LoadBalancedFargateService -> LoadBalancedService), so every URN below
        // it is answered through an alias: its own, the service child's (-fargate -> -ecs) and, from 1.0, the load
        // balancer component's old token.
        Set<String> kept = new TreeSet<>(before);
        kept.removeAll(lost);
        Set<String> direct = new TreeSet<>(kept);
        direct.removeAll(aliased);
        assertEquals(Set.of("urn:pulumi:" + stack + "::" + StackConfigs.PROJECT + "::pulumi:pulumi:Stack::"
                + StackConfigs.PROJECT + "-" + stack), direct, "every URN of " + recorded(stack) + " but the stack's "
                + "is answered through an alias");
        assertTrue(run.urns().stream().noneMatch(u -> u.contains("LoadBalancedFargateService")
                || u.contains(":ecs:FargateService") || u.endsWith("::app-fargate")), "no old token or name now");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod", "ec2"})
    void noResourceOfVersion10ChangesAnInputThatReplacesIt(String stack) throws IOException {
        currentStack = stack;
        OfflineRun run = run(stack);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> before = new Gson().fromJson(resource("inputs-" + recorded(stack) + ".json"),
                Map.class);
        if (!stack.equals("ec2")) {
            assertTrue(before.keySet().containsAll(deletedNames()), "the deleted resources were in 1.0: "
                    + before.keySet());
        }
        before.forEach((name, old) -> {
            if (deletedNames().contains(name)) {
                // Deleted on purpose (DELETED): nothing replaces it.
                assertTrue(run.mocks().registrations().stream().noneMatch(r -> r.name().equals(name)), name);
                return;
            }
            String type = (String) old.get("type");
            @SuppressWarnings("unchecked")
            var oldInputs = (Map<String, Object>) old.get("inputs");
            // The service child is app-ecs now, answering to app-fargate (and its children likewise).
            var now = run.mocks().named(name.replaceFirst("^app-fargate", "app-ecs"));
            assertEquals(type, now.type(), name);
            for (String key : REPLACED_ON_CHANGE.getOrDefault(type, List.of())) {
                Object was = oldInputs.get(key);
                // The mocks make physical names up from logical names; in AWS an aliased resource keeps its name
                // (the provider reuses an autoname on update), so a name made from app-ecs is the app-fargate one.
                Object is = physicalNamesKept(now.inputs().get(key));
                if (key.equals("secretString") && was instanceof String s && s.contains("[secret]")) {
                    is = String.valueOf(is).replaceAll("\"password\":\"[^\"]*\"", "\"password\":\"[secret]\"");
                }
                assertEquals(normalise(was), normalise(is), name + "." + key + " would replace the resource");
            }
        });
    }

    private static Object physicalNamesKept(Object value) {
        return value instanceof String s ? s.replace("app-ecs-", "app-fargate-") : value;
    }

    /** JSON text compares by content; numbers arrive as doubles both ways. */
    private static Object normalise(Object value) {
        if (value instanceof String s && (s.startsWith("{") || s.startsWith("["))) {
            return new Gson().fromJson(s, Object.class);
        }
        return value;
    }
}
