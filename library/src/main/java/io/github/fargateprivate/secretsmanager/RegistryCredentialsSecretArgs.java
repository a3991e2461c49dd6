package io.github.fargateprivate.secretsmanager;

import com.pulumi.core.Output;
import io.github.fargateprivate.AwsEnvironment;
import io.github.fargateprivate.Options;
import io.github.fargateprivate.OptionsStyle;
import io.github.fargateprivate.Problems;
import io.github.fargateprivate.Value;
import io.github.fargateprivate.arn.Arn;

import java.util.Map;
import java.util.Optional;

/**
 * Inputs of {@link RegistryCredentialsSecret}. The user name and the password are redacted: {@code toString()} shows
 * neither. Immutable; build with {@link #builder()}.
 */
@org.immutables.value.Value.Immutable
@OptionsStyle
public abstract class RegistryCredentialsSecretArgs implements Options<RegistryCredentialsSecretArgs> {

    /** Default of {@link #description()}. */
    public static final String DEFAULT_DESCRIPTION = "Container registry credentials for ECS (username/password)";

    /**
     * @return the registry user name (for Quay a robot account such as {@code org+robot}). Required; a missing one is
     *     reported by the component with every other problem
     */
    @org.immutables.value.Value.Redacted
    public abstract Optional<Value<String>> username();

    /**
     * @return the registry password or access token. Required. Always a Pulumi secret: the builder makes the given
     *     output one, whether or not it already is
     */
    @org.immutables.value.Value.Redacted
    public abstract Optional<Value<String>> password();

    /**
     * @return ARN of a customer managed KMS key in the stack's region that encrypts the secret (a key ARN, not an
     *     alias: IAM evaluates {@code kms:Decrypt} against the key's ARN). Default: none, so Secrets Manager uses the
     *     AWS managed key {@code aws/secretsmanager}
     */
    public abstract Optional<Value<String>> kmsKeyArn();

    /** @return description stored on the secret. Default: {@value #DEFAULT_DESCRIPTION} */
    @org.immutables.value.Value.Default
    public String description() {
        return DEFAULT_DESCRIPTION;
    }

    /** @return tags of the secret. Default: none */
    public abstract Map<String, String> tags();

    /**
     * Checks the args: user name and password given, the key a key ARN.
     *
     * @param problems where problems go
     * @return these args, the user name and the key replaced by the checked ones
     */
    @Override
    public RegistryCredentialsSecretArgs validate(Problems problems) {
        var checked = toBuilder();
        if (username().isEmpty()) {
            problems.add("username", "required: the registry user name");
        } else {
            checked.username(problems.checked("username", username().get(), u -> u.isBlank()
                    ? Optional.of("is empty; give the registry user name") : Optional.empty()));
        }
        if (password().isEmpty()) {
            problems.add("password", "required: the registry password or token, as a Pulumi secret");
        }
        kmsKeyArn().ifPresent(key -> checked.kmsKeyArn(problems.checked("kmsKeyArn", key, Arn::kmsKeyArnProblem)));
        return checked.build();
    }

    /**
     * Checks the key against the region the secret is created in: Secrets Manager uses a key of the secret's own
     * region. Run on args that {@link #validate(Problems)} checked.
     *
     * @param problems where problems go
     * @param env      the stack's account and region, where the secret is created
     * @return these args, a key of another resource carrying this check too
     */
    public RegistryCredentialsSecretArgs checkAccountAndRegion(Problems problems, AwsEnvironment env) {
        // A key that is no key ARN has its problem already; its region is not asked.
        return kmsKeyArn().filter(key -> key.plain().flatMap(Arn::kmsKeyArnProblem).isEmpty())
                .map(key -> toBuilder().kmsKeyArn(problems.checked("kmsKeyArn", key,
                        k -> RegistryCredentials.keyRegionProblem(k, env.region()))).build())
                .orElse(this);
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these args, to change some of them */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builder of {@link RegistryCredentialsSecretArgs}. */
    public static final class Builder extends ImmutableRegistryCredentialsSecretArgs.Builder {
        Builder() {
        }

        /**
         * @param username the registry user name
         * @return this builder
         */
        public Builder username(String username) {
            return username(Value.of(username));
        }

        /**
         * @param username the registry user name, e.g. from config
         * @return this builder
         */
        public Builder username(Output<String> username) {
            return username(Value.of(username));
        }

        /**
         * @param password the password or token; made secret if it is not
         * @return this builder
         */
        public Builder password(Output<String> password) {
            return password(Value.of(password.asSecret()));
        }

        /**
         * @param kmsKeyArn ARN of the customer managed key
         * @return this builder
         */
        public Builder kmsKeyArn(String kmsKeyArn) {
            return kmsKeyArn(Value.of(kmsKeyArn));
        }

        /**
         * @param kmsKeyArn ARN of the customer managed key, e.g. {@code aws.kms.Key#arn()}
         * @return this builder
         */
        public Builder kmsKeyArn(Output<String> kmsKeyArn) {
            return kmsKeyArn(Value.of(kmsKeyArn));
        }
    }
}
