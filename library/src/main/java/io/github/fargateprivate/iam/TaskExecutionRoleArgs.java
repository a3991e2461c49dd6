package io.github.fargateprivate.iam;

import com.pulumi.core.Output;
import com.pulumi.resources.ResourceArgs;
import io.github.fargateprivate.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Inputs of {@link TaskExecutionRole}. Immutable; build with {@link #builder()}. */
public final class TaskExecutionRoleArgs extends ResourceArgs {

    /**
     * Registry credentials secrets the role may read with {@code secretsmanager:GetSecretValue}: each a complete
     * secret ARN, or the name of a secret in the stack's region (the policy then names the ARN pattern ending in
     * {@code -??????}, Secrets Manager's random suffix). Default: none.
     */
    private final List<Value<String>> registryCredentialsSecretArns = new ArrayList<>();

    /**
     * The containers' secrets, as their {@code valueFrom} reads: Secrets Manager secret ARNs (a
     * {@code :json-key:stage:version} suffix is dropped, IAM names the secret) get {@code GetSecretValue}, SSM
     * parameter ARNs {@code ssm:GetParameters}. Default: none.
     */
    private final List<Value<String>> appSecrets = new ArrayList<>();

    /**
     * Customer managed KMS keys of the registry credentials secrets: {@code kms:Decrypt}, only through Secrets Manager
     * in the key's region (condition {@code kms:ViaService}). Default: none, and then no {@code kms:*} at all.
     */
    private final List<Value<String>> registryCredentialsKmsKeyArns = new ArrayList<>();

    /**
     * Customer managed KMS keys of the app secrets and SecureString parameters: {@code kms:Decrypt}, only through
     * Secrets Manager or SSM Parameter Store in the key's region. Default: none.
     */
    private final List<Value<String>> appSecretsKmsKeyArns = new ArrayList<>();

    /**
     * The images the role pulls. Each on ECR gets {@code ecr:BatchCheckLayerAvailability},
     * {@code ecr:GetDownloadUrlForLayer} and {@code ecr:BatchGetImage} on exactly its repository, and the role gets
     * {@code ecr:GetAuthorizationToken}, which IAM grants only on {@code *}; images elsewhere get no ECR action.
     * Default: none.
     */
    private final List<Value<String>> images = new ArrayList<>();

    /**
     * Log groups the containers write to with {@code awslogs}: {@code logs:CreateLogStream} and
     * {@code logs:PutLogEvents} on exactly their streams ({@code <log group ARN>:log-stream:*}). Default: none
     * ({@code ecs.FargateService} grants its own log group).
     */
    private final List<Value<String>> logGroupArns = new ArrayList<>();

    /**
     * ECR pull-through cache prefixes the role pulls through, as their repositories' ARN pattern
     * ({@code arn:aws:ecr:REGION:ACCOUNT:repository/PREFIX/*}): the ECR pull actions plus
     * {@code ecr:BatchImportUpstreamImage} and {@code ecr:CreateRepository} (the first pull of an image creates its
     * repository), on exactly those repositories. Default: none.
     */
    private final List<String> cacheRepositories = new ArrayList<>();

    /**
     * Whether the role also carries the AWS managed {@code AmazonECSTaskExecutionRolePolicy}, which allows ECR pulls
     * and log writes on {@code *}: AWS maintains it, at the price of more than the task needs. Default: false; the
     * role holds only the statements the task needs, on exact ARNs.
     */
    private boolean managedPolicy;

    /** Tags of the role. Default: none. */
    private Map<String, String> tags = Map.of();

    private TaskExecutionRoleArgs() {
    }

    /** @return the images the role pulls */
    public List<Value<String>> images() {
        return List.copyOf(images);
    }

    /** @return the pull-through cache repositories the role pulls through */
    public List<String> cacheRepositories() {
        return List.copyOf(cacheRepositories);
    }

    /** @return the log groups the role writes to */
    public List<Value<String>> logGroupArns() {
        return List.copyOf(logGroupArns);
    }

    /** @return whether the AWS managed policy is attached too */
    public boolean managedPolicy() {
        return managedPolicy;
    }

    /** @return the registry credentials secrets */
    public List<Value<String>> registryCredentialsSecretArns() {
        return List.copyOf(registryCredentialsSecretArns);
    }

    /** @return the app secrets' {@code valueFrom} references */
    public List<Value<String>> appSecrets() {
        return List.copyOf(appSecrets);
    }

    /** @return the registry credentials secrets' keys */
    public List<Value<String>> registryCredentialsKmsKeyArns() {
        return List.copyOf(registryCredentialsKmsKeyArns);
    }

    /** @return the app secrets' keys */
    public List<Value<String>> appSecretsKmsKeyArns() {
        return List.copyOf(appSecretsKmsKeyArns);
    }

    /** @return the role's tags */
    public Map<String, String> tags() {
        return tags;
    }

    /** @return a builder holding these args, to change some of them */
    public Builder toBuilder() {
        var b = new Builder();
        var a = b.args;
        a.registryCredentialsSecretArns.addAll(registryCredentialsSecretArns);
        a.appSecrets.addAll(appSecrets);
        a.registryCredentialsKmsKeyArns.addAll(registryCredentialsKmsKeyArns);
        a.appSecretsKmsKeyArns.addAll(appSecretsKmsKeyArns);
        a.images.addAll(images);
        a.logGroupArns.addAll(logGroupArns);
        a.cacheRepositories.addAll(cacheRepositories);
        a.managedPolicy = managedPolicy;
        a.tags = tags;
        return b;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link TaskExecutionRoleArgs}. */
    public static final class Builder {
        private TaskExecutionRoleArgs args = new TaskExecutionRoleArgs();

        private Builder() {
        }

        private TaskExecutionRoleArgs args() {
            if (args == null) {
                throw new IllegalStateException("TaskExecutionRoleArgs.Builder: build() was called already; args are "
                        + "immutable, start a new builder");
            }
            return args;
        }

        /**
         * @param secret a registry credentials secret: complete ARN, or name in the stack's region
         * @return this builder
         */
        public Builder registryCredentialsSecretArn(String secret) {
            args().registryCredentialsSecretArns.add(Value.of(secret));
            return this;
        }

        /**
         * @param secretArn a registry credentials secret, e.g. {@code RegistryCredentialsSecret#arn()}
         * @return this builder
         */
        public Builder registryCredentialsSecretArn(Output<String> secretArn) {
            args().registryCredentialsSecretArns.add(Value.of(secretArn));
            return this;
        }

        /**
         * @param valueFrom an app secret's {@code valueFrom}: secret ARN (JSON-key suffix allowed) or parameter ARN
         * @return this builder
         */
        public Builder appSecret(String valueFrom) {
            args().appSecrets.add(Value.of(valueFrom));
            return this;
        }

        /**
         * @param valueFrom an app secret's {@code valueFrom}, e.g. {@code aws.ssm.Parameter#arn()}
         * @return this builder
         */
        public Builder appSecret(Output<String> valueFrom) {
            args().appSecrets.add(Value.of(valueFrom));
            return this;
        }

        /**
         * @param valueFrom an app secret's {@code valueFrom}
         * @return this builder
         */
        public Builder appSecret(Value<String> valueFrom) {
            args().appSecrets.add(valueFrom);
            return this;
        }

        /**
         * @param keyArn a registry credentials secret's KMS key ARN
         * @return this builder
         */
        public Builder registryCredentialsKmsKeyArn(String keyArn) {
            args().registryCredentialsKmsKeyArns.add(Value.of(keyArn));
            return this;
        }

        /**
         * @param keyArn a registry credentials secret's KMS key ARN, e.g. {@code aws.kms.Key#arn()}
         * @return this builder
         */
        public Builder registryCredentialsKmsKeyArn(Output<String> keyArn) {
            args().registryCredentialsKmsKeyArns.add(Value.of(keyArn));
            return this;
        }

        /**
         * @param keyArn an app secret's KMS key ARN
         * @return this builder
         */
        public Builder appSecretsKmsKeyArn(String keyArn) {
            args().appSecretsKmsKeyArns.add(Value.of(keyArn));
            return this;
        }

        /**
         * @param keyArn an app secret's KMS key ARN, e.g. {@code aws.kms.Key#arn()}
         * @return this builder
         */
        public Builder appSecretsKmsKeyArn(Output<String> keyArn) {
            args().appSecretsKmsKeyArns.add(Value.of(keyArn));
            return this;
        }

        /**
         * @param keyArn an app secret's KMS key ARN
         * @return this builder
         */
        public Builder appSecretsKmsKeyArn(Value<String> keyArn) {
            args().appSecretsKmsKeyArns.add(keyArn);
            return this;
        }

        /**
         * @param tags tags of the role
         * @return this builder
         */
        public Builder tags(Map<String, String> tags) {
            args().tags = Map.copyOf(tags);
            return this;
        }

        /**
         * @param image an image the role pulls
         * @return this builder
         */
        public Builder image(String image) {
            args().images.add(Value.of(image));
            return this;
        }

        /**
         * @param image an image the role pulls, e.g. an ECR repository's URL and a tag
         * @return this builder
         */
        public Builder image(Output<String> image) {
            args().images.add(Value.of(image));
            return this;
        }

        /**
         * @param image an image the role pulls
         * @return this builder
         */
        public Builder image(Value<String> image) {
            args().images.add(image);
            return this;
        }

        /**
         * @param logGroupArn a log group the containers write to
         * @return this builder
         */
        public Builder logGroupArn(String logGroupArn) {
            args().logGroupArns.add(Value.of(logGroupArn));
            return this;
        }

        /**
         * @param logGroupArn a log group the containers write to, e.g. {@code aws.cloudwatch.LogGroup#arn()}
         * @return this builder
         */
        public Builder logGroupArn(Output<String> logGroupArn) {
            args().logGroupArns.add(Value.of(logGroupArn));
            return this;
        }

        /**
         * @param repositoryArnPattern a pull-through cache's repositories, {@code ...:repository/PREFIX/*}
         * @return this builder
         */
        public Builder cacheRepositories(String repositoryArnPattern) {
            args().cacheRepositories.add(repositoryArnPattern);
            return this;
        }

        /**
         * @param on whether the AWS managed {@code AmazonECSTaskExecutionRolePolicy} is attached too
         * @return this builder
         */
        public Builder managedPolicy(boolean on) {
            args().managedPolicy = on;
            return this;
        }

        /** @return the immutable args */
        public TaskExecutionRoleArgs build() {
            TaskExecutionRoleArgs built = args();
            args = null;
            return built;
        }
    }
}
