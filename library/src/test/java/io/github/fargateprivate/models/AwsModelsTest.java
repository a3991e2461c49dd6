package io.github.fargateprivate.models;

import com.google.gson.Gson;
import com.pulumi.aws.ecs.TaskDefinition;
import com.pulumi.aws.ecs.TaskDefinitionArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.inputs.RoleInlinePolicyArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.core.Output;
import io.github.fargateprivate.ecs.EcsServiceOptions;
import io.github.fargateprivate.ecs.CpuArchitecture;
import io.github.fargateprivate.ecs.Launch;
import io.github.fargateprivate.ecs.CapacityProviderStrategy;
import io.github.fargateprivate.ecs.ContainerArgs;
import io.github.fargateprivate.ecs.ContainerHealthCheckArgs;
import io.github.fargateprivate.ecs.ContainerRestartPolicyArgs;
import io.github.fargateprivate.ecs.FargateServiceArgs;
import io.github.fargateprivate.iam.PolicyStatement;
import io.github.fargateprivate.iam.TaskExecutionRole;
import io.github.fargateprivate.iam.TaskExecutionRoleArgs;
import io.github.fargateprivate.iam.TaskRole;
import io.github.fargateprivate.iam.TaskRoleArgs;
import io.github.fargateprivate.models.AwsModels.Document;
import io.github.fargateprivate.models.AwsModels.Kind;
import io.github.fargateprivate.patterns.LoadBalancedFargateService;
import io.github.fargateprivate.patterns.LoadBalancedFargateServiceArgs;
import io.github.fargateprivate.secretsmanager.RegistryCredentials;
import io.github.fargateprivate.testing.OfflineMocks;
import io.github.fargateprivate.testing.OfflineRun;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The checks against AWS's models: each kind of malformed container definition or policy is reported with its path,
 * and what the components register passes.
 */
class AwsModelsTest {

    private static final String REGION = "eu-central-1";
    private static final String ACCOUNT = OfflineMocks.ACCOUNT;
    private static final String KEY_ARN = "arn:aws:kms:" + REGION + ":" + ACCOUNT
            + ":key/1234abcd-12ab-34cd-56ef-1234567890ab";
    private static final String DB_SECRET = "arn:aws:secretsmanager:" + REGION + ":" + ACCOUNT
            + ":secret:app-db-AbCdEf";
    private static final String TOKEN_PARAMETER = "arn:aws:ssm:" + REGION + ":" + ACCOUNT + ":parameter/app/token";

    /** A container definition as ECS's documentation shows one; each negative case changes one member. */
    private static final String VALID = """
            [{"name": "app", "image": "ghcr.io/acme/app:1.0", "essential": true,
              "portMappings": [{"containerPort": 8080, "hostPort": 8080, "protocol": "tcp"}],
              "secrets": [{"name": "DB_PASSWORD", "valueFrom": "%s"}],
              "dependsOn": [{"containerName": "otel", "condition": "HEALTHY"}],
              "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "app",
                "awslogs-region": "eu-central-1", "awslogs-stream-prefix": "app"}}},
             {"name": "otel", "image": "public.ecr.aws/aws-observability/aws-otel-collector:v0.40.0",
              "essential": false,
              "healthCheck": {"command": ["CMD", "/healthcheck"], "interval": 10, "timeout": 5, "retries": 3}}]
            """.formatted(DB_SECRET);

    private static final String IDENTITY_POLICY = """
            {"Version": "2012-10-17", "Statement": [{"Sid": "ReadDb", "Effect": "Allow",
              "Action": "secretsmanager:GetSecretValue", "Resource": "%s",
              "Condition": {"StringEquals": {"aws:ResourceAccount": "%s"}}}]}
            """.formatted(DB_SECRET, ACCOUNT);

    private static final String TRUST_POLICY = """
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow",
              "Principal": {"Service": "ecs-tasks.amazonaws.com"}, "Action": "sts:AssumeRole",
              "Condition": {"ArnLike": {"aws:SourceArn": "arn:aws:ecs:eu-central-1:%s:*"}}}}
            """.formatted(ACCOUNT);

    @Test
    void theBaselinesAreWellFormed() {
        assertEquals(List.of(), AwsModels.containerDefinitionProblems(VALID));
        assertEquals(List.of(), AwsModels.policyProblems(IDENTITY_POLICY, Kind.IDENTITY));
        assertEquals(List.of(), AwsModels.policyProblems(TRUST_POLICY, Kind.TRUST));
    }

