package io.github.fargateprivate.iam;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Inputs of {@link TaskExecutionRole}. Immutable; build with {@link #builder()}. */
public final class TaskExecutionRoleArgs extends ResourceArgs {

    /**
     * Secrets Manager secrets the role may read with {@code secretsmanager:GetSecretValue}: the registry credentials
     * and the container's secrets. Each is an exact secret ARN (or, for a secret known only by name, its ARN pattern
     * ending in {@code -??????}). Default: none, and then no Secrets Manager permission at all.
     */
    @Import(name = "secretArns")
    private List<Output<String>> secretArns = new ArrayList<>();

    /**
     * SSM Parameter Store parameters the role may read with {@code ssm:GetParameters}. Default: none.
     */
    @Import(name = "parameterArns")
    private List<Output<String>> parameterArns = new ArrayList<>();

    /**
     * Customer managed KMS keys the role may use with {@code kms:Decrypt}, only through Secrets Manager in the key's
     * region (condition {@code kms:ViaService}). Default: none, and then no {@code kms:*} permission at all.
     */
    @Import(name = "kmsKeyArns")
    private List<String> kmsKeyArns = new ArrayList<>();

    /**
     * Customer managed KMS keys of the container's secrets, usable with {@code kms:Decrypt} only through Secrets
     * Manager or SSM Parameter Store in the key's region (SecureString parameters). Default: none.
     */
    @Import(name = "appSecretsKmsKeyArns")
    private List<String> appSecretsKmsKeyArns = new ArrayList<>();

    /** The AWS partition of the managed policy ARN. Default: {@code aws}. */
    @Import(name = "partition")
    private String partition = "aws";

    private TaskExecutionRoleArgs() {
    }

    /** @return the secrets readable with GetSecretValue */
    public List<Output<String>> secretArns() {
        return Collections.unmodifiableList(secretArns);
    }

    /** @return the parameters readable with GetParameters */
    public List<Output<String>> parameterArns() {
        return Collections.unmodifiableList(parameterArns);
    }

    /** @return the KMS keys usable for Decrypt via Secrets Manager */
    public List<String> kmsKeyArns() {
        return Collections.unmodifiableList(kmsKeyArns);
    }

    /** @return the KMS keys usable for Decrypt via Secrets Manager or SSM */
    public List<String> appSecretsKmsKeyArns() {
        return Collections.unmodifiableList(appSecretsKmsKeyArns);
    }

    /** @return the AWS partition */
    public String partition() {
        return partition;
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
                throw new IllegalStateException("TaskExecutionRoleArgs.Builder: build() was called already; args are immutable, "
                        + "start a new builder");
            }
            return args;
        }

        /**
         * Lets the role read one more Secrets Manager secret.
         *
         * @param secretArn a secret ARN the role may read
         * @return this builder
         */
        public Builder secretArn(Output<String> secretArn) {
            args().secretArns.add(secretArn);
            return this;
        }

        /**
         * Lets the role read more Secrets Manager secrets.
         *
         * @param secretArns secret ARNs the role may read
         * @return this builder
         */
        public Builder secretArns(List<String> secretArns) {
            secretArns.forEach(a -> args().secretArns.add(Output.of(a)));
            return this;
        }

        /**
         * Lets the role read more SSM parameters.
         *
         * @param parameterArns SSM parameter ARNs the role may read
         * @return this builder
         */
        public Builder parameterArns(List<String> parameterArns) {
            parameterArns.forEach(a -> args().parameterArns.add(Output.of(a)));
            return this;
        }

        /**
         * Lets the role decrypt with one more KMS key, through Secrets Manager only.
         *
         * @param kmsKeyArn a KMS key ARN the role may decrypt with
         * @return this builder
         */
        public Builder kmsKeyArn(String kmsKeyArn) {
            args().kmsKeyArns.add(kmsKeyArn);
            return this;
        }

        /**
         * Lets the role decrypt the container's secrets with more KMS keys, through Secrets Manager or SSM only.
         *
         * @param kmsKeyArns KMS key ARNs of the app secrets and SecureString parameters
         * @return this builder
         */
        public Builder appSecretsKmsKeyArns(List<String> kmsKeyArns) {
            args().appSecretsKmsKeyArns.addAll(kmsKeyArns);
            return this;
        }

        /**
         * Sets the AWS partition of the managed policy ARN.
         *
         * @param partition the AWS partition, e.g. aws-cn
         * @return this builder
         */
        public Builder partition(String partition) {
            args().partition = partition;
            return this;
        }

        /** @return the immutable args */
        public TaskExecutionRoleArgs build() {
            args().secretArns = List.copyOf(args().secretArns);
            args().parameterArns = List.copyOf(args().parameterArns);
            args().kmsKeyArns = List.copyOf(args().kmsKeyArns);
            args().appSecretsKmsKeyArns = List.copyOf(args().appSecretsKmsKeyArns);
            TaskExecutionRoleArgs built = args();
            args = null;
            return built;
        }
    }
}
