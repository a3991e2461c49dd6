package io.github.fargateprivate.stack;

import io.github.fargateprivate.testing.OfflineRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every bad input fails before any resource exists, with a message that names the key and the fix. */
class BadConfigTest {

    private static final String ECR_IMAGE = "123456789012.dkr.ecr.eu-central-1.amazonaws.com/app:1.0";
    private static final String SECRET_ARN = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:registry/ghcr-AbCdEf";
    private static final String KMS_KEY = "arn:aws:kms:eu-central-1:123456789012:key/11111111-2222-3333-4444-555555555555";
    private static final String REMOVE = StackConfigs.REMOVE;
    private static final String WEB_ACL =
            "arn:aws:wafv2:eu-central-1:123456789012:regional/webacl/edge/11111111-2222-3333-4444-555555555555";

    /**
     * @param change   keys to set on top of a valid GHCR config ({@link #REMOVE} removes a key)
     * @param key      the key the message must name
     * @param fragment text the message must contain (the problem or the fix)
     */
    private static Arguments bad(Map<String, String> change, String key, String fragment) {
        return Arguments.of(change, key, fragment);
    }

    static Stream<Arguments> badConfigs() {
        return Stream.of(
                bad(Map.of("image", REMOVE), "image", "required; set the image to run: pulumi config set image"),
                bad(Map.of("image", "ghcr.io/Acme/App:1"), "image", "invalid repository path component 'Acme'"),
                bad(Map.of("image", "ghcr.io/acme/app@sha256:1234"), "image", "invalid digest"),
                bad(Map.of("image", "ghcr.io/acme/app:-bad"), "image", "invalid tag '-bad'"),
                bad(Map.of("image", "ghcr.io//app"), "image", "invalid repository path component ''"),
                bad(Map.of("registry", "github"), "registry",
                        "'github' is not one of ghcr, dockerhub, gitlab, quay, ecr, ecr-public, custom"),
                bad(Map.of("registry", "quay"), "registry", "'quay' contradicts the image host ghcr.io, which is ghcr"),
                bad(Map.of("registryPassword", REMOVE), "registryPassword",
                        "ghcr wants a GitHub personal access token (classic) with the read:packages scope"),
                bad(Map.of("image", "acme/app:1", "registryUsername", REMOVE), "registryUsername",
                        "dockerhub wants a Docker Hub personal access token"),
                bad(Map.of("image", "registry.gitlab.com/acme/app:1", "registryPassword", REMOVE), "registryPassword",
                        "gitlab wants a GitLab deploy token with the read_registry scope"),
                bad(Map.of("image", "quay.io/acme/app:1", "registryPassword", REMOVE), "registryPassword",
                        "quay wants a Quay robot account"),
                bad(Map.of("image", ECR_IMAGE, "registryPassword", REMOVE), "registryUsername",
                        "ECR images need no registry credentials"),
                bad(Map.of("image", ECR_IMAGE, "registryUsername", REMOVE, "registryPassword", REMOVE,
                        "kmsKeyArn", KMS_KEY), "kmsKeyArn", "pulumi config rm kmsKeyArn"),
                bad(Map.of("registryPassword", "plain-" + "text"), "registryPassword",
                        "stored in plain text in Pulumi.test.yaml; encrypt it (this replaces it): "
                                + "pulumi config set --secret registryPassword"),
                bad(Map.of("registryCredentialsSecretArn", SECRET_ARN), "registryCredentialsSecretArn",
                        "given together with registryUsername/registryPassword"),
                bad(Map.of("registryUsername", REMOVE, "registryPassword", REMOVE, "registryCredentialsSecretArn",
                        "arn:aws:secretsmanager:eu-west-1:123456789012:secret:registry/ghcr"),
                        "registryCredentialsSecretArn", "is a partial secret ARN"),
                bad(Map.of("registryUsername", REMOVE, "registryPassword", REMOVE, "registryCredentialsSecretArn",
                        "arn:aws:ssm:eu-west-1:123456789012:parameter/registry"),
                        "registryCredentialsSecretArn", "is an ARN of ssm, not of a Secrets Manager secret"),
                bad(Map.of("registryUsername", REMOVE, "registryPassword", REMOVE, "registryCredentialsSecretArn",
                        "my secret"), "registryCredentialsSecretArn", "neither a secret ARN nor a secret name"),
                bad(Map.of("kmsKeyArn", "arn:aws:kms:eu-central-1:123456789012:alias/registry"), "kmsKeyArn",
                        "is an alias ARN; use the key ARN"),
                bad(Map.of("containerPort", "abc"), "containerPort", "'abc' is not a whole number"),
                bad(Map.of("containerPort", "70000"), "containerPort", "70000 is not a TCP port (1-65535)"),
                bad(Map.of("listenerPort", "0"), "listenerPort", "0 is not a TCP port (1-65535)"),
                bad(Map.of("desiredCount", "-1"), "desiredCount", "-1 is outside 0-5000"),
                bad(Map.of("memory", "4096"), "cpu", "Fargate offers no memory 4096 MiB with cpu 256; memory 4096 MiB "
                        + "pairs with cpu 512, 1024, 2048, and cpu 256 with memory 512, 1024, 2048 MiB: "
                        + "pulumi config set cpu 512"),
                bad(Map.of("cpu", "1024", "memory", "512"), "cpu", "memory 512 MiB pairs with cpu 256, and cpu 1024 "
                        + "with memory 2048-8192 MiB in steps of 1024: pulumi config set cpu 256"),
                bad(Map.of("memory", "3000"), "memory", "Fargate offers no memory 3000 MiB with cpu 256 (nor with any "
                        + "other cpu); cpu 256 pairs with memory 512, 1024, 2048 MiB: pulumi config set memory 2048"),
                bad(Map.of("cpu", "300", "memory", "1024"), "cpu", "Fargate offers no cpu value 300; valid values: "
                        + "256, 512, 1024, 2048, 4096, 8192, 16384; memory 1024 MiB pairs with cpu 256, 512: "
                        + "pulumi config set cpu 256"),
                bad(Map.of("healthCheckPath", "actuator/health"), "healthCheckPath",
                        "must start with '/', e.g. /actuator/health: pulumi config set healthCheckPath /actuator/health"),
                bad(Map.of("logRetentionDays", "45"), "logRetentionDays",
                        "45 is not a retention CloudWatch Logs accepts; valid values: 1, 3, 5, 7, 14, 30, 60"),
                bad(Map.of("logRetentionDays", "45"), "logRetentionDays", ": pulumi config set logRetentionDays 60"),
                bad(Map.of("logRetentionDays", "300"), "logRetentionDays", ": pulumi config set logRetentionDays 365"),
                bad(Map.of("deregistrationDelaySeconds", "4000"), "deregistrationDelaySeconds", "4000 is outside 0-3600"),
                bad(Map.of("slowStartSeconds", "10"), "slowStartSeconds", "10 is neither 0 (off) nor within 30-900: "
                        + "pulumi config set slowStartSeconds 30"),
                bad(Map.of("stopTimeoutSeconds", "300"), "stopTimeoutSeconds", "300 is outside 2-120"),
                bad(Map.of("certificateArn", "arn:aws:iam::123456789012:server-certificate/x"), "certificateArn",
                        "is not an ACM certificate ARN"),
                bad(Map.of("certificateArn", "arn:aws:acm:eu-central-1:123456789012:certificate/"
                        + "11111111-2222-3333-4444-555555555555", "listenerPort", "443"), "listenerPort",
                        "443 is taken by the HTTPS listener that certificateArn adds; keep the HTTP listener on 80: "
                                + "pulumi config set listenerPort 80"),
                bad(Map.of("certificateArn", "arn:aws:acm:us-east-1:123456789012:certificate/"
                        + "11111111-2222-3333-4444-555555555555"), "certificateArn",
                        "the certificate is in us-east-1 of account 123456789012, but a load balancer takes only "
                                + "certificates of its own account and region (eu-central-1, 123456789012)"),
                bad(Map.of("kmsKeyArn", "arn:aws:kms:us-east-1:123456789012:key/11111111-2222-3333-4444-555555555555"),
                        "kmsKeyArn", "the key is in us-east-1, but the credentials secret is in eu-central-1"),
                bad(Map.of("registryUsername", REMOVE, "registryPassword", REMOVE, "registryCredentialsSecretArn",
                        SECRET_ARN, "kmsKeyArn", KMS_KEY), "kmsKeyArn",
                        "the key is in eu-central-1, but the credentials secret is in eu-west-1"),
                bad(Map.of("registryUsername", REMOVE, "registryPassword", REMOVE, "registryCredentialsSecretArn",
                        "arn:aws:secretsmanager:eu-central-1:999999999999:secret:ghcr-AbCdEf"),
                        "registryCredentialsSecretArn", "the secret belongs to account 999999999999, but the stack "
                                + "deploys into 123456789012"),
                bad(Map.of("vpcId", "vpc-0123456789abcdef0"), "publicSubnetIds",
                        "required: at least two subnets for the load balancer"),
                bad(Map.of("publicSubnetIds", "[\"subnet-0aaaaaaaaaaaaaaa1\",\"subnet-0aaaaaaaaaaaaaaa2\"]"), "vpcId",
                        "required: the VPC of the load balancer and the tasks"),
                bad(Map.of("vpcId", "vpc-0123456789abcdef0", "publicSubnetIds", "[\"subnet-0aaaaaaaaaaaaaaa1\"]",
                        "privateSubnetIds", "[\"subnet-0bbbbbbbbbbbbbbb1\",\"subnet-0bbbbbbbbbbbbbbb2\"]"),
                        "publicSubnetIds", "needs at least two subnets"),
                bad(Map.of("vpcId", "vpc-0123456789abcdef0", "publicSubnetIds", "[\"subnet-0aaaaaaaaaaaaaaa1\","
                        + "\"sub-2\"]", "privateSubnetIds", "[\"subnet-0bbbbbbbbbbbbbbb1\",\"subnet-0bbbbbbbbbbbbbbb2\"]"),
                        "publicSubnetIds", "'sub-2' is not a subnet id"),
                bad(Map.of("vpcId", "default"), "vpcId", "'default' is not a VPC id"),
                bad(Map.of("minCount", "2"), "maxCount", "required: the most tasks"),
                bad(Map.of("minCount", "5", "maxCount", "2"), "minCount", "5 is above maxCount 2; lower minCount or raise "
                        + "maxCount: pulumi config set minCount 2"),
                bad(Map.of("minCount", "1", "maxCount", "3", "cpuTargetPercent", "0"), "cpuTargetPercent",
                        "0 is outside 1-100"),
                bad(Map.of("environment", "{\"DB_PASSWORD\":\"hunter2\"}"), "environment",
                        "'DB_PASSWORD' looks like a secret"),
                bad(Map.of("environment", "{\"ECS_ENGINE_AUTH_DATA\":\"x\"}"), "environment",
                        "store it in Secrets Manager or SSM and make it an app secret (valueFrom) instead"),
                bad(Map.of("environment", "{\"JWT_SECRET\":\"x\"}"), "environment", "'JWT_SECRET' looks like a secret"),
                bad(Map.of("environment", "{\"AWS_SECRET_ACCESS_KEY\":\"x\"}"), "environment",
                        "'AWS_SECRET_ACCESS_KEY' looks like a secret"),
                bad(Map.of("environment", "{\"S3_ACCESS_KEY\":\"x\"}"), "environment", "'S3_ACCESS_KEY' looks like a secret"),
                bad(Map.of("environment", "{\"GITHUB_TOKEN\":\"x\"}"), "environment", "'GITHUB_TOKEN' looks like a secret"),
                bad(Map.of("environment", "{\"1X\":\"x\"}"), "environment", "'1X' is not a valid environment variable"),
                bad(Map.of("appSecrets", "{\"DB\":\"plain\"}"), "appSecrets",
                        "DB: 'plain' is neither a Secrets Manager secret ARN nor an SSM parameter ARN"),
                bad(Map.of("appSecrets", "[1,2]"), "appSecrets", "is not a map of names to values"),
                bad(Map.of("appSecrets", "{\"DB\":\"" + SECRET_ARN + "\"}", "environment", "{\"DB\":\"x\"}"),
                        "environment", "'DB' is also in appSecrets"),
                bad(Map.of("allowedCidrBlocks", "[\"10.0.0.0/8\",\"10.300.0.0/16\"]"), "allowedCidrBlocks",
                        "'10.300.0.0/16' is not an IPv4 CIDR block"),
                bad(Map.of("allowedCidrBlocks", "[]"), "allowedCidrBlocks", "empty, so the listeners would admit nobody"),
                bad(Map.of("allowedCidrBlocks", "[\"10.0.0.0/8\",\"203.0.113.7\"]"), "allowedCidrBlocks",
                        "'203.0.113.7' is not an IPv4 CIDR block (e.g. 10.0.0.0/16): "
                                + "pulumi config set --path 'allowedCidrBlocks[1]' 203.0.113.7/32"),
                bad(Map.of("contianerPort", "8081"), "contianerPort", "is not a key of this stack; did you mean "
                        + "containerPort? pulumi config mv contianerPort containerPort"),
                bad(Map.of("loadBalancerType", "network"), "loadBalancerType", "is not a key of this stack; remove it: "
                        + "pulumi config rm loadBalancerType"),
                bad(Map.of("publicImage", "true"), "registryUsername", "publicImage is true, so the image is pulled "
                        + "without credentials; remove it: pulumi config rm registryUsername"),
                bad(Map.of("registryUsername", REMOVE, "registryPassword", REMOVE), "registryUsername",
                        "for a public image: pulumi config set publicImage true"),
                bad(Map.of("cpuArchitecture", "arm"), "cpuArchitecture", "'arm' is not X86_64 or ARM64"),
                bad(Map.of("waitForSteadyState", "soon"), "waitForSteadyState", "'soon' is not true or false"),
                bad(Map.of("internalLoadBalancer", "maybe"), "internalLoadBalancer", "'maybe' is not true or false"),
                bad(Map.of("appSecretsKmsKeyArns", "[\"" + KMS_KEY + "\"]"), "appSecretsKmsKeyArns",
                        "there are no appSecrets to decrypt"),
                bad(Map.of("appSecrets", "{\"DB\":\"" + SECRET_ARN + "\"}", "appSecretsKmsKeyArns",
                        "arn:aws:kms:eu-central-1:123456789012:alias/app"), "appSecretsKmsKeyArns", "is an alias ARN"),
                bad(Map.of("deletionProtection", "yes"), "deletionProtection", "'yes' is not true or false"),
                bad(Map.of("accessLogsBucket", "My_Bucket"), "accessLogsBucket", "is not an S3 bucket name"),
                bad(Map.of("managedExecutionPolicy", "maybe"), "managedExecutionPolicy",
                        "'maybe' is not true or false"),
                bad(Map.of("webAclArn", "edge"), "webAclArn", "'edge' is not a regional WAF web ACL ARN "
                        + "(arn:aws:wafv2:REGION:ACCOUNT:regional/webacl/NAME/ID; a CloudFront one is global)"),
                bad(Map.of("webAclArn", WEB_ACL.replace("eu-central-1", "us-east-1").replace("regional/", "global/")),
                        "webAclArn", "is not a regional WAF web ACL ARN"),
                bad(Map.of("webAclArn", WEB_ACL.replace("eu-central-1", "us-east-1")), "webAclArn",
                        "the web ACL is in us-east-1 of account 123456789012, but a load balancer takes only web ACLs "
                                + "of its own account and region (eu-central-1, 123456789012)"),
                bad(Map.of("webAclArn", WEB_ACL.replace("123456789012", "210987654321")), "webAclArn",
                        "the web ACL is in eu-central-1 of account 210987654321"),
                bad(Map.of("taskEgressCidrBlocks", "[]"), "taskEgressCidrBlocks",
                        "empty, so the tasks could reach nothing, not even the registry; leave it unset to allow "
                                + "anywhere"),
                bad(Map.of("taskEgressCidrBlocks", "[\"10.0.0.0/8\",\"10.300.0.0/16\"]"), "taskEgressCidrBlocks",
                        "'10.300.0.0/16' is not an IPv4 CIDR block (e.g. 10.0.0.0/16)"),
                bad(Map.of("taskEgressCidrBlocks", "10.0.0.1/8"), "taskEgressCidrBlocks",
                        "'10.0.0.1/8' has host bits set; the AWS provider takes only a block's network address, here "
                                + "10.0.0.0/8"),
                bad(Map.of("logKmsKeyArn", "arn:aws:kms:eu-central-1:123456789012:alias/logs"), "logKmsKeyArn",
                        "is an alias ARN; use the key ARN it points to"),
                bad(Map.of("deploymentAlarms", "yes"), "deploymentAlarms",
                        "'yes' is not true or false: pulumi config set deploymentAlarms false"),
                bad(Map.of("pullFailureTopicArn", "arn:aws:sns:us-east-1:123456789012:alerts"), "pullFailureTopicArn",
                        "the topic is in us-east-1 of account 123456789012, but the rule is in eu-central-1 of account "
                                + "123456789012"),
                bad(Map.of("pullFailureTopicArn", "alerts"), "pullFailureTopicArn",
                        "'alerts' is not an SNS topic ARN (arn:aws:sns:eu-central-1:123456789012:NAME"),
                bad(Map.of("logKmsKeyArn", KMS_KEY.replace("eu-central-1", "us-east-1")), "logKmsKeyArn",
                        "the key is in us-east-1, but the log group is in eu-central-1; CloudWatch Logs uses a key of "
                                + "its own region"));
    }

