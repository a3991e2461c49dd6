package io.github.fargateprivate.secretsmanager;

import com.pulumi.core.Output;
import io.github.fargateprivate.AwsEnvironment;
import io.github.fargateprivate.Problems;
import io.github.fargateprivate.Value;
import io.github.fargateprivate.arn.Arn;

import java.util.Objects;
import java.util.Optional;

/**
 * How a container pulls its image: one of three choices, so that credentials cannot be given twice or by halves.
 *
 * <ul>
 *   <li>{@link #create}: a {@link RegistryCredentialsSecret} is created from a user name and a password (a Pulumi
 *       secret all the way);</li>
 *   <li>{@link #existing}: an existing Secrets Manager secret holding {@code {"username": ..., "password": ...}};</li>
 *   <li>{@link #none}: no credentials, for an ECR image (the execution role pulls it) or a public image.</li>
 * </ul>
 *
 * <p>{@code create} and {@code existing} take an optional customer managed KMS key: given once, it encrypts the
 * created secret (or is the existing secret's key) and the execution role may {@code kms:Decrypt} with exactly it,
 * through Secrets Manager only.
 */
public sealed interface RegistryCredentials {

    /**
     * @param username the registry user name
     * @param password the password or access token; kept a Pulumi secret
     * @return credentials to store in a new secret
     */
    static Create create(String username, Output<String> password) {
        return new Create(Value.of(username), password, null);
    }

    /**
     * @param username the registry user name, e.g. from config or another stack
     * @param password the password or access token; kept a Pulumi secret
     * @return credentials to store in a new secret
     */
    static Create create(Output<String> username, Output<String> password) {
        return new Create(Value.of(username), password, null);
    }

    /**
     * @param secret the complete ARN of an existing secret (any region of the deploying account), or the name of one
     *               in the stack's region
     * @return credentials in that secret
     */
    static Existing existing(String secret) {
        return new Existing(Value.of(secret), null);
    }

    /**
     * @param secretArn the complete ARN of an existing secret, e.g. {@code aws.secretsmanager.Secret#arn()}
     * @return credentials in that secret
     */
    static Existing existing(Output<String> secretArn) {
        return new Existing(Value.of(secretArn), null);
    }

    /** @return no credentials: an ECR image, or a public one */
    static None none() {
        return None.INSTANCE;
    }

    /** @return the customer managed KMS key of the secret, if any */
    Optional<Value<String>> kmsKeyArn();

    /**
     * Credentials stored in a secret this library creates.
     *
     * @param username  the registry user name
     * @param password  the password or token
     * @param kmsKey    the customer managed key that encrypts the secret, or null for {@code aws/secretsmanager}
     */
    record Create(Value<String> username, Output<String> password, Value<String> kmsKey)
            implements RegistryCredentials {

        /**
         * @param username the registry user name
         * @param password the password or token
         * @param kmsKey   the key, or null
         */
        public Create {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
        }

        /**
         * @param keyArn a customer managed KMS key ARN (not an alias) in the stack's region
         * @return these credentials, encrypted with that key
         */
        public Create kmsKeyArn(String keyArn) {
            return new Create(username, password, Value.of(keyArn));
        }

        /**
         * @param keyArn a customer managed KMS key ARN, e.g. {@code aws.kms.Key#arn()}
         * @return these credentials, encrypted with that key
         */
        public Create kmsKeyArn(Output<String> keyArn) {
            return new Create(username, password, Value.of(keyArn));
        }

        @Override
        public Optional<Value<String>> kmsKeyArn() {
            return Optional.ofNullable(kmsKey);
        }

        /**
         * @param tags the secret's tags
         * @return the args of the secret these credentials become
         */
        public RegistryCredentialsSecretArgs secretArgs(java.util.Map<String, String> tags) {
            return RegistryCredentialsSecretArgs.builder().username(username).password(password).tags(tags)
                    .kmsKeyArn(Optional.ofNullable(kmsKey)).build();
        }
    }

    /**
     * Credentials in an existing secret.
     *
     * @param secret the secret's complete ARN, or its name in the stack's region
     * @param kmsKey the secret's customer managed key, or null for {@code aws/secretsmanager}
     */
    record Existing(Value<String> secret, Value<String> kmsKey) implements RegistryCredentials {

