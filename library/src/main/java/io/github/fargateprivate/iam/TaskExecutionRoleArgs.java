package io.github.fargateprivate.iam;

import com.pulumi.core.Output;
import io.github.fargateprivate.OptionsStyle;
import io.github.fargateprivate.Problems;
import io.github.fargateprivate.Value;
import io.github.fargateprivate.arn.Arn;
import io.github.fargateprivate.registry.ImageReference;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Inputs of {@link TaskExecutionRole}: its options and what it reads, pulls and writes, which a composite wires from
 * its containers, credentials and log group ({@code builder().from(options)}). Immutable; build with
 * {@link #builder()}, change with {@code builder().from(args)} ({@link #toBuilder()} is the options' and keeps only
 * them).
 */
@org.immutables.value.Value.Immutable
@OptionsStyle
@SuppressWarnings("immutables:subtype")
public abstract class TaskExecutionRoleArgs implements TaskExecutionRoleOptions {

    /**
     * @return registry credentials secrets the role may read with {@code secretsmanager:GetSecretValue}: each a
     *     complete secret ARN, or the name of a secret in the stack's region (the policy then names the ARN pattern
     *     ending in {@code -??????}, Secrets Manager's random suffix). Default: none
     */
    public abstract List<Value<String>> registryCredentialsSecretArns();

    /**
     * @return the containers' secrets, as their {@code valueFrom} reads: Secrets Manager secret ARNs (a
     *     {@code :json-key:stage:version} suffix is dropped, IAM names the secret) get {@code GetSecretValue}, SSM
     *     parameter ARNs {@code ssm:GetParameters}. Default: none
     */
    public abstract List<Value<String>> appSecrets();

    /**
     * @return customer managed KMS keys of the registry credentials secrets: {@code kms:Decrypt}, only through
     *     Secrets Manager in the key's region (condition {@code kms:ViaService}). Default: none, and then no
     *     {@code kms:*} at all
     */
    public abstract List<Value<String>> registryCredentialsKmsKeyArns();

    /**
     * @return customer managed KMS keys of the app secrets and SecureString parameters: {@code kms:Decrypt}, only
     *     through Secrets Manager or SSM Parameter Store in the key's region. Default: none
     */
    public abstract List<Value<String>> appSecretsKmsKeyArns();

    /**
     * @return the images the role pulls. Each on ECR gets {@code ecr:BatchCheckLayerAvailability},
     *     {@code ecr:GetDownloadUrlForLayer} and {@code ecr:BatchGetImage} on exactly its repository, and the role
     *     gets {@code ecr:GetAuthorizationToken}, which IAM grants only on {@code *}; images elsewhere get no ECR
     *     action. Default: none
     */
    public abstract List<Value<String>> images();

    /**
     * @return log groups the containers write to with {@code awslogs}: {@code logs:CreateLogStream} and
     *     {@code logs:PutLogEvents} on exactly their streams ({@code <log group ARN>:log-stream:*}). Default: none
     *     ({@code ecs.FargateService} grants its own log group)
     */
    public abstract List<Value<String>> logGroupArns();

    /**
     * @return ECR pull-through cache prefixes the role pulls through, as their repositories' ARN pattern
     *     ({@code arn:aws:ecr:REGION:ACCOUNT:repository/PREFIX/*}): the ECR pull actions plus
     *     {@code ecr:BatchImportUpstreamImage} and {@code ecr:CreateRepository} (the first pull of an image creates
     *     its repository), on exactly those repositories. Default: none
     */
    public abstract List<String> cacheRepositories();

    /** @return whether the role reads, pulls or writes anything, and so needs a policy of its own */
    boolean readsSomething() {
        return !registryCredentialsSecretArns().isEmpty() || !appSecrets().isEmpty() || !images().isEmpty()
                || !logGroupArns().isEmpty() || !cacheRepositories().isEmpty();
    }

    /**
     * Checks the options and every ARN, name and image; an image known now and not on ECR is dropped, since it needs
     * no ECR action.
     *
     * @param problems where problems go
     * @return these args, each value of another resource replaced by the checked one
     */
    @Override
    public TaskExecutionRoleArgs validate(Problems problems) {
        TaskExecutionRoleOptions.super.validate(problems);
        var checked = builder().from(this)
                .registryCredentialsSecretArns(checkAll(problems, "registryCredentialsSecretArns",
                        registryCredentialsSecretArns(), TaskExecutionRoleArgs::registrySecretProblem))
                .appSecrets(checkAll(problems, "appSecrets", appSecrets(), Arn::valueFromProblem))
                .registryCredentialsKmsKeyArns(checkAll(problems, "registryCredentialsKmsKeyArns",
                        registryCredentialsKmsKeyArns(), Arn::kmsKeyArnProblem))
                .appSecretsKmsKeyArns(checkAll(problems, "appSecretsKmsKeyArns", appSecretsKmsKeyArns(),
                        Arn::kmsKeyArnProblem))
                // An image known now and not on ECR needs no ECR action: it does not even make the role a policy.
                .images(checkAll(problems, "images", images(), TaskExecutionRoleArgs::imageProblem).stream()
                        .filter(i -> i.plain().map(TaskExecutionRoleArgs::onEcr).orElse(true)).toList())
                .logGroupArns(checkAll(problems, "logGroupArns", logGroupArns(),
                        TaskExecutionRoleArgs::logGroupProblem));
        if (!registryCredentialsKmsKeyArns().isEmpty() && registryCredentialsSecretArns().isEmpty()) {
            problems.add("registryCredentialsKmsKeyArns", "there is no registry credentials secret to decrypt; give "
                    + "the secret too, or drop the keys");
        }
        if (!appSecretsKmsKeyArns().isEmpty() && appSecrets().isEmpty()) {
            problems.add("appSecretsKmsKeyArns", "there are no app secrets to decrypt; give the secrets too, or "
                    + "drop the keys");
        }
        for (int i = 0; i < cacheRepositories().size(); i++) {
            String pattern = cacheRepositories().get(i);
            if (!pattern.matches("arn:[a-z-]+:ecr:[a-z0-9-]+:\\d{12}:repository/[a-z0-9._/-]+/\\*")) {
                problems.add("cacheRepositories[" + i + "]", "'" + pattern + "' is not the repositories of a "
                        + "pull-through cache prefix (arn:aws:ecr:REGION:ACCOUNT:repository/PREFIX/*)");
            }
        }
        return checked.build();
    }

