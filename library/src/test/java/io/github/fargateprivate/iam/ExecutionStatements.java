package io.github.fargateprivate.iam;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.fargateprivate.testing.OfflineMocks;
import io.github.fargateprivate.testing.OfflineRun;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The execution role's statements as {@link TaskExecutionRole} and {@code ecs.FargateService} should write them,
 * spelled out and built from typed values with Gson: what the tests compare a run's policies with, Sid, Effect,
 * Action, Resource and Condition included. IAM writes one action or resource as a string and several as an array;
 * so do these.
 */
public final class ExecutionStatements {

    /** The type token of an inline policy. */
    public static final String ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
    /** The type token of a managed policy's attachment. */
    public static final String ATTACHMENT = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";
    /** AWS's managed execution role policy in the {@code aws} partition. */
    public static final String MANAGED_POLICY_ARN =
            "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy";
    /** The {@code aws} partition's DNS suffix, what {@code kms:ViaService} endpoints end in. */
    private static final String DNS_SUFFIX = "amazonaws.com";
    private static final Gson GSON = new Gson();

    private ExecutionStatements() {
    }

    /**
     * @param sid       the statement id
     * @param effect    Allow or Deny
     * @param actions   the actions
     * @param resources the resources
     * @param condition the condition block, or null
     * @return the statement
     */
    public static JsonObject statement(String sid, String effect, List<String> actions, List<String> resources,
                                       Map<String, Object> condition) {
        var s = new LinkedHashMap<String, Object>();
        s.put("Sid", sid);
        s.put("Effect", effect);
        s.put("Action", actions.size() == 1 ? actions.get(0) : actions);
        s.put("Resource", resources.size() == 1 ? resources.get(0) : resources);
        if (condition != null) {
            s.put("Condition", condition);
        }
        return GSON.toJsonTree(s).getAsJsonObject();
    }

    /** @return {@code secretsmanager:GetSecretValue} on exactly these secrets */
    public static JsonObject readSecrets(String... secrets) {
        return statement("ReadSecrets", "Allow", List.of("secretsmanager:GetSecretValue"), List.of(secrets), null);
    }

    /** @return {@code ssm:GetParameters} on exactly these parameters */
    public static JsonObject readParameters(String... parameters) {
        return statement("ReadParameters", "Allow", List.of("ssm:GetParameters"), List.of(parameters), null);
    }

    /**
     * @param sid         {@code DecryptSecrets}, {@code DecryptAppSecrets}, with a number from the second key on
     * @param key         the key
     * @param viaServices the endpoints through which the role may decrypt
     * @return {@code kms:Decrypt} on the key, only through those services
     */
    public static JsonObject decrypt(String sid, String key, List<String> viaServices) {
        return statement(sid, "Allow", List.of("kms:Decrypt"), List.of(key), Map.of("StringEquals",
                Map.of("kms:ViaService", viaServices.size() == 1 ? viaServices.get(0) : viaServices)));
    }

    /**
     * @param sid {@code DecryptSecrets}, {@code DecryptSecrets1}, ...
     * @param key a key of the {@code aws} partition
     * @return a registry secret's key: decrypt through Secrets Manager of the key's region only
     */
    public static JsonObject decryptSecrets(String sid, String key) {
        return decrypt(sid, key, List.of("secretsmanager." + region(key) + "." + DNS_SUFFIX));
    }

    /**
     * @param sid {@code DecryptAppSecrets}, {@code DecryptAppSecrets1}, ...
     * @param key a key of the {@code aws} partition
     * @return an app secret's key: decrypt through Secrets Manager or SSM of the key's region only
     */
    public static JsonObject decryptAppSecrets(String sid, String key) {
        return decrypt(sid, key, List.of("secretsmanager." + region(key) + "." + DNS_SUFFIX,
                "ssm." + region(key) + "." + DNS_SUFFIX));
    }

    /** @return the three ECR pull actions on exactly these repositories */
    public static JsonObject pullImages(String... repositories) {
        return statement("PullImages", "Allow", List.of("ecr:BatchCheckLayerAvailability",
                "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"), List.of(repositories), null);
    }

    /** @return the ECR login token, on {@code *}: IAM offers no resource level for it */
    public static JsonObject ecrAuthorizationToken() {
        return statement("EcrAuthorizationToken", "Allow", List.of("ecr:GetAuthorizationToken"), List.of("*"), null);
    }

    /** @return the log writes on exactly the streams of these log groups */
    public static JsonObject writeLogs(String... logGroups) {
        return statement("WriteLogs", "Allow", List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                Arrays.stream(logGroups).map(g -> g + ":log-stream:*").toList(), null);
    }

    /** @return the statement of a policy that only grants nothing: every ECR action denied */
    public static JsonObject noEcrImage() {
        return statement("NoEcrImage", "Deny", List.of("ecr:GetAuthorizationToken", "ecr:BatchCheckLayerAvailability",
                "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"), List.of("*"), null);
    }

    /**
     * @param repository a repository path, e.g. {@code team/app}
     * @param region     its region
     * @param account    its account
     * @return its ARN in the {@code aws} partition
     */
    public static String repository(String repository, String region, String account) {
        return "arn:aws:ecr:" + region + ":" + account + ":repository/" + repository;
    }

    /**
     * @param repository a repository path of the mocks' account and region
     * @return its ARN
     */
    public static String repository(String repository) {
        return repository(repository, "eu-central-1", OfflineMocks.ACCOUNT);
    }

    /**
     * @param logGroup a log group's physical name
     * @return its ARN in the mocks' account and region, as the mocks make it
     */
    public static String logGroup(String logGroup) {
        return "arn:aws:logs:eu-central-1:" + OfflineMocks.ACCOUNT + ":log-group:" + logGroup;
    }

    /**
     * @param statements the statements
     * @return the policy document
     */
    public static JsonObject document(JsonObject... statements) {
        var doc = new JsonObject();
        doc.addProperty("Version", "2012-10-17");
        var array = new JsonArray();
        Arrays.stream(statements).forEach(array::add);
        doc.add("Statement", array);
        return doc;
    }

    /**
     * A role's complete statement set, after asserting that exactly these inline policies hold it and no managed
     * policy is attached: a role policy elsewhere in the run must be one of {@code others}.
     *
     * @param run      a run
     * @param policies the role's inline policies, in the order their statements are read
     * @param others   the other roles' inline policies of the run (e.g. a task role's)
     * @return the statements of the policies, in order
     */
    public static List<JsonObject> roleStatements(OfflineRun run, List<String> policies, List<String> others) {
        var all = new ArrayList<>(policies);
        all.addAll(others);
        assertEquals(all.stream().sorted().toList(), run.mocks().ofType(ROLE_POLICY).stream()
                .map(OfflineMocks.Registration::name).sorted().toList(), "the run's inline policies");
        List<JsonObject> statements = new ArrayList<>();
        policies.forEach(p -> statements.addAll(run.statements(p, "policy")));
        return statements;
    }

    /**
     * Asserts that no policy of the run names an ECR action, and that no managed policy (which allows them on
     * {@code *}) is attached.
     *
     * @param run a run
     */
    public static void assertNoEcrAction(OfflineRun run) {
        assertEquals(List.of(), run.mocks().ofType(ATTACHMENT), "no managed policy");
        run.mocks().ofType(ROLE_POLICY).forEach(p -> assertFalse(String.valueOf(p.inputs().get("policy"))
                .contains("ecr:"), p.name() + " names an ECR action: " + p.inputs().get("policy")));
    }

    private static String region(String arn) {
        return arn.split(":")[3];
    }
}