        /**
         * @param secret the secret
         * @param kmsKey the key, or null
         */
        public Existing {
            Objects.requireNonNull(secret, "secret");
        }

        /**
         * @param keyArn the secret's customer managed KMS key ARN (not an alias), in the secret's region
         * @return this secret, with its key
         */
        public Existing kmsKeyArn(String keyArn) {
            return new Existing(secret, Value.of(keyArn));
        }

        /**
         * @param keyArn the secret's customer managed KMS key ARN
         * @return this secret, with its key
         */
        public Existing kmsKeyArn(Output<String> keyArn) {
            return new Existing(secret, Value.of(keyArn));
        }

        @Override
        public Optional<Value<String>> kmsKeyArn() {
            return Optional.ofNullable(kmsKey);
        }

        /**
         * Checks the secret: a complete ARN of the deploying account (ECS reads repository credentials only from the
         * task's own account) or a secret name, and a key of the secret's own region.
         *
         * @param problems where problems go
         * @param env      the deploying account and region
         * @return the checked secret and key
         */
        public Checked validate(Problems problems, AwsEnvironment env) {
            Output<String> parameter = problems.check("secret", secret, s -> secretProblem(s, env));
            Output<String> key = null;
            if (kmsKey != null) {
                Output<String> format = problems.check("kmsKeyArn", kmsKey, Arn::kmsKeyArnProblem);
                // The region check needs both values; for values of other resources it runs in their apply and
                // rides on the key, which the execution role's policy consumes.
                key = Output.tuple(format, problems.check("kmsKeyArn",
                        Value.combine(kmsKey, secret, (k, s) -> new String[] {k, secretRegion(s, env)}),
                        ks -> keyRegionProblem(ks[0], ks[1]))).applyValue(t -> t.t1);
            }
            return new Checked(parameter, key);
        }

        /**
         * The checked secret.
         *
         * @param secret    what the container's {@code repositoryCredentials} names and the execution role may read:
         *                  the complete ARN, or a name in the stack's region
         * @param kmsKeyArn the checked key, or null
         */
        public record Checked(Output<String> secret, Output<String> kmsKeyArn) {
        }

        private static Optional<String> secretProblem(String value, AwsEnvironment env) {
            if (value.startsWith("arn:")) {
                Optional<String> p = Arn.secretArnProblem(value, false);
                if (p.isPresent()) {
                    return p.map(m -> m + "; give the complete secret ARN");
                }
                Arn arn = Arn.parse(value).orElseThrow();
                return arn.account().equals(env.accountId()) ? Optional.empty()
                        : Optional.of("the secret belongs to account " + arn.account() + ", but the stack deploys "
                        + "into " + env.accountId() + "; use a secret of account " + env.accountId()
                        + " (ECS reads repository credentials only from the task's own account)");
            }
            return Arn.SECRET_NAME.matcher(value).matches() ? Optional.empty()
                    : Optional.of("'" + value + "' is neither a secret ARN nor a secret name (a name holds only "
                    + "ASCII letters, digits and /_+=.@-)");
        }

        private static String secretRegion(String secret, AwsEnvironment env) {
            return Arn.parse(secret).map(Arn::region).orElse(env.region());
        }

    }

    /** No credentials: the image is on ECR or public. */
    final class None implements RegistryCredentials {
        private static final None INSTANCE = new None();

        private None() {
        }

        @Override
        public Optional<Value<String>> kmsKeyArn() {
            return Optional.empty();
        }

        @Override
        public String toString() {
            return "RegistryCredentials.none()";
        }
    }

    /**
     * A secret and the key that encrypts it live in one region: Secrets Manager uses a key of the secret's own.
     *
     * @param keyArn       the key
     * @param secretRegion the secret's region
     * @return a problem when they differ
     */
    static Optional<String> keyRegionProblem(String keyArn, String secretRegion) {
        return Arn.parse(keyArn).filter(key -> key.service().equals("kms"))
                .filter(key -> !key.region().equals(secretRegion))
                .map(key -> "the key is in " + key.region() + ", but the credentials secret is in " + secretRegion
                        + "; Secrets Manager uses a key of the secret's own region: give a key of " + secretRegion
                        + " (for an existing secret, the one that encrypts it: aws secretsmanager describe-secret "
                        + "--region " + secretRegion + " --secret-id SECRET --query KmsKeyId)");
    }
}