    @Test
    void aMemberTheModelDoesNotHaveIsReported() {
        assertEquals(List.of("$[0].imagee: ContainerDefinition has no member imagee (did you mean image?)"),
                AwsModels.containerDefinitionProblems(VALID.replace("\"image\": \"ghcr", "\"imagee\": \"ghcr")));
    }

    @Test
    void aStringWhereTheModelHasABooleanIsReported() {
        assertEquals(List.of("$[0].essential: expected a boolean, got the string \"yes\""),
                AwsModels.containerDefinitionProblems(VALID.replace("\"essential\": true", "\"essential\": \"yes\"")));
    }

    @Test
    void aValueOutsideTheSdkEnumIsReported() {
        assertEquals(List.of("$[0].portMappings[0].protocol: \"sctp\" is not a TransportProtocol (tcp, udp)"),
                AwsModels.containerDefinitionProblems(VALID.replace("\"tcp\"", "\"sctp\"")));
    }

    @Test
    void aSecretWithoutValueFromIsReported() {
        assertEquals(List.of("$[0].secrets[0].valueFrom: missing, required by Secret"),
                AwsModels.containerDefinitionProblems(VALID.replace(", \"valueFrom\": \"" + DB_SECRET + "\"", "")));
    }

    @Test
    void aDependencyWithoutConditionIsReported() {
        assertEquals(List.of("$[0].dependsOn[0].condition: missing, required by ContainerDependency"),
                AwsModels.containerDefinitionProblems(VALID.replace(", \"condition\": \"HEALTHY\"", "")));
    }

    @Test
    void everyProblemOfADefinitionIsReportedAtOnce() {
        String bad = VALID.replace("\"essential\": false", "\"essential\": 1")
                .replace("\"interval\": 10", "\"interval\": 2.5")
                .replace("\"logDriver\": \"awslogs\"", "\"logDriver\": \"cloudwatch\"")
                .replace("\"condition\": \"HEALTHY\"", "\"condition\": \"READY\"");
        assertEquals(List.of(
                "$[0].dependsOn[0].condition: \"READY\" is not a ContainerCondition (COMPLETE, HEALTHY, START, SUCCESS)",
                "$[0].logConfiguration.logDriver: \"cloudwatch\" is not a LogDriver (awsfirelens, awslogs, fluentd, "
                        + "gelf, journald, json-file, splunk, syslog)",
                "$[1].essential: expected a boolean, got the number 1",
                "$[1].healthCheck.interval: expected an integer, got the number 2.5"),
                AwsModels.containerDefinitionProblems(bad));
        assertEquals(List.of("$: expected an array, got an object"),
                AwsModels.containerDefinitionProblems("{\"name\": \"app\"}"));
    }

    @Test
    void aMemberOnlyTheNewerJavaSdkKnowsIsAccepted() {
        // versionConsistency came after the JavaScript SDK's last model; the Java SDK's model class has it.
        assertEquals(List.of(), AwsModels.containerDefinitionProblems(
                VALID.replace("\"essential\": true", "\"essential\": true, \"versionConsistency\": \"enabled\"")));
        assertEquals(List.of("$[0].versionConsistency: \"on\" is not a VersionConsistency (disabled, enabled)"),
                AwsModels.containerDefinitionProblems(
                        VALID.replace("\"essential\": true", "\"essential\": true, \"versionConsistency\": \"on\"")));
    }

    @Test
    void anEffectOtherThanAllowOrDenyIsReported() {
        assertEquals(List.of("$.Statement[0].Effect: \"Permit\" is neither Allow nor Deny"),
                AwsModels.policyProblems(IDENTITY_POLICY.replace("\"Allow\"", "\"Permit\""), Kind.IDENTITY));
    }

    @Test
    void actionAndNotActionTogetherAreReported() {
        assertEquals(List.of("$.Statement[0]: both Action and NotAction; give exactly one"),
                AwsModels.policyProblems(IDENTITY_POLICY.replace("\"Action\"",
                        "\"NotAction\": \"iam:*\", \"Action\""), Kind.IDENTITY));
    }

