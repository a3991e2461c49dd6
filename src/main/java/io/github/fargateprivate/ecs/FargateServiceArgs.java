package io.github.fargateprivate.ecs;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Inputs of {@link FargateService}. Immutable; build with {@link #builder()}. */
public final class FargateServiceArgs extends ResourceArgs {

    /** Default of {@link #containerPort()}: 8080, Spring Boot's. */
    public static final int DEFAULT_CONTAINER_PORT = 8080;
    /** Default of {@link #stopTimeoutSeconds()}: 30 s. */
    public static final int DEFAULT_STOP_TIMEOUT_SECONDS = 30;

    /** The VPC of the tasks. Required. */
    @Import(name = "vpcId", required = true)
    private Output<String> vpcId;

    /** Subnets the tasks run in. Required. */
    @Import(name = "subnetIds", required = true)
    private Output<List<String>> subnetIds;

    /**
     * Whether tasks get a public IP. Default: false. Only tasks in public subnets without a NAT gateway (e.g. the
     * default VPC) need one to reach an outside registry.
     */
    @Import(name = "assignPublicIp")
    private Boolean assignPublicIp;

    /** Security group of the load balancer: the only source the tasks admit, on the container port. Required. */
    @Import(name = "loadBalancerSecurityGroupId", required = true)
    private Output<String> loadBalancerSecurityGroupId;

    /** Target group (type ip) the service registers its tasks in. Required. */
    @Import(name = "targetGroupArn", required = true)
    private Output<String> targetGroupArn;

    /** The container image reference. Required. */
    @Import(name = "image", required = true)
    private String image;

    /**
     * The task definition family, under which ECS numbers its revisions. Default: the component's name; give stacks
     * that share an account and region different families, e.g. {@code <project>-<stack>}.
     */
    @Import(name = "family")
    private String family;

    /** Name of the container. Default: {@code app}. */
    @Import(name = "containerName")
    private String containerName;

    /** Port the container listens on. Default: 8080, Spring Boot's. */
    @Import(name = "containerPort")
    private Integer containerPort;

    /** Task CPU units (1024 = 1 vCPU). Default: 256, the smallest Fargate size. */
    @Import(name = "cpu")
    private Integer cpu;

    /** Task memory in MiB; must pair with {@link #cpu()} as Fargate allows. Default: 512. */
    @Import(name = "memory")
    private Integer memory;

    /** Number of tasks. Default: 2, one per availability zone for the common two-subnet case. */
    @Import(name = "desiredCount")
    private Integer desiredCount;

    /** The task execution role (image pull, secrets, logs). Required. */
    @Import(name = "executionRoleArn", required = true)
    private Output<String> executionRoleArn;

    /** The task role, the application's own AWS identity. Default: none. */
    @Import(name = "taskRoleArn")
    private Output<String> taskRoleArn;

    /**
     * Secrets Manager secret with the registry credentials, set as the container's
     * {@code repositoryCredentials.credentialsParameter}. Default: none (ECR or a public image).
     */
    @Import(name = "registryCredentialsArn")
    private Output<String> registryCredentialsArn;

    /** Days the log group keeps container logs; one of CloudWatch's values. Default: 30. */
    @Import(name = "logRetentionDays")
    private Integer logRetentionDays;

    /** Plain environment variables; names that look like secrets are refused. Default: none. */
    @Import(name = "environment")
    private Map<String, String> environment;

    /**
     * Secret environment variables: name to the ARN of a Secrets Manager secret (optionally with a
     * {@code :json-key::} suffix) or an SSM parameter, set as the container's {@code secrets} ({@code valueFrom}).
     * The execution role must be allowed to read them. Default: none.
     */
    @Import(name = "secrets")
    private Map<String, String> secrets;

    /**
     * Values whose change forces a new deployment (the service's {@code triggers}), e.g. the versions of the
     * secrets above, because ECS reads secrets only when a task starts. Default: none.
     */
    @Import(name = "redeployTriggers")
    private Output<Map<String, String>> redeployTriggers;

    /** Seconds ECS ignores failing load-balancer health checks of a new task. Default: 90 s, a Spring Boot start. */
    @Import(name = "healthCheckGracePeriodSeconds")
    private Integer healthCheckGracePeriodSeconds;

    /** Seconds between SIGTERM and SIGKILL for the container; at most 120 on Fargate. Default: 30 s. */
    @Import(name = "stopTimeoutSeconds")
    private Integer stopTimeoutSeconds;

    /** Lower bound for autoscaling; set with {@link #maxCount()}. Default: no autoscaling. */
    @Import(name = "minCount")
    private Integer minCount;

    /** Upper bound for autoscaling; set with {@link #minCount()}. Default: no autoscaling. */
    @Import(name = "maxCount")
    private Integer maxCount;

    /** Average service CPU the autoscaling policy keeps, in percent. Default: 60. */
    @Import(name = "cpuTargetPercent")
    private Integer cpuTargetPercent;

    private FargateServiceArgs() {
    }

    /** @return the VPC id */
    public Output<String> vpcId() {
        return vpcId;
    }

    /** @return the tasks' subnets */
    public Output<List<String>> subnetIds() {
        return subnetIds;
    }

    /** @return whether tasks get a public IP */
    public boolean assignPublicIp() {
        return assignPublicIp != null && assignPublicIp;
    }

    /** @return the load balancer's security group */
    public Output<String> loadBalancerSecurityGroupId() {
        return loadBalancerSecurityGroupId;
    }

    /** @return the target group ARN */
    public Output<String> targetGroupArn() {
        return targetGroupArn;
    }

    /** @return the image reference */
    public String image() {
        return image;
    }

    /**
     * The task definition family.
     *
     * @param componentName the component's name, the default
     * @return the family
     */
    public String family(String componentName) {
        return family == null ? componentName : family;
    }

    /** @return the container's name */
    public String containerName() {
        return containerName == null ? "app" : containerName;
    }

    /** @return the container port */
    public int containerPort() {
        return containerPort == null ? DEFAULT_CONTAINER_PORT : containerPort;
    }

    /** @return the task CPU units */
    public int cpu() {
        return cpu == null ? 256 : cpu;
    }

    /** @return the task memory in MiB */
    public int memory() {
        return memory == null ? 512 : memory;
    }

    /** @return the desired task count */
    public int desiredCount() {
        return desiredCount == null ? 2 : desiredCount;
    }

    /** @return the execution role ARN */
    public Output<String> executionRoleArn() {
        return executionRoleArn;
    }

    /** @return the task role ARN, if any */
    public Optional<Output<String>> taskRoleArn() {
        return Optional.ofNullable(taskRoleArn);
    }

    /** @return the registry credentials secret ARN, if any */
    public Optional<Output<String>> registryCredentialsArn() {
        return Optional.ofNullable(registryCredentialsArn);
    }

    /** @return the log retention in days */
    public int logRetentionDays() {
        return logRetentionDays == null ? 30 : logRetentionDays;
    }

    /** @return the plain environment */
    public Map<String, String> environment() {
        return environment == null ? Map.of() : environment;
    }

    /** @return the secret environment: name to ARN */
    public Map<String, String> secrets() {
        return secrets == null ? Map.of() : secrets;
    }

    /** @return the redeploy triggers, if any */
    public Optional<Output<Map<String, String>>> redeployTriggers() {
        return Optional.ofNullable(redeployTriggers);
    }

    /** @return the health-check grace period in seconds */
    public int healthCheckGracePeriodSeconds() {
        return healthCheckGracePeriodSeconds == null ? 90 : healthCheckGracePeriodSeconds;
    }

    /** @return the container stop timeout in seconds */
    public int stopTimeoutSeconds() {
        return stopTimeoutSeconds == null ? DEFAULT_STOP_TIMEOUT_SECONDS : stopTimeoutSeconds;
    }

    /** @return the autoscaling minimum, if autoscaling is on */
    public Optional<Integer> minCount() {
        return Optional.ofNullable(minCount);
    }

    /** @return the autoscaling maximum, if autoscaling is on */
    public Optional<Integer> maxCount() {
        return Optional.ofNullable(maxCount);
    }

    /** @return the CPU target of the autoscaling policy */
    public int cpuTargetPercent() {
        return cpuTargetPercent == null ? 60 : cpuTargetPercent;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link FargateServiceArgs}. */
    public static final class Builder {
        private FargateServiceArgs args = new FargateServiceArgs();

        private Builder() {
        }

        private FargateServiceArgs args() {
            if (args == null) {
                throw new IllegalStateException("FargateServiceArgs.Builder: build() was called already; args are immutable, "
                        + "start a new builder");
            }
            return args;
        }

        /**
         * Sets the VPC of the tasks.
         *
         * @param vpcId the VPC
         * @return this builder
         */
        public Builder vpcId(Output<String> vpcId) {
            args().vpcId = vpcId;
            return this;
        }

        /**
         * Sets the subnets the tasks run in.
         *
         * @param subnetIds the tasks' subnets
         * @return this builder
         */
        public Builder subnetIds(Output<List<String>> subnetIds) {
            args().subnetIds = subnetIds;
            return this;
        }

        /**
         * Sets whether tasks get a public IP.
         *
         * @param assignPublicIp whether tasks get a public IP
         * @return this builder
         */
        public Builder assignPublicIp(Boolean assignPublicIp) {
            args().assignPublicIp = assignPublicIp;
            return this;
        }

        /**
         * Sets the load balancer's security group, the only source the tasks admit.
         *
         * @param id the load balancer's security group
         * @return this builder
         */
        public Builder loadBalancerSecurityGroupId(Output<String> id) {
            args().loadBalancerSecurityGroupId = id;
            return this;
        }

        /**
         * Sets the target group the service registers its tasks in.
         *
         * @param arn the target group
         * @return this builder
         */
        public Builder targetGroupArn(Output<String> arn) {
            args().targetGroupArn = arn;
            return this;
        }

        /**
         * Sets the container image to run.
         *
         * @param image the image reference
         * @return this builder
         */
        public Builder image(String image) {
            args().image = image;
            return this;
        }

        /**
         * Sets the task definition family.
         *
         * @param family the family; null for the component's name
         * @return this builder
         */
        public Builder family(String family) {
            args().family = family;
            return this;
        }

        /**
         * Sets the name of the container.
         *
         * @param containerName the container's name
         * @return this builder
         */
        public Builder containerName(String containerName) {
            args().containerName = containerName;
            return this;
        }

        /**
         * Sets the port the container listens on.
         *
         * @param containerPort the container port
         * @return this builder
         */
        public Builder containerPort(Integer containerPort) {
            args().containerPort = containerPort;
            return this;
        }

        /**
         * Sets the task's CPU units.
         *
         * @param cpu task CPU units
         * @return this builder
         */
        public Builder cpu(Integer cpu) {
            args().cpu = cpu;
            return this;
        }

        /**
         * Sets the task's memory.
         *
         * @param memory task memory in MiB
         * @return this builder
         */
        public Builder memory(Integer memory) {
            args().memory = memory;
            return this;
        }

        /**
         * Sets the number of tasks to run.
         *
         * @param desiredCount the number of tasks
         * @return this builder
         */
        public Builder desiredCount(Integer desiredCount) {
            args().desiredCount = desiredCount;
            return this;
        }

        /**
         * Sets the task execution role, which pulls the image, reads the secrets and writes the logs.
         *
         * @param arn the execution role
         * @return this builder
         */
        public Builder executionRoleArn(Output<String> arn) {
            args().executionRoleArn = arn;
            return this;
        }

        /**
         * Sets the task role, the application's own AWS identity.
         *
         * @param arn the task role
         * @return this builder
         */
        public Builder taskRoleArn(Output<String> arn) {
            args().taskRoleArn = arn;
            return this;
        }

        /**
         * Sets the Secrets Manager secret with the private registry's credentials.
         *
         * @param arn the registry credentials secret
         * @return this builder
         */
        public Builder registryCredentialsArn(Output<String> arn) {
            args().registryCredentialsArn = arn;
            return this;
        }

        /**
         * Sets how long the container logs are kept.
         *
         * @param days the log retention
         * @return this builder
         */
        public Builder logRetentionDays(Integer days) {
            args().logRetentionDays = days;
            return this;
        }

        /**
         * Sets the container's plain environment variables.
         *
         * @param environment plain environment variables
         * @return this builder
         */
        public Builder environment(Map<String, String> environment) {
            args().environment = Map.copyOf(environment);
            return this;
        }

        /**
         * Sets the container's secret environment variables.
         *
         * @param secrets secret environment variables: name to ARN
         * @return this builder
         */
        public Builder secrets(Map<String, String> secrets) {
            args().secrets = Map.copyOf(secrets);
            return this;
        }

        /**
         * Sets the values whose change forces a new deployment.
         *
         * @param triggers values whose change forces a new deployment
         * @return this builder
         */
        public Builder redeployTriggers(Output<Map<String, String>> triggers) {
            args().redeployTriggers = triggers;
            return this;
        }

        /**
         * Sets how long ECS ignores failing load-balancer health checks of a new task.
         *
         * @param seconds the health-check grace period
         * @return this builder
         */
        public Builder healthCheckGracePeriodSeconds(Integer seconds) {
            args().healthCheckGracePeriodSeconds = seconds;
            return this;
        }

        /**
         * Sets the time between SIGTERM and SIGKILL for the container.
         *
         * @param seconds the container stop timeout
         * @return this builder
         */
        public Builder stopTimeoutSeconds(Integer seconds) {
            args().stopTimeoutSeconds = seconds;
            return this;
        }

        /**
         * Turns on autoscaling between two task counts.
         *
         * @param minCount         the fewest tasks
         * @param maxCount         the most tasks
         * @param cpuTargetPercent the average CPU to keep, or null for the default
         * @return this builder
         */
        public Builder autoScaling(Integer minCount, Integer maxCount, Integer cpuTargetPercent) {
            args().minCount = minCount;
            args().maxCount = maxCount;
            args().cpuTargetPercent = cpuTargetPercent;
            return this;
        }

        /**
         * @return the immutable args
         * @throws NullPointerException naming a missing required field
         */
        public FargateServiceArgs build() {
            Objects.requireNonNull(args().vpcId, "FargateServiceArgs.vpcId is required");
            Objects.requireNonNull(args().subnetIds, "FargateServiceArgs.subnetIds is required");
            Objects.requireNonNull(args().loadBalancerSecurityGroupId,
                    "FargateServiceArgs.loadBalancerSecurityGroupId is required");
            Objects.requireNonNull(args().targetGroupArn, "FargateServiceArgs.targetGroupArn is required");
            Objects.requireNonNull(args().image, "FargateServiceArgs.image is required");
            Objects.requireNonNull(args().executionRoleArn, "FargateServiceArgs.executionRoleArn is required");
            FargateServiceArgs built = args();
            args = null;
            return built;
        }
    }
}
