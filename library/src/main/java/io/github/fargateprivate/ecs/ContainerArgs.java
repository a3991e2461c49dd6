package io.github.fargateprivate.ecs;

import com.pulumi.core.Output;
import io.github.fargateprivate.Options;
import io.github.fargateprivate.OptionsStyle;
import io.github.fargateprivate.Problems;
import io.github.fargateprivate.Rules;
import io.github.fargateprivate.arn.Arn;
import io.github.fargateprivate.registry.ImageReference;
import org.immutables.value.Value;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One container of a task: its image, port, environment, secrets and start-up. A service has one main container
 * (behind the load balancer) and any number of sidecars. Immutable; build with {@link #builder()}.
 *
 * <p>Every container runs with a read-only root file system (Security Hub ECS.5) and a writable volume at
 * {@code /tmp}, as a non-privileged process under an init process, logging to the service's log group.
 */
@Value.Immutable
@OptionsStyle
public abstract class ContainerArgs implements Options<ContainerArgs> {

    /** Default of {@link #name()} for the main container. */
    public static final String DEFAULT_MAIN_NAME = "app";
    /** Default of {@link #port()} for the main container: 8080, Spring Boot's. */
    public static final int DEFAULT_PORT = 8080;
    /** Default of {@link #stopTimeoutSeconds()}. */
    public static final int DEFAULT_STOP_TIMEOUT_SECONDS = 30;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,255}");

    /**
     * @return the container's name, 1-255 letters, digits, '-' and '_'. Default: {@value #DEFAULT_MAIN_NAME} for the
     *     main container; required for a sidecar
     */
    public abstract Optional<String> name();

    /**
     * @return the image, an OCI reference {@code [host[:port]/]path[:tag][@sha256:digest]} with a lower-case path,
     *     e.g. an ECR repository's URL and a tag. Required
     */
    public abstract Optional<io.github.fargateprivate.Value<String>> image();

    /** @return the port the container listens on. Default: {@value #DEFAULT_PORT} for the main container; none for a sidecar */
    public abstract Optional<Integer> port();

    /** @return whether the task stops when this container stops. Default: true; the main container always is */
    @Value.Default
    public boolean essential() {
        return true;
    }

    /**
     * @return plain environment variables; names that look like secrets are refused (ECS.8). Left out of
     *     {@code toString}, since a value may still be sensitive. Default: none
     */
    @Value.Redacted
    public abstract Map<String, io.github.fargateprivate.Value<String>> environment();

    /**
     * @return secret environment variables: name to the ARN of a Secrets Manager secret (optionally with a
     *     {@code :json-key::} suffix) or of an SSM parameter, set as the container's {@code secrets}
     *     ({@code valueFrom}), never as plain values. Default: none
     */
    public abstract Map<String, io.github.fargateprivate.Value<String>> appSecrets();

    /**
     * @return customer managed KMS keys of the app secrets and SecureString parameters, so that the execution role
     *     may decrypt them (through Secrets Manager or SSM only). Keys AWS manages need nothing. Default: none
     */
    public abstract List<io.github.fargateprivate.Value<String>> appSecretsKmsKeyArns();

    /** @return the command, overriding the image's CMD. Default: the image's */
    public abstract Optional<List<String>> command();

    /** @return the entry point, overriding the image's ENTRYPOINT. Default: the image's */
    public abstract Optional<List<String>> entryPoint();

    /** @return the container's own health check. Default: none (the load balancer's check is the service's) */
    public abstract Optional<ContainerHealthCheckArgs> healthCheck();

    /**
     * @return the container's restart policy: ECS restarts it in place when it exits instead of replacing the task
     *     (an essential container's exit otherwise stops the whole task). Default: none, ECS restarts nothing
     */
    public abstract Optional<ContainerRestartPolicyArgs> restartPolicy();

    /** @return containers this one waits for. Default: none */
    public abstract List<ContainerDependency> dependsOn();

    /** @return seconds between SIGTERM and SIGKILL, 2-120 (Fargate's limit). Default: 30 s */
    @Value.Default
    public int stopTimeoutSeconds() {
        return DEFAULT_STOP_TIMEOUT_SECONDS;
    }

    /**
     * @return whether ECS resolves the image's tag to a digest when it deploys and starts every task of the deployment
     *     from that digest (software version consistency). False for a sidecar that should follow a mutable tag (a
     *     collector's {@code latest}); the main image is better pinned instead. Default: ECS's, on
     */
    public abstract Optional<Boolean> versionConsistency();

    /**
     * Copies the command and the entry point, which a builder takes as they are given: built args stay as built.
     *
     * @return these args, or a copy that holds its own lists
     */
    @Value.Check
    protected ContainerArgs ownLists() {
        boolean shared = command().filter(c -> List.copyOf(c) != c).isPresent()
                || entryPoint().filter(e -> List.copyOf(e) != e).isPresent();
        return !shared ? this : builder().from(this).command(command().map(List::copyOf))
                .entryPoint(entryPoint().map(List::copyOf)).build();
    }

    /**
     * @param main whether this is the main container
     * @return the container's name: as given, or {@value #DEFAULT_MAIN_NAME} for the main container; null for a
     *     sidecar without one
     */
    public String name(boolean main) {
        return name().orElse(main ? DEFAULT_MAIN_NAME : null);
    }

    /**
     * @param main whether this is the main container
     * @return the port the container listens on, if any: as given, or {@value #DEFAULT_PORT} for the main container
     */
    public Optional<Integer> port(boolean main) {
        return port().or(() -> main ? Optional.of(DEFAULT_PORT) : Optional.empty());
    }

    /**
     * Checks the container as a sidecar, or as any container once {@link #validateAsMain} gave it the main one's
     * defaults.
     *
     * @param problems where problems go, under this container's field
     * @return this container with its image and app secrets of other resources replaced by the checked ones, its
     *     environment and app secrets sorted by name
     */
    @Override
    public ContainerArgs validate(Problems problems) {
        if (name().isEmpty()) {
            problems.add("name", "required for a sidecar: a name unique in the task");
        } else if (!NAME.matcher(name().get()).matches()) {
            problems.add("name", "'" + name().get() + "' is not a container name (1-255 letters, digits, '-', '_')");
        }
        var checked = builder().from(this);
        if (image().isEmpty()) {
            problems.add("image", "required: the image to run, e.g. ghcr.io/OWNER/IMAGE:TAG");
        } else {
            checked.image(checkedImage(problems));
        }
        port().ifPresent(p -> problems.add("port", Rules.port(p)));
        problems.add("stopTimeoutSeconds", Rules.between(stopTimeoutSeconds(), 2, Rules.MAX_STOP_TIMEOUT_SECONDS));
        checkEnvironment(problems);
        // Sorted by name, as the container definition lists them: the task definition reads the same on every run.
        checked.environment(new TreeMap<>(environment()));
        checked.appSecrets(checkedAppSecrets(problems));
        checkKeys(problems);
        healthCheck().ifPresent(h -> h.validate(problems.at("healthCheck")));
        restartPolicy().ifPresent(r -> r.validate(problems.at("restartPolicy")));
        for (var d : dependsOn()) {
            if (!ContainerDependency.CONDITIONS.contains(d.condition())) {
                problems.add("dependsOn", "'" + d.condition() + "' is not one of " + ContainerDependency.CONDITIONS);
            }
        }
        return checked.build();
    }

    /**
     * Checks the container as a task's main one: it is always essential, and its name and port default to
     * {@value #DEFAULT_MAIN_NAME} and {@value #DEFAULT_PORT}.
     *
     * @param problems where problems go, under the main container's field
     * @return this container with the main one's defaults set, checked as {@link #validate} checks it
     */
    public ContainerArgs validateAsMain(Problems problems) {
        if (!essential()) {
            problems.add("essential", "the main container is always essential: the task exists to run it");
        }
        return builder().from(this).name(name(true)).port(port(true)).build().validate(problems);
    }

    private io.github.fargateprivate.Value<String> checkedImage(Problems problems) {
        return problems.checked("image", image().orElseThrow(), ContainerArgs::imageProblem);
    }

    private void checkEnvironment(Problems problems) {
        environment().keySet().forEach(key -> {
            problems.add("environment", Rules.environmentName(key));
            problems.add("environment", Rules.plainEnvironmentName(key)
                    .map(p -> p + "; store it in Secrets Manager or SSM and make it an app secret (valueFrom) instead"));
            if (appSecrets().containsKey(key)) {
                problems.add("environment", "'" + key + "' is also in appSecrets; a variable comes from one or the other");
            }
        });
    }

    private Map<String, io.github.fargateprivate.Value<String>> checkedAppSecrets(Problems problems) {
        Map<String, io.github.fargateprivate.Value<String>> secrets = new TreeMap<>();
        appSecrets().forEach((key, valueFrom) -> {
            problems.add("appSecrets", Rules.environmentName(key));
            secrets.put(key, problems.checked("appSecrets." + key, valueFrom,
                    v -> Arn.valueFromProblem(v).map(p -> key + ": " + p)));
        });
        return secrets;
    }

    private void checkKeys(Problems problems) {
        var keys = appSecretsKmsKeyArns();
        for (int i = 0; i < keys.size(); i++) {
            // A key from another resource is checked where it is consumed: in the execution role's policy.
            int index = i;
            keys.get(i).plain().ifPresent(key ->
                    problems.add("appSecretsKmsKeyArns[" + index + "]", Arn.kmsKeyArnProblem(key)));
        }
        if (!keys.isEmpty() && appSecrets().isEmpty()) {
            problems.add("appSecretsKmsKeyArns", "there are no appSecrets to decrypt; give the secrets too, or drop "
                    + "the keys");
        }
    }

    private static Optional<String> imageProblem(String image) {
        try {
            ImageReference.parse(image);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage() + "; write it as [HOST[:PORT]/]PATH[:TAG][@sha256:DIGEST], "
                    + "e.g. ghcr.io/owner/app:1.0");
        }
    }

    /** @return a builder holding these args, to change some of them */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link ContainerArgs}; the image, environment, secrets and keys also take Outputs. */
    public static final class Builder extends ImmutableContainerArgs.Builder {
        Builder() {
        }

        /**
         * @param image the image reference
         * @return this builder
         */
        public Builder image(String image) {
            return image(io.github.fargateprivate.Value.of(image));
        }

        /**
         * @param image the image reference, e.g. {@code repository.repositoryUrl().applyValue(u -> u + ":1.0.0")}
         * @return this builder
         */
        public Builder image(Output<String> image) {
            return image(io.github.fargateprivate.Value.of(image));
        }

        /**
         * @param name  a variable name
         * @param value its plain value
         * @return this builder
         */
        public Builder environment(String name, String value) {
            return environment(name, io.github.fargateprivate.Value.of(value));
        }

        /**
         * @param name  a variable name
         * @param value its plain value, e.g. {@code bucket.bucket()}
         * @return this builder
         */
        public Builder environment(String name, Output<String> value) {
            return environment(name, io.github.fargateprivate.Value.of(value));
        }

        /**
         * @param name      a variable name
         * @param valueFrom the ARN of a Secrets Manager secret (optionally {@code :json-key::}) or an SSM parameter
         * @return this builder
         */
        public Builder appSecret(String name, String valueFrom) {
            return appSecret(name, io.github.fargateprivate.Value.of(valueFrom));
        }

        /**
         * @param name      a variable name
         * @param valueFrom the ARN of a secret or parameter, e.g. {@code aws.secretsmanager.Secret#arn()}
         * @return this builder
         */
        public Builder appSecret(String name, Output<String> valueFrom) {
            return appSecret(name, io.github.fargateprivate.Value.of(valueFrom));
        }

        /**
         * @param keyArn a customer managed KMS key of an app secret
         * @return this builder
         */
        public Builder appSecretsKmsKeyArn(String keyArn) {
            return appSecretsKmsKeyArn(io.github.fargateprivate.Value.of(keyArn));
        }

        /**
         * @param keyArn a customer managed KMS key of an app secret, e.g. {@code aws.kms.Key#arn()}
         * @return this builder
         */
        public Builder appSecretsKmsKeyArn(Output<String> keyArn) {
            return appSecretsKmsKeyArn(io.github.fargateprivate.Value.of(keyArn));
        }

        /**
         * @param containerName another container of the task
         * @param condition     when this one starts after it
         * @return this builder
         */
        public Builder dependsOn(String containerName, DependencyCondition condition) {
            return dependsOn(containerName, condition.name());
        }

        /**
         * @param containerName another container of the task
         * @param condition     {@code START}, {@code COMPLETE}, {@code SUCCESS} or {@code HEALTHY}
         * @return this builder
         * @deprecated use {@link #dependsOn(String, DependencyCondition)}
         */
        @Deprecated
        public Builder dependsOn(String containerName, String condition) {
            return dependsOn(new ContainerDependency(containerName, condition));
        }
    }
}
