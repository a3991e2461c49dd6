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

    /** Tags of the role. Default: none. */
    private Map<String, String> tags = Map.of();

    private TaskExecutionRoleArgs() {
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

        /** @return the immutable args */
        public TaskExecutionRoleArgs build() {
            TaskExecutionRoleArgs built = args();
            args = null;
            return built;
        }
    }
}