    /** A valid image not on ECR is not; one with a problem is kept, its problem reported. */
    private static boolean onEcr(String image) {
        return imageProblem(image).isPresent() || ImageReference.parse(image).ecrAccountId().isPresent();
    }

    private static Optional<String> imageProblem(String image) {
        try {
            ImageReference.parse(image);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static Optional<String> logGroupProblem(String arn) {
        return Arn.parse(arn).filter(a -> a.service().equals("logs") && a.resource().startsWith("log-group:")
                        && !a.resource().contains("*") && !a.region().isEmpty() && !a.account().isEmpty())
                .isPresent() ? Optional.empty()
                : Optional.of("'" + arn + "' is not a log group ARN (arn:aws:logs:REGION:ACCOUNT:log-group:NAME)");
    }

    private static Optional<String> registrySecretProblem(String secret) {
        if (secret.startsWith("arn:")) {
            return Arn.secretArnProblem(secret, false);
        }
        return Arn.SECRET_NAME.matcher(secret).matches() ? Optional.empty()
                : Optional.of("'" + secret + "' is neither a secret ARN nor a secret name");
    }

    /** Each value checked under {@code field[i]}: a plain one stays plain, an Output carries its check. */
    private static List<Value<String>> checkAll(Problems problems, String field, List<Value<String>> values,
                                                Function<String, Optional<String>> rule) {
        List<Value<String>> checked = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            checked.add(problems.checked(field + "[" + i + "]", values.get(i), rule));
        }
        return checked;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link TaskExecutionRoleArgs}. */
    public static final class Builder extends ImmutableTaskExecutionRoleArgs.Builder {
        Builder() {
        }

        /**
         * @param secret a registry credentials secret: complete ARN, or name in the stack's region
         * @return this builder
         */
        public Builder registryCredentialsSecretArn(String secret) {
            return registryCredentialsSecretArn(Value.of(secret));
        }

        /**
         * @param secretArn a registry credentials secret, e.g. {@code RegistryCredentialsSecret#arn()}
         * @return this builder
         */
        public Builder registryCredentialsSecretArn(Output<String> secretArn) {
            return registryCredentialsSecretArn(Value.of(secretArn));
        }

        /**
         * @param valueFrom an app secret's {@code valueFrom}: secret ARN (JSON-key suffix allowed) or parameter ARN
         * @return this builder
         */
        public Builder appSecret(String valueFrom) {
            return appSecret(Value.of(valueFrom));
        }

        /**
         * @param valueFrom an app secret's {@code valueFrom}, e.g. {@code aws.ssm.Parameter#arn()}
         * @return this builder
         */
        public Builder appSecret(Output<String> valueFrom) {
            return appSecret(Value.of(valueFrom));
        }

        /**
         * @param keyArn a registry credentials secret's KMS key ARN
         * @return this builder
         */
        public Builder registryCredentialsKmsKeyArn(String keyArn) {
            return registryCredentialsKmsKeyArn(Value.of(keyArn));
        }

        /**
         * @param keyArn a registry credentials secret's KMS key ARN, e.g. {@code aws.kms.Key#arn()}
         * @return this builder
         */
        public Builder registryCredentialsKmsKeyArn(Output<String> keyArn) {
            return registryCredentialsKmsKeyArn(Value.of(keyArn));
        }

        /**
         * @param keyArn an app secret's KMS key ARN
         * @return this builder
         */
        public Builder appSecretsKmsKeyArn(String keyArn) {
            return appSecretsKmsKeyArn(Value.of(keyArn));
        }

        /**
         * @param keyArn an app secret's KMS key ARN, e.g. {@code aws.kms.Key#arn()}
         * @return this builder
         */
        public Builder appSecretsKmsKeyArn(Output<String> keyArn) {
            return appSecretsKmsKeyArn(Value.of(keyArn));
        }

        /**
         * @param image an image the role pulls
         * @return this builder
         */
        public Builder image(String image) {
            return image(Value.of(image));
        }

        /**
         * @param image an image the role pulls, e.g. an ECR repository's URL and a tag
         * @return this builder
         */
        public Builder image(Output<String> image) {
            return image(Value.of(image));
        }

        /**
         * @param logGroupArn a log group the containers write to
         * @return this builder
         */
        public Builder logGroupArn(String logGroupArn) {
            return logGroupArn(Value.of(logGroupArn));
        }

        /**
         * @param logGroupArn a log group the containers write to, e.g. {@code aws.cloudwatch.LogGroup#arn()}
         * @return this builder
         */
        public Builder logGroupArn(Output<String> logGroupArn) {
            return logGroupArn(Value.of(logGroupArn));
        }
    }
}
