package io.github.fargateprivate.secretsmanager;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

import java.util.Objects;
import java.util.Optional;

/** Inputs of {@link RegistryCredentialsSecret}. Immutable; build with {@link #builder()}. */
public final class RegistryCredentialsSecretArgs extends ResourceArgs {

    /** The registry user name (for Quay a robot account such as {@code org+robot}). Required. */
    @Import(name = "username", required = true)
    private Output<String> username;

    /**
     * The registry password or access token. Required. Always stored as a Pulumi secret, whether or not the given
     * output already is one.
     */
    @Import(name = "password", required = true)
    private Output<String> password;

    /**
     * ARN of a customer managed KMS key that encrypts the secret. Default: none, so Secrets Manager uses the AWS
     * managed key {@code aws/secretsmanager}.
     */
    @Import(name = "kmsKeyArn")
    private Output<String> kmsKeyArn;

    /** Description stored on the secret. Default: "Container registry credentials for ECS (username/password)". */
    @Import(name = "description")
    private String description;

    private RegistryCredentialsSecretArgs() {
    }

    /** @return the registry user name */
    public Output<String> username() {
        return username;
    }

    /** @return the password, always secret */
    public Output<String> password() {
        return password.asSecret();
    }

    /** @return the customer managed KMS key, if any */
    public Optional<Output<String>> kmsKeyArn() {
        return Optional.ofNullable(kmsKeyArn);
    }

    /** @return the description stored on the secret */
    public String description() {
        return description == null ? "Container registry credentials for ECS (username/password)" : description;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link RegistryCredentialsSecretArgs}. */
    public static final class Builder {
        private RegistryCredentialsSecretArgs args = new RegistryCredentialsSecretArgs();

        private Builder() {
        }

        private RegistryCredentialsSecretArgs args() {
            if (args == null) {
                throw new IllegalStateException("RegistryCredentialsSecretArgs.Builder: build() was called already; args are immutable, "
                        + "start a new builder");
            }
            return args;
        }

        /**
         * Sets the registry user name.
         *
         * @param username the registry user name
         * @return this builder
         */
        public Builder username(Output<String> username) {
            args().username = username;
            return this;
        }

        /**
         * Sets the registry user name.
         *
         * @param username the registry user name
         * @return this builder
         */
        public Builder username(String username) {
            return username(Output.of(username));
        }

        /**
         * Sets the registry password or access token.
         *
         * @param password the password or token; made secret if it is not
         * @return this builder
         */
        public Builder password(Output<String> password) {
            args().password = password;
            return this;
        }

        /**
         * Sets the customer managed KMS key that encrypts the secret.
         *
         * @param kmsKeyArn ARN of the customer managed key
         * @return this builder
         */
        public Builder kmsKeyArn(Output<String> kmsKeyArn) {
            args().kmsKeyArn = kmsKeyArn;
            return this;
        }

        /**
         * Sets the customer managed KMS key that encrypts the secret.
         *
         * @param kmsKeyArn ARN of the customer managed key, or null for none
         * @return this builder
         */
        public Builder kmsKeyArn(String kmsKeyArn) {
            return kmsKeyArn(kmsKeyArn == null ? null : Output.of(kmsKeyArn));
        }

        /**
         * Sets the description stored on the secret.
         *
         * @param description description stored on the secret
         * @return this builder
         */
        public Builder description(String description) {
            args().description = description;
            return this;
        }

        /**
         * @return the immutable args
         * @throws NullPointerException naming the missing field
         */
        public RegistryCredentialsSecretArgs build() {
            Objects.requireNonNull(args().username, "RegistryCredentialsSecretArgs.username is required");
            Objects.requireNonNull(args().password, "RegistryCredentialsSecretArgs.password is required");
            RegistryCredentialsSecretArgs built = args();
            args = null;
            return built;
        }
    }
}