    @Test
    void anIdentityPolicyWithoutResourceIsReported() {
        assertEquals(List.of("$.Statement[0]: an identity policy needs Resource or NotResource"),
                AwsModels.policyProblems(IDENTITY_POLICY.replace("\"Resource\": \"" + DB_SECRET + "\",", ""),
                        Kind.IDENTITY));
    }

    @Test
    void anUnknownConditionOperatorIsReported() {
        assertEquals(List.of("$.Statement[0].Condition.StringEqualz: not a condition operator "
                        + "(did you mean StringEquals?)"),
                AwsModels.policyProblems(IDENTITY_POLICY.replace("StringEquals", "StringEqualz"), Kind.IDENTITY));
    }

    @Test
    void aTrustPolicyWithoutPrincipalIsReported() {
        assertEquals(List.of("$.Statement: a trust policy needs Principal or NotPrincipal"),
                AwsModels.policyProblems(TRUST_POLICY.replace("\"Principal\": {\"Service\": "
                        + "\"ecs-tasks.amazonaws.com\"},", ""), Kind.TRUST));
    }

    @Test
    void theGrammarsOtherRulesAreChecked() {
        String policy = """
                {"Version": "2012-10-18", "Statements": [], "Statement": [
                  {"Sid": "Read db", "Effect": "Allow", "Action": ["s3GetObject"], "Resource": "bucket",
                   "Principal": "*"},
                  {"Sid": "Read db", "Effect": "Deny", "NotAction": "iam:*", "NotResource": "*",
                   "Condition": {"ForAnyValue:StringLikeIfExists": {"aws:TagKeys": ["team*"]},
                     "NullIfExists": {"aws:TokenIssueTime": "true"}, "Bool": {"aws:SecureTransport": "yes"},
                     "NumericLessThan": {"aws:MultiFactorAuthAge": "3600"}, "StringEquals": {"SourceAccount": []},
                     "ForAllValues:ForAnyValue:StringLike": {"aws:TagKeys": "team*"}}},
                  {"Action": "s3:GetObject", "Resource": "*"}]}
                """;
        assertEquals(List.of(
                "$.Statements: not a policy element (Version, Id, Statement) (did you mean Statement?)",
                "$.Version: \"2012-10-18\" is not \"2012-10-17\" or \"2008-10-17\"",
                "$.Statement[0].Sid: \"Read db\" has other characters than ASCII letters and digits",
                "$.Statement[0].Action[0]: \"s3GetObject\" is not service:action or *",
                "$.Statement[0].Resource: \"bucket\" is neither an ARN (arn:...) nor *",
                "$.Statement[0].Principal: an identity policy names no principal: the identity it is attached to "
                        + "is the principal",
                "$.Statement[1].Sid: \"Read db\" has other characters than ASCII letters and digits",
                "$.Statement[1].Sid: \"Read db\" is the Sid of $.Statement[0] already; Sids are unique in a policy",
                "$.Statement[1].Condition.NullIfExists: Null takes no IfExists suffix: it tests whether the key is there "
                        + "at all",
                "$.Statement[1].Condition.Bool[\"aws:SecureTransport\"]: Bool compares with true or false, got \"yes\"",
                "$.Statement[1].Condition.StringEquals[\"SourceAccount\"]: not a condition key (service:name, e.g. "
                        + "aws:SourceAccount)",
                "$.Statement[1].Condition.StringEquals[\"SourceAccount\"]: an empty list of values matches nothing",
                "$.Statement[1].Condition.ForAllValues:ForAnyValue:StringLike: not a condition operator",
                "$.Statement[2]: a statement needs Effect (Allow or Deny)"),
                AwsModels.policyProblems(policy, Kind.IDENTITY));
        assertEquals(List.of("$.Statement.Resource: a trust policy names no resource: the role it belongs to is the "
                        + "resource"),
                AwsModels.policyProblems(TRUST_POLICY.replace("\"Action\"", "\"Resource\": \"*\", \"Action\""),
                        Kind.TRUST));
        assertEquals(List.of("$.Statement[0]: a resource policy needs Principal or NotPrincipal"),
                AwsModels.policyProblems(IDENTITY_POLICY, Kind.RESOURCE));
    }

