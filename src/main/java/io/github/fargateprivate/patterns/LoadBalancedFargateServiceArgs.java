package io.github.fargateprivate.patterns;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import io.github.fargateprivate.ecs.FargateServiceArgs;
import io.github.fargateprivate.elasticloadbalancingv2.ApplicationLoadBalancerArgs;
import io.github.fargateprivate.iam.TaskExecutionRoleArgs;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Inputs of {@link LoadBalancedFargateService}. Immutable; build with {@link #builder()}.
 *
 * <p>Values left unset take the default of the part they configure, documented once there: see
 * {@link ApplicationLoadBalancerArgs} and {@link FargateServiceArgs}.
 */
public final class LoadBalancedFargateServiceArgs extends ResourceArgs {

    /** The container image reference. Required. */
    @Import(name = "image", required = true)
    private String image;

    /** Registry user name; with {@link #registryPassword} a credentials secret is created. Default: none. */
    @Import(name = "registryUsername")
    private Output<String> registryUsername;

    /** Registry password or token; kept a Pulumi secret. Default: none. */
    @Import(name = "registryPassword")
    private Output<String> registryPassword;

    /**
     * An existing credentials secret, as ECS's {@code credentialsParameter} takes it: a complete ARN, or a name in
     * the stack's region. Exclusive with user name and password. Default: none.
     */
    @Import(name = "existingCredentialsSecret")
    private Output<String> existingCredentialsSecret;

    /**
     * What the execution role's {@code GetSecretValue} statement names for the existing secret: its complete ARN,
     * or for a name the ARN pattern ending in {@code -??????}. Default: {@link #existingCredentialsSecret}.
     */
    @Import(name = "existingCredentialsSecretPolicyResource")
    private Output<String> existingCredentialsSecretPolicyResource;

    /** The task role, the application's own AWS identity. Default: none. */
    @Import(name = "taskRoleArn")
    private Output<String> taskRoleArn;

    /** See {@link ApplicationLoadBalancerArgs#internal()}; null for the default. */
    @Import(name = "internalLoadBalancer")
    private Boolean internalLoadBalancer;

    /** See {@link ApplicationLoadBalancerArgs#ingressCidrBlocks()}; null for the default. */
    @Import(name = "ingressCidrBlocks")
    private List<String> ingressCidrBlocks;

    /** See {@link FargateServiceArgs#family(String)}; null for the default. */
    @Import(name = "taskFamily")
    private String taskFamily;

    /** See {@link FargateServiceArgs#containerName()}; null for the default. */
    @Import(name = "containerName")
    private String containerName;

    /** Customer managed KMS key of the credentials secret (created or existing). Default: none. */
    @Import(name = "kmsKeyArn")
    private String kmsKeyArn;

    /** The VPC. Required. */
    @Import(name = "vpcId", required = true)
    private Output<String> vpcId;

    /** Subnets of the load balancer (public). Required. */
    @Import(name = "loadBalancerSubnetIds", required = true)
    private Output<List<String>> loadBalancerSubnetIds;

    /** Subnets of the tasks. Required. */
    @Import(name = "taskSubnetIds", required = true)
    private Output<List<String>> taskSubnetIds;

    @Import(name = "assignPublicIp")
    private Boolean assignPublicIp;
    @Import(name = "containerPort")
    private Integer containerPort;
    @Import(name = "listenerPort")
    private Integer listenerPort;
    @Import(name = "healthCheckPath")
    private String healthCheckPath;
    @Import(name = "desiredCount")
    private Integer desiredCount;
    @Import(name = "cpu")
    private Integer cpu;
    @Import(name = "memory")
    private Integer memory;
    @Import(name = "certificateArn")
    private String certificateArn;
    @Import(name = "deletionProtection")
    private Boolean deletionProtection;
    @Import(name = "accessLogsBucket")
    private String accessLogsBucket;
    @Import(name = "deregistrationDelaySeconds")
    private Integer deregistrationDelaySeconds;
    @Import(name = "healthCheckGracePeriodSeconds")
    private Integer healthCheckGracePeriodSeconds;
    @Import(name = "stopTimeoutSeconds")
    private Integer stopTimeoutSeconds;
    @Import(name = "logRetentionDays")
    private Integer logRetentionDays;
    @Import(name = "minCount")
    private Integer minCount;
    @Import(name = "maxCount")
    private Integer maxCount;
    @Import(name = "cpuTargetPercent")
    private Integer cpuTargetPercent;

    /** Secret environment variables: name to secret or parameter ARN. Default: none. */
    @Import(name = "appSecrets")
    private Map<String, String> appSecrets;

    /** See {@link TaskExecutionRoleArgs#appSecretsKmsKeyArns()}; default: none. */
    @Import(name = "appSecretsKmsKeyArns")
    private List<String> appSecretsKmsKeyArns;

    /** Plain environment variables. Default: none. */
    @Import(name = "environment")
    private Map<String, String> environment;

    /**
     * Whether a new version of an app secret (in the stack's region) triggers a new deployment on the next
     * {@code pulumi up}. Default: true, because ECS reads secrets only when a task starts.
     */
    @Import(name = "redeployOnSecretRotation")
    private Boolean redeployOnSecretRotation;

    /** The AWS partition. Default: {@code aws}. */
    @Import(name = "partition")
    private String partition;

    private LoadBalancedFargateServiceArgs() {
    }

    /** @return the image */
    public String image() {
        return image;
    }

    /** @return the registry user name, if credentials are to be created */
    public Optional<Output<String>> registryUsername() {
        return Optional.ofNullable(registryUsername);
    }

    /** @return the registry password, if credentials are to be created */
    public Optional<Output<String>> registryPassword() {
        return Optional.ofNullable(registryPassword);
    }

    /** @return the existing credentials secret, if one is used */
    public Optional<Output<String>> existingCredentialsSecret() {
        return Optional.ofNullable(existingCredentialsSecret);
    }

    /** @return the IAM resource for the existing credentials secret */
    public Optional<Output<String>> existingCredentialsSecretPolicyResource() {
        return Optional.ofNullable(existingCredentialsSecretPolicyResource).or(this::existingCredentialsSecret);
    }

    /** @return the task role, if any */
    public Optional<Output<String>> taskRoleArn() {
        return Optional.ofNullable(taskRoleArn);
    }

    /** @return see {@link ApplicationLoadBalancerArgs#internal()}; null for the default */
    public Boolean internalLoadBalancer() {
        return internalLoadBalancer;
    }

    /** @return see {@link ApplicationLoadBalancerArgs#ingressCidrBlocks()}; null for the default */
    public List<String> ingressCidrBlocks() {
        return ingressCidrBlocks;
    }

    /** @return see {@link FargateServiceArgs#family(String)}; null for the default */
    public String taskFamily() {
        return taskFamily;
    }

    /** @return see {@link FargateServiceArgs#containerName()}; null for the default */
    public String containerName() {
        return containerName;
    }

    /** @return the KMS key, if any */
    public Optional<String> kmsKeyArn() {
        return Optional.ofNullable(kmsKeyArn);
    }

    /** @return the VPC id */
    public Output<String> vpcId() {
        return vpcId;
    }

    /** @return the load balancer's subnets */
    public Output<List<String>> loadBalancerSubnetIds() {
        return loadBalancerSubnetIds;
    }

    /** @return the tasks' subnets */
    public Output<List<String>> taskSubnetIds() {
        return taskSubnetIds;
    }

    /** @return see {@link FargateServiceArgs#assignPublicIp()}; null for the default */
    public Boolean assignPublicIp() {
        return assignPublicIp;
    }

    /** @return see {@link FargateServiceArgs#containerPort()}; null for the default */
    public Integer containerPort() {
        return containerPort;
    }

    /** @return see {@link ApplicationLoadBalancerArgs#listenerPort()}; null for the default */
    public Integer listenerPort() {
        return listenerPort;
    }

    /** @return see {@link ApplicationLoadBalancerArgs#healthCheckPath()}; null for the default */
    public String healthCheckPath() {
        return healthCheckPath;
    }

    /** @return see {@link FargateServiceArgs#desiredCount()}; null for the default */
    public Integer desiredCount() {
        return desiredCount;
    }

    /** @return see {@link FargateServiceArgs#cpu()}; null for the default */
    public Integer cpu() {
        return cpu;
    }

    /** @return see {@link FargateServiceArgs#memory()}; null for the default */
    public Integer memory() {
        return memory;
    }

    /** @return see {@link ApplicationLoadBalancerArgs#certificateArn()}; null for none */
    public String certificateArn() {
        return certificateArn;
    }

    /** @return see {@link ApplicationLoadBalancerArgs#deletionProtection()}; null for the default */
    public Boolean deletionProtection() {
        return deletionProtection;
    }

    /** @return see {@link ApplicationLoadBalancerArgs#accessLogsBucket()}; null for none */
    public String accessLogsBucket() {
        return accessLogsBucket;
    }

    /** @return see {@link ApplicationLoadBalancerArgs#deregistrationDelaySeconds()}; null for the default */
    public Integer deregistrationDelaySeconds() {
        return deregistrationDelaySeconds;
    }

    /** @return see {@link FargateServiceArgs#healthCheckGracePeriodSeconds()}; null for the default */
    public Integer healthCheckGracePeriodSeconds() {
        return healthCheckGracePeriodSeconds;
    }

    /** @return see {@link FargateServiceArgs#stopTimeoutSeconds()}; null for the default */
    public Integer stopTimeoutSeconds() {
        return stopTimeoutSeconds;
    }

    /** @return see {@link FargateServiceArgs#logRetentionDays()}; null for the default */
    public Integer logRetentionDays() {
        return logRetentionDays;
    }

    /** @return see {@link FargateServiceArgs#minCount()}; null for no autoscaling */
    public Integer minCount() {
        return minCount;
    }

    /** @return see {@link FargateServiceArgs#maxCount()}; null for no autoscaling */
    public Integer maxCount() {
        return maxCount;
    }

    /** @return see {@link FargateServiceArgs#cpuTargetPercent()}; null for the default */
    public Integer cpuTargetPercent() {
        return cpuTargetPercent;
    }

    /** @return the secret environment variables */
    public Map<String, String> appSecrets() {
        return appSecrets == null ? Map.of() : appSecrets;
    }

    /** @return see {@link TaskExecutionRoleArgs#appSecretsKmsKeyArns()} */
    public List<String> appSecretsKmsKeyArns() {
        return appSecretsKmsKeyArns == null ? List.of() : appSecretsKmsKeyArns;
    }

    /** @return the plain environment variables */
    public Map<String, String> environment() {
        return environment == null ? Map.of() : environment;
    }

    /** @return whether secret rotation triggers a new deployment */
    public boolean redeployOnSecretRotation() {
        return redeployOnSecretRotation == null || redeployOnSecretRotation;
    }

    /** @return the AWS partition */
    public String partition() {
        return partition == null ? "aws" : partition;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link LoadBalancedFargateServiceArgs}. */
    public static final class Builder {
        private LoadBalancedFargateServiceArgs args = new LoadBalancedFargateServiceArgs();

        private Builder() {
        }

        private LoadBalancedFargateServiceArgs args() {
            if (args == null) {
                throw new IllegalStateException("LoadBalancedFargateServiceArgs.Builder: build() was called already; args are immutable, "
                        + "start a new builder");
            }
            return args;
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
         * Creates a credentials secret from a user name and password.
         *
         * @param username the registry user name
         * @param password the password or token (made secret)
         * @return this builder
         */
        public Builder registryCredentials(Output<String> username, Output<String> password) {
            args().registryUsername = username;
            args().registryPassword = password;
            return this;
        }

        /**
         * Uses an existing credentials secret.
         *
         * @param credentialsParameter complete ARN, or name in the stack's region
         * @param policyResource       the ARN (or {@code -??????} ARN pattern) the execution role may read
         * @return this builder
         */
        public Builder existingCredentialsSecret(Output<String> credentialsParameter, Output<String> policyResource) {
            args().existingCredentialsSecret = credentialsParameter;
            args().existingCredentialsSecretPolicyResource = policyResource;
            return this;
        }

        /**
         * Uses an existing credentials secret known by its complete ARN, which is also what the role may read.
         *
         * @param secretArn the secret's complete ARN
         * @return this builder
         */
        public Builder existingCredentialsSecret(String secretArn) {
            return existingCredentialsSecret(Output.of(secretArn), Output.of(secretArn));
        }

        /**
         * Sets the task role, the application's own AWS identity.
         *
         * @param taskRoleArn the task role's ARN
         * @return this builder
         */
        public Builder taskRoleArn(Output<String> taskRoleArn) {
            args().taskRoleArn = taskRoleArn;
            return this;
        }

        /**
         * Sets the customer managed KMS keys of the app secrets.
         *
         * @param kmsKeyArns see {@link TaskExecutionRoleArgs#appSecretsKmsKeyArns()}
         * @return this builder
         */
        public Builder appSecretsKmsKeyArns(List<String> kmsKeyArns) {
            args().appSecretsKmsKeyArns = List.copyOf(kmsKeyArns);
            return this;
        }

        /**
         * Sets who may reach the load balancer.
         *
         * @param internal   see {@link ApplicationLoadBalancerArgs#internal()}
         * @param cidrBlocks see {@link ApplicationLoadBalancerArgs#ingressCidrBlocks()}
         * @return this builder
         */
        public Builder loadBalancerAccess(Boolean internal, List<String> cidrBlocks) {
            args().internalLoadBalancer = internal;
            args().ingressCidrBlocks = cidrBlocks == null ? null : List.copyOf(cidrBlocks);
            return this;
        }

        /**
         * Sets the task definition family.
         *
         * @param taskFamily see {@link FargateServiceArgs#family(String)}
         * @return this builder
         */
        public Builder taskFamily(String taskFamily) {
            args().taskFamily = taskFamily;
            return this;
        }

        /**
         * Sets the container's name.
         *
         * @param containerName see {@link FargateServiceArgs#containerName()}
         * @return this builder
         */
        public Builder containerName(String containerName) {
            args().containerName = containerName;
            return this;
        }

        /**
         * Sets the customer managed KMS key that encrypts the credentials secret.
         *
         * @param kmsKeyArn the credentials secret's KMS key
         * @return this builder
         */
        public Builder kmsKeyArn(String kmsKeyArn) {
            args().kmsKeyArn = kmsKeyArn;
            return this;
        }

        /**
         * Places the service.
         *
         * @param vpcId                 the VPC
         * @param loadBalancerSubnetIds public subnets for the load balancer
         * @param taskSubnetIds         subnets for the tasks
         * @param assignPublicIp        whether tasks get a public IP
         * @return this builder
         */
        public Builder network(Output<String> vpcId, Output<List<String>> loadBalancerSubnetIds,
                               Output<List<String>> taskSubnetIds, Boolean assignPublicIp) {
            args().vpcId = vpcId;
            args().loadBalancerSubnetIds = loadBalancerSubnetIds;
            args().taskSubnetIds = taskSubnetIds;
            args().assignPublicIp = assignPublicIp;
            return this;
        }

        /**
         * Sets the port the container listens on.
         *
         * @param port see {@link FargateServiceArgs#containerPort()}
         * @return this builder
         */
        public Builder containerPort(Integer port) {
            args().containerPort = port;
            return this;
        }

        /**
         * Sets the port of the load balancer's HTTP listener.
         *
         * @param port see {@link ApplicationLoadBalancerArgs#listenerPort()}
         * @return this builder
         */
        public Builder listenerPort(Integer port) {
            args().listenerPort = port;
            return this;
        }

        /**
         * Sets the path the load balancer health-checks.
         *
         * @param path see {@link ApplicationLoadBalancerArgs#healthCheckPath()}
         * @return this builder
         */
        public Builder healthCheckPath(String path) {
            args().healthCheckPath = path;
            return this;
        }

        /**
         * Sets the number of tasks to run.
         *
         * @param count see {@link FargateServiceArgs#desiredCount()}
         * @return this builder
         */
        public Builder desiredCount(Integer count) {
            args().desiredCount = count;
            return this;
        }

        /**
         * @param cpu    see {@link FargateServiceArgs#cpu()}
         * @param memory see {@link FargateServiceArgs#memory()}
         * @return this builder
         */
        public Builder size(Integer cpu, Integer memory) {
            args().cpu = cpu;
            args().memory = memory;
            return this;
        }

        /**
         * Sets the ACM certificate that turns on the HTTPS listener.
         *
         * @param arn see {@link ApplicationLoadBalancerArgs#certificateArn()}
         * @return this builder
         */
        public Builder certificateArn(String arn) {
            args().certificateArn = arn;
            return this;
        }

        /**
         * Turns the load balancer's deletion protection on or off.
         *
         * @param on see {@link ApplicationLoadBalancerArgs#deletionProtection()}
         * @return this builder
         */
        public Builder deletionProtection(Boolean on) {
            args().deletionProtection = on;
            return this;
        }

        /**
         * Sets the S3 bucket for the load balancer's access logs.
         *
         * @param bucket see {@link ApplicationLoadBalancerArgs#accessLogsBucket()}
         * @return this builder
         */
        public Builder accessLogsBucket(String bucket) {
            args().accessLogsBucket = bucket;
            return this;
        }

        /**
         * Rollout timing.
         *
         * @param deregistrationDelaySeconds    see {@link ApplicationLoadBalancerArgs#deregistrationDelaySeconds()}
         * @param healthCheckGracePeriodSeconds see {@link FargateServiceArgs#healthCheckGracePeriodSeconds()}
         * @param stopTimeoutSeconds            see {@link FargateServiceArgs#stopTimeoutSeconds()}
         * @return this builder
         */
        public Builder timing(Integer deregistrationDelaySeconds, Integer healthCheckGracePeriodSeconds,
                              Integer stopTimeoutSeconds) {
            args().deregistrationDelaySeconds = deregistrationDelaySeconds;
            args().healthCheckGracePeriodSeconds = healthCheckGracePeriodSeconds;
            args().stopTimeoutSeconds = stopTimeoutSeconds;
            return this;
        }

        /**
         * Sets how long the container logs are kept.
         *
         * @param days see {@link FargateServiceArgs#logRetentionDays()}
         * @return this builder
         */
        public Builder logRetentionDays(Integer days) {
            args().logRetentionDays = days;
            return this;
        }

        /**
         * @param minCount         see {@link FargateServiceArgs#minCount()}
         * @param maxCount         see {@link FargateServiceArgs#maxCount()}
         * @param cpuTargetPercent see {@link FargateServiceArgs#cpuTargetPercent()}
         * @return this builder
         */
        public Builder autoScaling(Integer minCount, Integer maxCount, Integer cpuTargetPercent) {
            args().minCount = minCount;
            args().maxCount = maxCount;
            args().cpuTargetPercent = cpuTargetPercent;
            return this;
        }

        /**
         * Sets the container's secret environment variables.
         *
         * @param appSecrets name to secret or parameter ARN
         * @return this builder
         */
        public Builder appSecrets(Map<String, String> appSecrets) {
            args().appSecrets = Map.copyOf(appSecrets);
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
         * Sets whether a rotated app secret starts a new deployment on the next {@code pulumi up}.
         *
         * @param on whether secret rotation triggers a new deployment
         * @return this builder
         */
        public Builder redeployOnSecretRotation(Boolean on) {
            args().redeployOnSecretRotation = on;
            return this;
        }

        /**
         * Sets the AWS partition the stack deploys into.
         *
         * @param partition the AWS partition
         * @return this builder
         */
        public Builder partition(String partition) {
            args().partition = partition;
            return this;
        }

        /**
         * @return the immutable args
         * @throws NullPointerException     naming a missing required field
         * @throws IllegalArgumentException when credentials are given twice or incompletely
         */
        public LoadBalancedFargateServiceArgs build() {
            Objects.requireNonNull(args().image, "LoadBalancedFargateServiceArgs.image is required");
            Objects.requireNonNull(args().vpcId, "LoadBalancedFargateServiceArgs.network(...) is required");
            if ((args().registryUsername == null) != (args().registryPassword == null)) {
                throw new IllegalArgumentException(
                        "LoadBalancedFargateServiceArgs.registryCredentials: give both user name and password");
            }
            if (args().registryUsername != null && args().existingCredentialsSecret != null) {
                throw new IllegalArgumentException("LoadBalancedFargateServiceArgs: give registryCredentials or "
                        + "existingCredentialsSecret, not both");
            }
            LoadBalancedFargateServiceArgs built = args();
            args = null;
            return built;
        }
    }
}
