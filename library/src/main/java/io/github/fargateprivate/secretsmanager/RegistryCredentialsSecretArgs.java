package io.github.fargateprivate.secretsmanager;

import com.pulumi.core.Output;
import com.pulumi.resources.ResourceArgs;
import io.github.fargateprivate.AwsEnvironment;
import io.github.fargateprivate.Problems;
import io.github.fargateprivate.Value;
import io.github.fargateprivate.arn.Arn;

import java.util.Map;
import java.util.Optional;

/** Inputs of {@link RegistryCredentialsSecret}. Immutable; build with {@link #builder()}. */
public final class RegistryCredentialsSecretArgs extends ResourceArgs {

    /** Default of {@link #description()}. */
    public static final String DEFAULT_DESCRIPTION = "Container registry credentials for ECS (username/password)";

    /** The registry user name (for Quay a robot account such as {@code org+robot}). Required. */
    private Value<String> username;

    /**
     * The registry password or access token. Required. Always stored as a Pulumi secret, whether or not the given
     * output already is one.
     */
    private Output<String> password;

    /**
     * ARN of a customer managed KMS key in the stack's region that encrypts the secret (a key ARN, not an alias:
     * IAM evaluates {@code kms:Decrypt} against the key's ARN). Default: none, so Secrets Manager uses the AWS managed
     * key {@code aws/secretsmanager}.
     */
    private Value<String> kmsKeyArn;

    /** Description stored on the secret. Default: {@value #DEFAULT_DESCRIPTION}. */
    private String description;

    /** Tags of the secret. Default: none. */
    private Map<String, String> tags = Map.of();

    private RegistryCredentialsSecretArgs() {
    }

    /** @return the registry user name */
    public Value<String> username() {
        return username;
    }

    /** @return the password, always secret */
    public Output<String> password() {
        return password.asSecret();
    }

    /** @return the customer managed KMS key, if any */
    public Optional<Value<String>> kmsKeyArn() {
        return Optional.ofNullable(kmsKeyArn);
    }

    /** @return the description stored on the secret */
    public String description() {
        return description == null ? DEFAULT_DESCRIPTION : description;
    }

    /** @return the secret's tags */
    public Map<String, String> tags() {
        return tags;
    }

    /**
     * Checks the args.
     *
     * @param problems where problems go
     * @param env      the stack's account and region, where the secret is created
     * @return the checked key, or null when there is none
     */
    public Output<String> validate(Problems problems, AwsEnvironment env) {
        if (username == null) {
            problems.add("username", "required: the registry user name");
        } else {
            problems.check("username", username, u -> u.isBlank()
                    ? Optional.of("is empty; give the registry user name") : Optional.empty());
        }
        if (password == null) {
            problems.add("password", "required: the registry password or token, as a Pulumi secret");
        }
        if (kmsKeyArn == null) {
            return null;
        }
        return problems.check("kmsKeyArn", kmsKeyArn, key -> Arn.kmsKeyArnProblem(key)
                .or(() -> RegistryCredentials.keyRegionProblem(key, env.region())));
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
                throw new IllegalStateException("RegistryCredentialsSecretArgs.Builder: build() was called already; "
                        + "args are immutable, start a new builder");
            }
            return args;
        }

        /**
         * @param username the registry user name
         * @return this builder
         */
        public Builder username(String username) {
            args().username = Value.of(username);
            return this;
        }

        /**
         * @param username the registry user name, e.g. from config
         * @return this builder
         */
        public Builder username(Output<String> username) {
            args().username = Value.of(username);
            return this;
        }

        Builder username(Value<String> username) {
            args().username = username;
            return this;
        }

        /**
         * @param password the password or token; made secret if it is not
         * @return this builder
         */
        public Builder password(Output<String> password) {
            args().password = password;
            return this;
        }

        /**
         * @param kmsKeyArn ARN of the customer managed key
         * @return this builder
         */
        public Builder kmsKeyArn(String kmsKeyArn) {
            args().kmsKeyArn = Value.of(kmsKeyArn);
            return this;
        }

        /**
         * @param kmsKeyArn ARN of the customer managed key, e.g. {@code aws.kms.Key#arn()}
         * @return this builder
         */
        public Builder kmsKeyArn(Output<String> kmsKeyArn) {
            args().kmsKeyArn = Value.of(kmsKeyArn);
            return this;
        }

        Builder kmsKeyArn(Value<String> kmsKeyArn) {
            args().kmsKeyArn = kmsKeyArn;
            return this;
        }

        /**
         * @param description description stored on the secret
         * @return this builder
         */
        public Builder description(String description) {
            args().description = description;
            return this;
        }

        /**
         * @param tags tags of the secret
         * @return this builder
         */
        public Builder tags(Map<String, String> tags) {
            args().tags = Map.copyOf(tags);
            return this;
        }

        /** @return the immutable args; missing fields are reported by the component, with every other problem */
        public RegistryCredentialsSecretArgs build() {
            RegistryCredentialsSecretArgs built = args();
            args = null;
            return built;
        }
    }
}