    @Test
    void textThatAwsWouldNotReadAsJsonIsReported() {
        assertEquals(List.of("$: not JSON: malformed JSON at line 1 column 3 path $."),
                AwsModels.policyProblems("{'Version': '2012-10-17'}", Kind.IDENTITY));
        assertEquals(List.of("$: not JSON: malformed JSON at line 1 column 5 path $"),
                AwsModels.containerDefinitionProblems("[] []"));
    }

    @Test
    void assertWellFormedFailsOnAMalformedRegistrationNamingResourceAndPath() {
        OfflineRun run = OfflineRun.of(ctx -> {
            new Role("bad-role", RoleArgs.builder()
                    .assumeRolePolicy(TRUST_POLICY.replace("\"Allow\"", "\"Permit\""))
                    .inlinePolicies(RoleInlinePolicyArgs.builder()
                            .name("read-db")
                            .policy(IDENTITY_POLICY.replace("\"Resource\": \"" + DB_SECRET + "\",", ""))
                            .build())
                    .build());
            new TaskDefinition("bad-task", TaskDefinitionArgs.builder()
                    .family("bad")
                    .containerDefinitions(VALID.replace("\"tcp\"", "\"sctp\""))
                    .build());
        }, new OfflineMocks()).ok();
        AssertionError error = assertThrows(AssertionError.class, () -> AwsModels.assertWellFormed(run));
        List<String> lines = error.getMessage().lines().toList();
        assertEquals("not what AWS's models accept:", lines.get(0));
        // Resources that wait for no other one register in any order.
        assertEquals(Set.of(
                "  Role bad-role assumeRolePolicy $.Statement.Effect: \"Permit\" is neither Allow nor Deny",
                "  Role bad-role inlinePolicies[0].policy $.Statement[0]: an identity policy needs Resource or "
                        + "NotResource",
                "  TaskDefinition bad-task containerDefinitions $[0].portMappings[0].protocol: \"sctp\" is not a "
                        + "TransportProtocol (tcp, udp)"),
                Set.copyOf(lines.subList(1, lines.size())));
    }

    @Test
    void theCompositeWithEveryOptionRegistersWellFormedDocuments() {
        OfflineRun run = OfflineRun.of(ctx -> {
            // A customer managed key for the registry credentials and the app secrets, with a key policy of its own.
            var key = new Key("app-key", KeyArgs.builder()
                    .description("registry credentials and app secrets")
                    .policy(new Gson().toJson(Map.of("Version", "2012-10-17", "Statement", List.of(Map.of(
                            "Sid", "AccountAdministers", "Effect", "Allow",
                            "Principal", Map.of("AWS", "arn:aws:iam::" + ACCOUNT + ":root"),
                            "Action", "kms:*", "Resource", "*")))))
                    .build());
            new LoadBalancedFargateService("web", LoadBalancedFargateServiceArgs.builder()
                    .container(ContainerArgs.builder()
                            .image("ghcr.io/acme/web:1.2.3")
                            .port(8080)
                            .environment("SPRING_PROFILES_ACTIVE", "prod")
                            .appSecret("DB_PASSWORD", DB_SECRET + ":password::")
                            .appSecret("API_TOKEN", TOKEN_PARAMETER)
                            .appSecretsKmsKeyArn(key.arn())
                            .command(List.of("java", "-jar", "/app.jar"))
                            .entryPoint(List.of("/bin/sh", "-c"))
                            .dependsOn("otel", "HEALTHY")
                            .dependsOn("log-router", "START")
                            .build())
                    .sidecar(ContainerArgs.builder()
                            .name("otel")
                            .image("public.ecr.aws/aws-observability/aws-otel-collector:v0.40.0")
                            .essential(false)
                            .healthCheck(ContainerHealthCheckArgs.builder()
                                    .command(List.of("CMD", "/healthcheck"))
                                    .intervalSeconds(10)
                                    .build())
                            .build())
                    .sidecar(ContainerArgs.builder()
                            .name("log-router")
                            .image("public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.0")
                            .essential(false)
                            .restartPolicy(ContainerRestartPolicyArgs.builder().ignoredExitCodes(List.of(0))
                                    .restartAttemptPeriodSeconds(60).build())
                            .build())
                    .registryCredentials(RegistryCredentials.create("acme", Output.ofSecret("ghp_token"))
                            .kmsKeyArn(key.arn()))
                    .service(EcsServiceOptions.builder()
                            .enableExecuteCommand(true)
                            .cpuArchitecture(CpuArchitecture.ARM64)
                            .launch(Launch.fargate().capacityProvider(CapacityProviderStrategy.fargate(1, 1)))
                            .build())
                    .taskRole(TaskRoleArgs.builder()
                            .statement(PolicyStatement.builder()
                                    .sid("ReadReports")
                                    .action("s3:GetObject")
                                    .action("s3:ListBucket")
                                    .resource("arn:aws:s3:::acme-reports")
                                    .resource("arn:aws:s3:::acme-reports/*")
                                    .build())
                            .build())
                    .build());
        }, new OfflineMocks()).ok();

        AwsModels.assertWellFormed(run);
        assertEquals(Set.of("Key app-key policy",
                        "Role web-execution-exec-role assumeRolePolicy", "RolePolicy web-execution-exec-policy policy",
                        "RolePolicy web-fargate-exec-logs policy", "RolePolicy web-fargate-exec-sessions-write policy",
                        "Role web-task-role assumeRolePolicy", "RolePolicy web-task-policy policy",
                        "TaskDefinition web-fargate-task containerDefinitions"),
                checked(run));
    }

