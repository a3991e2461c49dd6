package io.github.fargateprivate.stack;

import java.util.Optional;

/**
 * Every config key the stack reads, with its default and the one-line description that {@code Pulumi.yaml} and the
 * README's config reference repeat (a test keeps the three in step).
 */
public enum ConfigKey {
    /** The image to run. */
    IMAGE("image", null, "Container image, e.g. ghcr.io/OWNER/IMAGE:TAG (required)"),
    /** The registry kind. */
    REGISTRY("registry", null, "ghcr, dockerhub, gitlab, quay, ecr or custom; inferred from the image host when unset"),
    /** Registry user name. */
    REGISTRY_USERNAME("registryUsername", null, "Registry user name (not for ECR)"),
    /** Registry password or token. */
    REGISTRY_PASSWORD("registryPassword", null, "Registry password or token; set with pulumi config set --secret"),
    /** An existing credentials secret. */
    REGISTRY_CREDENTIALS_SECRET_ARN("registryCredentialsSecretArn", null,
            "Complete ARN (or same-region name) of an existing {username,password} secret, instead of user/password"),
    /** KMS key of the credentials secret. */
    KMS_KEY_ARN("kmsKeyArn", null, "Customer managed KMS key ARN that encrypts the credentials secret"),
    /** Container port. */
    CONTAINER_PORT("containerPort", "8080", "Port the container listens on"),
    /** HTTP listener port. */
    LISTENER_PORT("listenerPort", "80", "Port of the load balancer's HTTP listener"),
    /** Health-check path. */
    HEALTH_CHECK_PATH("healthCheckPath", "/actuator/health", "Path the target group health-checks"),
    /** Task count. */
    DESIRED_COUNT("desiredCount", "2", "Number of tasks (initial count when autoscaling)"),
    /** Task CPU units. */
    CPU("cpu", "256", "Task CPU units (1024 = 1 vCPU)"),
    /** Task memory. */
    MEMORY("memory", "512", "Task memory in MiB; must pair with cpu as Fargate allows"),
    /** HTTPS certificate. */
    CERTIFICATE_ARN("certificateArn", null, "ACM certificate ARN: adds HTTPS on 443 and redirects HTTP to it"),
    /** ALB deletion protection. */
    DELETION_PROTECTION("deletionProtection", "false", "Protect the load balancer from deletion"),
    /** ALB access-log bucket. */
    ACCESS_LOGS_BUCKET("accessLogsBucket", null, "S3 bucket for load balancer access logs"),
    /** Internal ALB. */
    INTERNAL_LOAD_BALANCER("internalLoadBalancer", "false",
            "Make the load balancer internal: private IPs, reachable from the VPC only"),
    /** Who may reach the ALB. */
    ALLOWED_CIDR_BLOCKS("allowedCidrBlocks", null,
            "IPv4 CIDR blocks the load balancer admits (default: anywhere, or the VPC when internal)"),
    /** Own VPC. */
    VPC_ID("vpcId", null, "VPC to use instead of the default VPC (with publicSubnetIds and privateSubnetIds)"),
    /** Public subnets for the ALB. */
    PUBLIC_SUBNET_IDS("publicSubnetIds", null, "At least two public subnets for the load balancer"),
    /** Private subnets for the tasks. */
    PRIVATE_SUBNET_IDS("privateSubnetIds", null, "At least two private subnets for the tasks (no public IP)"),
    /** Autoscaling minimum. */
    MIN_COUNT("minCount", null, "Autoscaling minimum task count (with maxCount)"),
    /** Autoscaling maximum. */
    MAX_COUNT("maxCount", null, "Autoscaling maximum task count (with minCount)"),
    /** Autoscaling CPU target. */
    CPU_TARGET_PERCENT("cpuTargetPercent", "60", "Average CPU percent the autoscaling policy keeps"),
    /** Secret environment variables. */
    APP_SECRETS("appSecrets", null, "Map of variable name to Secrets Manager secret ARN or SSM parameter ARN"),
    /** KMS keys of the app secrets. */
    APP_SECRETS_KMS_KEY_ARNS("appSecretsKmsKeyArns", null,
            "Customer managed KMS key ARNs of the appSecrets (kms:Decrypt via Secrets Manager and SSM only)"),
    /** Plain environment variables. */
    ENVIRONMENT("environment", null, "Map of plain environment variables (no secrets)"),
    /** Deregistration delay. */
    DEREGISTRATION_DELAY_SECONDS("deregistrationDelaySeconds", "30",
            "Seconds in-flight requests may finish on a deregistered task (at most stopTimeoutSeconds)"),
    /** Health-check grace period. */
    HEALTH_CHECK_GRACE_PERIOD_SECONDS("healthCheckGracePeriodSeconds", "90",
            "Seconds ECS ignores failing health checks of a starting task"),
    /** Container stop timeout. */
    STOP_TIMEOUT_SECONDS("stopTimeoutSeconds", "30", "Seconds between SIGTERM and SIGKILL (2-120)"),
    /** Log retention. */
    LOG_RETENTION_DAYS("logRetentionDays", "30", "Days container logs are kept (a CloudWatch Logs value)"),
    /** Redeploy on secret rotation. */
    REDEPLOY_ON_SECRET_ROTATION("redeployOnSecretRotation", "true",
            "Start a new deployment when an appSecrets secret has a new version");

    private final String key;
    private final String defaultValue;
    private final String description;

    ConfigKey(String key, String defaultValue, String description) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    /** @return the key as written in {@code Pulumi.<stack>.yaml}, without the project prefix */
    public String key() {
        return key;
    }

    /** @return the default, if the key has one */
    public Optional<String> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    /** @return the one-line description */
    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return key;
    }
}