    private static Map<String, String> valid() {
        return new HashMap<>(Map.of("image", "ghcr.io/acme/app:1.0", "registryUsername", "acme",
                "registryPassword", "token"));
    }

    private static OfflineRun runWith(Map<String, String> change) {
        Map<String, String> config = StackConfigs.changed(valid(), change);
        // The password is a secret unless a case sets it in plain text.
        boolean plain = change.containsKey("registryPassword") && !change.get("registryPassword").equals(REMOVE);
        return StackConfigs.run(config, plain ? Set.of() : Set.of("registryPassword"));
    }

    @ParameterizedTest(name = "[{index}] {1}: {2}")
    @MethodSource("badConfigs")
    void failsBeforeAnyResourceWithAMessageNamingTheKey(Map<String, String> change, String key, String fragment) {
        StackConfigs.assertRefused(runWith(change), key, fragment);
    }

    @Test
    void thereAreAtLeastThirtyBadConfigs() {
        assertTrue(badConfigs().count() >= 30);
    }

    @Test
    void reportsAllProblemsTogether() {
        var run = runWith(Map.of("containerPort", "0", "healthCheckPath", "health", "memory", "3000",
                "registryPassword", REMOVE, "desiredCount", "many"));
        String message = run.errorText();
        assertTrue(message.contains("Stack 'test' has 5 configuration problems (Pulumi.test.yaml); nothing was deployed:"),
                message);
        for (String key : new String[]{"containerPort", "healthCheckPath", "memory", "registryPassword", "desiredCount"}) {
            assertTrue(message.contains("  - " + key + ": "), key + " in\n" + message);
        }
        assertEquals(0, run.mocks().registrations().size());
    }
}