    @Test
    void theCompositeOnFargateSpotRegistersWellFormedDocuments() {
        OfflineRun run = OfflineRun.of(ctx -> new LoadBalancedFargateService("spot",
                LoadBalancedFargateServiceArgs.builder()
                        .container(ContainerArgs.builder().image("ghcr.io/acme/web:1.2.3").build())
                        .registryCredentials(RegistryCredentials.existing(
                                "arn:aws:secretsmanager:" + REGION + ":" + ACCOUNT + ":secret:ghcr-AbCdEf")
                                .kmsKeyArn(KEY_ARN))
                        .service(EcsServiceOptions.builder()
                                .launch(Launch.fargate().capacityProvider(CapacityProviderStrategy.fargate(1, 1)).capacityProvider(CapacityProviderStrategy.fargateSpot(3)))
                                .build())
                        .build()), new OfflineMocks()).ok();

        AwsModels.assertWellFormed(run);
        assertEquals(Set.of("Role spot-execution-exec-role assumeRolePolicy",
                "RolePolicy spot-execution-exec-policy policy", "RolePolicy spot-fargate-exec-logs policy",
                "TaskDefinition spot-fargate-task containerDefinitions"),
                checked(run));
    }

    @Test
    void theRolesOnTheirOwnRegisterWellFormedPolicies() {
        OfflineRun run = OfflineRun.of(ctx -> {
            new TaskExecutionRole("batch", TaskExecutionRoleArgs.builder()
                    .registryCredentialsSecretArn("ghcr-credentials")
                    .registryCredentialsKmsKeyArn(KEY_ARN)
                    .appSecret(DB_SECRET + ":password::")
                    .appSecret(TOKEN_PARAMETER)
                    .appSecretsKmsKeyArn(KEY_ARN)
                    .image(ACCOUNT + ".dkr.ecr." + REGION + ".amazonaws.com/batch:1")
                    .logGroupArn("arn:aws:logs:" + REGION + ":" + ACCOUNT + ":log-group:batch")
                    .build());
            // An image of another resource that is not on ECR: the policy's one statement grants nothing.
            new TaskExecutionRole("public", TaskExecutionRoleArgs.builder()
                    .image(Output.of("ghcr.io/acme/batch:1"))
                    .build());
            new TaskRole("batch", TaskRoleArgs.builder()
                    .statement(PolicyStatement.builder()
                            .sid("WriteReports")
                            .action("s3:PutObject")
                            .resource("arn:aws:s3:::acme-reports/batch/*")
                            .build())
                    .executeCommand(true)
                    .build());
        }, new OfflineMocks()).ok();

        AwsModels.assertWellFormed(run);
        assertEquals(Set.of("Role batch-exec-role assumeRolePolicy", "RolePolicy batch-exec-policy policy",
                "Role public-exec-role assumeRolePolicy", "RolePolicy public-exec-policy policy",
                "Role batch-role assumeRolePolicy", "RolePolicy batch-policy policy"), checked(run));
    }

    /** @return what the checks saw, so that a test cannot pass by checking nothing */
    private static Set<String> checked(OfflineRun run) {
        return AwsModels.documents(run).stream().map(Document::toString).collect(Collectors.toSet());
    }
}
