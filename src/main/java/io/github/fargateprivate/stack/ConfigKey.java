package io.github.fargateprivate.stack;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The stack's config: one row per key, with its type, default, description, the library field it feeds and the
 * setter that feeds it. {@code Pulumi.yaml} and docs/config.md repeat the rows (a test keeps the three
 * in step); the library validates the values and its problems come back under the key whose {@link #field()} they
 * name.
 *
 * @param key          the key, without the project's namespace
 * @param type         its type
 * @param defaultValue its default, or null
 * @param description  one line for {@code Pulumi.yaml} and docs/config.md
 * @param field        the field of {@code LoadBalancedServiceArgs} it feeds, e.g. {@code container.image}
 * @param setter       feeds a value of the key's type into the stack's inputs
 */
public record ConfigKey(String key, Type type, String defaultValue, String description, String field,
                        BiConsumer<StackInputs, Object> setter) {

    /** The types of config values, with the name {@code Pulumi.yaml} gives them. */
    public enum Type {
        /** A string. */
        STRING("string"),
        /** A string stored with {@code pulumi config set --secret}. */
        SECRET("string"),
        /** A whole number. */
        INTEGER("integer"),
        /** {@code true} or {@code false}. */
        BOOLEAN("boolean"),
        /** A list of strings, set with {@code --path 'key[0]'}. */
        LIST("array"),
        /** A map of names to strings, set with {@code --path 'key.NAME'}. */
        MAP("object");

        private final String yamlName;

        Type(String yamlName) {
            this.yamlName = yamlName;
        }

        /** @return the type's name in {@code Pulumi.yaml} */
        public String yamlName() {
            return yamlName;
        }
    }

    private static ConfigKey row(String key, Type type, String defaultValue, String field, String description,
                                 BiConsumer<StackInputs, Object> setter) {
        return new ConfigKey(key, type, defaultValue, description, field, setter);
    }

    /**
     * A row of an EC2 instance option. Every key's default is fed too, and a default is no EC2 setting (a Fargate
     * stack would be refused for it): the setter runs only for another value; the library's default is the same.
     */
    private static ConfigKey ec2Row(String key, Type type, String defaultValue, String field, String description,
                                    BiConsumer<StackInputs, Object> setter) {
        return row(key, type, defaultValue, field, description, (in, v) -> {
            if (!String.valueOf(v).equals(defaultValue)) {
                in.ec2Fields.add(field);
                setter.accept(in, v);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value) {
        return (List<String>) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> map(Object value) {
        return (Map<String, String>) value;
    }

    /** Every key, in the order of docs/config.md. */
    public static final List<ConfigKey> ALL = List.of(
            row("image", Type.STRING, null, "container.image",
                    "Container image, e.g. ghcr.io/OWNER/IMAGE:TAG (required)",
                    (in, v) -> in.image = (String) v),
            row("publicImage", Type.BOOLEAN, "false", "registryCredentials",
                    "The image is public: pull it without registry credentials",
                    (in, v) -> in.publicImage = (Boolean) v),
            row("registry", Type.STRING, null, "registryCredentials.registry",
                    "ghcr, dockerhub, gitlab, quay, ecr or custom; inferred from the image host when unset",
                    (in, v) -> in.registry = (String) v),
            row("registryUsername", Type.STRING, null, "registryCredentials.username",
                    "Registry user name (not for ECR)",
                    (in, v) -> in.registryUsername = (String) v),
            row("registryPassword", Type.SECRET, null, "registryCredentials.password",
                    "Registry password or token; set with pulumi config set --secret",
                    (in, v) -> in.registryPasswordSet = true),
            row("registryCredentialsSecretArn", Type.STRING, null, "registryCredentials.secret",
                    "Complete ARN (or same-region name) of an existing {username,password} secret, instead of user/password",
                    (in, v) -> in.existingSecret = (String) v),
            row("kmsKeyArn", Type.STRING, null, "registryCredentials.kmsKeyArn",
                    "Customer managed KMS key ARN that encrypts the credentials secret",
                    (in, v) -> in.kmsKeyArn = (String) v),
            row("managedExecutionPolicy", Type.BOOLEAN, "false", "executionRole.managedPolicy",
                    "Attach AWS's AmazonECSTaskExecutionRolePolicy (ECR and logs on *) instead of exact statements only",
                    (in, v) -> in.executionRole.managedPolicy((Boolean) v)),
            row("pullThroughCache", Type.BOOLEAN, "false", "pullThroughCache",
                    "Pull the image through an ECR pull-through cache (ghcr, dockerhub, gitlab.com; quay without credentials)",
                    (in, v) -> in.pullThroughCache = (Boolean) v),
            row("pullThroughCachePrefix", Type.STRING, null, "pullThroughCache.prefix",
                    "ECR repository prefix of the cache (default: STACK-UPSTREAM, e.g. dev-github)",
                    (in, v) -> in.cache().prefix((String) v)),
            row("existingPullThroughCacheRule", Type.BOOLEAN, "false", "pullThroughCache.existingRule",
                    "The cache rule for the prefix exists already: create no rule and no cache secret",
                    (in, v) -> in.existingCacheRule = (Boolean) v),
            row("containerPort", Type.INTEGER, "8080", "container.port", "Port the container listens on",
                    (in, v) -> in.container.port((Integer) v)),
            row("listenerPort", Type.INTEGER, "80", "loadBalancer.listenerPort", "Port of the load balancer's HTTP listener",
                    (in, v) -> in.loadBalancer.listenerPort((Integer) v)),
            row("healthCheckPath", Type.STRING, "/actuator/health", "targetGroup.healthCheck.path",
                    "Path the target group health-checks",
                    (in, v) -> in.healthCheck.path((String) v)),
            row("desiredCount", Type.INTEGER, "2", "service.desiredCount",
                    "Number of tasks (initial count when autoscaling)",
                    (in, v) -> in.service.desiredCount((Integer) v)),
            row("cpu", Type.INTEGER, "256", "service.cpu", "Task CPU units (1024 = 1 vCPU)",
                    (in, v) -> in.service.cpu((Integer) v)),
            row("memory", Type.INTEGER, "512", "service.memory", "Task memory in MiB; must pair with cpu as Fargate allows",
                    (in, v) -> in.service.memory((Integer) v)),
            row("cpuArchitecture", Type.STRING, null, "service.cpuArchitecture",
                    "X86_64 or ARM64 (Graviton; the image must be built for it)",
                    (in, v) -> in.cpuArchitecture = (String) v),
            row("launchType", Type.STRING, "FARGATE", "service.launchType",
                    "FARGATE, or EC2: the service's own container instances (Auto Scaling group and capacity provider)",
                    (in, v) -> in.launchType = (String) v),
            ec2Row("instanceType", Type.STRING, "t3.small", "service.ec2.instanceType",
                    "EC2 instance type, FAMILY.SIZE such as m7g.large (launchType EC2)",
                    (in, v) -> in.ec2().instanceType((String) v)),
            ec2Row("minInstances", Type.INTEGER, "1", "service.ec2.minInstances",
                    "Fewest EC2 container instances (launchType EC2)",
                    (in, v) -> in.ec2().minInstances((Integer) v)),
            ec2Row("maxInstances", Type.INTEGER, "3", "service.ec2.maxInstances",
                    "Most EC2 container instances; managed scaling stays within (launchType EC2)",
                    (in, v) -> in.ec2().maxInstances((Integer) v)),
            ec2Row("amiId", Type.STRING, null, "service.ec2.amiId",
                    "ECS-ready AMI instead of the ECS-optimized Amazon Linux 2023 one (launchType EC2)",
                    (in, v) -> in.ec2().amiId((String) v)),
            row("networkMode", Type.STRING, "awsvpc", "service.networkMode",
                    "awsvpc, or bridge: dynamic host ports behind an instance target group (launchType EC2)",
                    (in, v) -> in.networkMode = (String) v),
            ec2Row("registryAuth", Type.STRING, "task", "service.ec2.registryAuth",
                    "task (repositoryCredentials), or instance: the ECS agent reads the secret at boot (launchType EC2)",
                    (in, v) -> in.registryAuth = (String) v),
            ec2Row("instanceSessionManager", Type.BOOLEAN, "false", "service.ec2.sessionManager",
                    "Let SSM Session Manager reach the container instances (launchType EC2)",
                    (in, v) -> in.ec2().sessionManager((Boolean) v)),
            row("availabilityZoneRebalancing", Type.BOOLEAN, "true", "service.availabilityZoneRebalancing",
                    "ECS moves tasks back into an Availability Zone that recovered",
                    (in, v) -> in.service.availabilityZoneRebalancing((Boolean) v)),
            row("containerInsights", Type.STRING, "enabled", "service.containerInsights",
                    "Container Insights of the created cluster: enabled, enhanced (task and container metrics) or disabled",
                    (in, v) -> in.containerInsights = (String) v),
            row("ephemeralStorageKmsKeyArn", Type.STRING, null, "service.ephemeralStorageKmsKeyArn",
                    "Customer managed KMS key ARN (single-Region) that encrypts the Fargate tasks' ephemeral storage",
                    (in, v) -> in.service.ephemeralStorageKmsKeyArn((String) v)),
            row("certificateArn", Type.STRING, null, "loadBalancer.certificateArn",
                    "ACM certificate ARN: adds HTTPS on 443 and redirects HTTP to it",
                    (in, v) -> in.loadBalancer.certificateArn((String) v)),
            row("deletionProtection", Type.BOOLEAN, "false", "loadBalancer.deletionProtection",
                    "Protect the load balancer from deletion",
                    (in, v) -> in.loadBalancer.deletionProtection((Boolean) v)),
            row("accessLogs", Type.BOOLEAN, "false", "loadBalancer.accessLogs",
                    "Log load balancer requests; without accessLogsBucket into a bucket the stack creates",
                    // The default, false, is also what Pulumi.yaml hands the program for an unset key: it sets
                    // nothing, so that accessLogsBucket alone turns the logs on, as its row says.
                    (in, v) -> {
                        if ((Boolean) v) {
                            in.loadBalancer.accessLogs(true);
                        }
                    }),
            row("accessLogsBucket", Type.STRING, null, "loadBalancer.accessLogsBucket",
                    "S3 bucket for load balancer access logs",
                    (in, v) -> in.loadBalancer.accessLogsBucket((String) v)),
            row("internalLoadBalancer", Type.BOOLEAN, "false", "loadBalancer.internalLoadBalancer",
                    "Make the load balancer internal: private IPs, reachable from the VPC only",
                    (in, v) -> in.loadBalancer.internalLoadBalancer((Boolean) v)),
            row("allowedCidrBlocks", Type.LIST, null, "loadBalancer.allowedCidrBlocks",
                    "IPv4 CIDR blocks the load balancer admits (default: anywhere, or the VPC when internal)",
                    (in, v) -> in.loadBalancer.allowedCidrBlocks(strings(v))),
            row("webAclArn", Type.STRING, null, "loadBalancer.webAclArn",
                    "Regional AWS WAF web ACL ARN that filters the load balancer's requests",
                    (in, v) -> in.loadBalancer.webAclArn((String) v)),
            row("taskEgressCidrBlocks", Type.LIST, null, "service.taskEgressCidrBlocks",
                    "IPv4 CIDR blocks the tasks may reach, on TCP 443 only (default: anywhere)",
                    (in, v) -> in.service.taskEgressCidrBlocks(strings(v))),
            row("vpcId", Type.STRING, null, "network.vpcId",
                    "VPC to use instead of the default VPC (with publicSubnetIds and privateSubnetIds)",
                    (in, v) -> in.network().vpcId((String) v)),
            row("publicSubnetIds", Type.LIST, null, "network.publicSubnetIds",
                    "At least two public subnets for the load balancer",
                    (in, v) -> in.network().publicSubnetIds(strings(v))),
            row("privateSubnetIds", Type.LIST, null, "network.privateSubnetIds",
                    "At least two private subnets for the tasks (no public IP)",
                    (in, v) -> in.network().privateSubnetIds(strings(v))),
            row("vpcEndpoints", Type.BOOLEAN, "false", "vpcEndpoints",
                    "Interface endpoints for ECR, logs and the secrets read, and the S3 gateway endpoint, in the private subnets",
                    (in, v) -> in.vpcEndpoints = (Boolean) v),
            row("privateRouteTableIds", Type.LIST, null, "vpcEndpoints.routeTableIds",
                    "Route tables of the private subnets for the S3 gateway endpoint (default: looked up)",
                    (in, v) -> in.endpoints().routeTableIds(strings(v))),
            row("minCount", Type.INTEGER, null, "service.autoScaling.minCount",
                    "Autoscaling minimum task count (with maxCount)",
                    (in, v) -> in.autoScaling().minCount((Integer) v)),
            row("maxCount", Type.INTEGER, null, "service.autoScaling.maxCount",
                    "Autoscaling maximum task count (with minCount)",
                    (in, v) -> in.autoScaling().maxCount((Integer) v)),
            row("cpuTargetPercent", Type.INTEGER, "60", "service.autoScaling.cpuTargetPercent",
                    "Average CPU percent the autoscaling policy keeps",
                    (in, v) -> in.cpuTargetPercent = (Integer) v),
            row("appSecrets", Type.MAP, null, "container.appSecrets",
                    "Map of variable name to Secrets Manager secret ARN or SSM parameter ARN",
                    (in, v) -> map(v).forEach(in.container::appSecret)),
            row("appSecretsKmsKeyArns", Type.LIST, null, "container.appSecretsKmsKeyArns",
                    "Customer managed KMS key ARNs of the appSecrets (kms:Decrypt via Secrets Manager and SSM only)",
                    (in, v) -> strings(v).forEach(in.container::appSecretsKmsKeyArn)),
            row("environment", Type.MAP, null, "container.environment",
                    "Map of plain environment variables (no secrets)",
                    (in, v) -> map(v).forEach(in.container::environment)),
            row("deregistrationDelaySeconds", Type.INTEGER, "30", "targetGroup.deregistrationDelaySeconds",
                    "Seconds in-flight requests may finish on a deregistered task (0-3600)",
                    (in, v) -> in.targetGroup.deregistrationDelaySeconds((Integer) v)),
            row("slowStartSeconds", Type.INTEGER, "0", "targetGroup.slowStartSeconds",
                    "Seconds a new task's share of requests ramps up (30-900, 0 for none)",
                    (in, v) -> in.targetGroup.slowStartSeconds((Integer) v)),
            row("healthCheckGracePeriodSeconds", Type.INTEGER, "90", "service.healthCheckGracePeriodSeconds",
                    "Seconds ECS ignores failing health checks of a starting task",
                    (in, v) -> in.service.healthCheckGracePeriodSeconds((Integer) v)),
            row("stopTimeoutSeconds", Type.INTEGER, "30", "container.stopTimeoutSeconds",
                    "Seconds between SIGTERM and SIGKILL (2-120)",
                    (in, v) -> in.container.stopTimeoutSeconds((Integer) v)),
            row("restartContainer", Type.BOOLEAN, "false", "container.restartPolicy",
                    "ECS restarts the container in place when it exits, instead of replacing the task",
                    (in, v) -> in.restartContainer = (Boolean) v),
            row("restartAttemptPeriodSeconds", Type.INTEGER, null, "container.restartPolicy.restartAttemptPeriodSeconds",
                    "Seconds the container must run before a restart (60-1800; ECS's default 300); implies restartContainer",
                    (in, v) -> in.restart().restartAttemptPeriodSeconds((Integer) v)),
            row("executeCommand", Type.BOOLEAN, "false", "service.enableExecuteCommand",
                    "ECS Exec: aws ecs execute-command may open a shell in the containers; sessions are logged",
                    (in, v) -> in.service.enableExecuteCommand((Boolean) v)),
            row("executeCommandLogBucket", Type.STRING, null, "service.executeCommandLogBucket",
                    "S3 bucket that also receives the ECS Exec sessions (below ecs-exec/FAMILY/)",
                    (in, v) -> in.service.executeCommandLogBucket((String) v)),
            row("executeCommandKmsKeyArn", Type.STRING, null, "service.executeCommandKmsKeyArn",
                    "Customer managed KMS key ARN that encrypts the ECS Exec channel",
                    (in, v) -> in.service.executeCommandKmsKeyArn((String) v)),
            row("logKmsKeyArn", Type.STRING, null, "service.logKmsKeyArn",
                    "Customer managed KMS key ARN that encrypts the log group (its key policy must admit CloudWatch Logs)",
                    (in, v) -> in.service.logKmsKeyArn((String) v)),
            row("logRetentionDays", Type.INTEGER, "30", "service.logRetentionDays",
                    "Days container logs are kept (a CloudWatch Logs value)",
                    (in, v) -> in.service.logRetentionDays((Integer) v)),
            row("redeployOnSecretRotation", Type.BOOLEAN, "true", "service.redeployOnSecretRotation",
                    "Start a new deployment when an appSecrets secret has a new version",
                    (in, v) -> in.service.redeployOnSecretRotation((Boolean) v)),
            row("waitForSteadyState", Type.BOOLEAN, "true", "service.waitForSteadyState",
                    "pulumi up waits until the service is stable, and fails when a rollout is rolled back",
                    (in, v) -> in.service.waitForSteadyState((Boolean) v)),
            row("registryPreflight", Type.BOOLEAN, "true", "registryPreflight",
                    "Ask each image's registry, before ECS does, whether the credentials can pull it",
                    (in, v) -> in.registryPreflight = (Boolean) v),
            row("pinImageDigests", Type.BOOLEAN, "false", "pinImageDigests",
                    "Run each image as image@digest, the digest its registry answered",
                    (in, v) -> in.pinImageDigests = (Boolean) v),
            row("deploymentAlarms", Type.BOOLEAN, "true", "deploymentAlarms",
                    "ECS rolls a deployment back when the targets answer 5XX or stay unhealthy (two CloudWatch alarms)",
                    (in, v) -> in.deploymentAlarms = (Boolean) v),
            row("pullFailureTopicArn", Type.STRING, null, "pullFailureTopicArn",
                    "SNS topic ARN of this account and region told of each task that cannot pull its image",
                    (in, v) -> in.pullFailureTopicArn = (String) v),
            row("tags", Type.MAP, null, "tags", "Tags of every taggable resource",
                    (in, v) -> in.tags = Map.copyOf(map(v))));

    /**
     * @param key a key without namespace
     * @return its row, if the stack knows the key
     */
    public static Optional<ConfigKey> named(String key) {
        return ALL.stream().filter(k -> k.key.equals(key)).findFirst();
    }

    /**
     * The key that fed a library field: the row whose field is the field itself or the longest prefix of it
     * ({@code container.appSecrets.DB_PASSWORD} comes from {@code appSecrets}).
     *
     * @param fieldPath a library problem's field
     * @return the key, if any fed it
     */
    public static Optional<ConfigKey> feeding(String fieldPath) {
        return ALL.stream().filter(k -> fieldPath.equals(k.field) || fieldPath.startsWith(k.field + ".")
                        || fieldPath.startsWith(k.field + "["))
                .max(Comparator.comparingInt(k -> k.field.length()));
    }

    /** @return the default, if the key has one */
    public Optional<String> defaultTo() {
        return Optional.ofNullable(defaultValue);
    }

    @Override
    public String toString() {
        return key;
    }
}
