package io.github.fargateprivate.ecs;

import com.pulumi.core.Output;
import com.pulumi.resources.ResourceArgs;
import io.github.fargateprivate.Problems;
import io.github.fargateprivate.Rules;
import io.github.fargateprivate.Value;
import io.github.fargateprivate.arn.Arn;
import io.github.fargateprivate.registry.ImageReference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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
public final class ContainerArgs extends ResourceArgs {

    /** Default of {@link #name()} for the main container. */
    public static final String DEFAULT_MAIN_NAME = "app";
    /** Default of {@link #port()} for the main container: 8080, Spring Boot's. */
    public static final int DEFAULT_PORT = 8080;
    /** Default of {@link #stopTimeoutSeconds()}. */
    public static final int DEFAULT_STOP_TIMEOUT_SECONDS = 30;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,255}");

    /** The container's name. Default: {@value #DEFAULT_MAIN_NAME} for the main container; required for a sidecar. */
    private String name;

    /**
     * The image, an OCI reference {@code [host[:port]/]path[:tag][@sha256:digest]} with a lower-case path, e.g. an
     * ECR repository's URL and a tag. Required.
     */
    private Value<String> image;

    /** The port the container listens on. Default: {@value #DEFAULT_PORT} for the main container; none for a sidecar. */
    private Integer port;

    /** Whether the task stops when this container stops. Default: true; the main container always is. */
    private Boolean essential;

    /** Plain environment variables; names that look like secrets are refused (ECS.8). Default: none. */
    private final Map<String, Value<String>> environment = new LinkedHashMap<>();

    /**
     * Secret environment variables: name to the ARN of a Secrets Manager secret (optionally with a
     * {@code :json-key::} suffix) or of an SSM parameter, set as the container's {@code secrets} ({@code valueFrom}),
     * never as plain values. Default: none.
     */
    private final Map<String, Value<String>> appSecrets = new LinkedHashMap<>();

    /**
     * Customer managed KMS keys of the app secrets and SecureString parameters, so that the execution role may
     * decrypt them (through Secrets Manager or SSM only). Keys AWS manages need nothing. Default: none.
     */
    private final List<Value<String>> appSecretsKmsKeyArns = new ArrayList<>();

    /** The command, overriding the image's CMD. Default: the image's. */
    private List<String> command;

    /** The entry point, overriding the image's ENTRYPOINT. Default: the image's. */
    private List<String> entryPoint;

    /** The container's own health check. Default: none (the load balancer's check is the service's). */
    private ContainerHealthCheckArgs healthCheck;

    /** Containers this one waits for. Default: none. */
    private final List<ContainerDependency> dependsOn = new ArrayList<>();

    /** Seconds between SIGTERM and SIGKILL, 2-120 (Fargate's limit). Default: 30 s. */
    private Integer stopTimeoutSeconds;

    /**
     * Whether ECS resolves the image's tag to a digest when it deploys and starts every task of the deployment from
     * that digest (software version consistency). False for a sidecar that should follow a mutable tag (a collector's
     * {@code latest}); the main image is better pinned instead. Default: ECS's, on.
     */
    private Boolean versionConsistency;

    private ContainerArgs() {
    }

    /**
     * @param main whether this is the main container
     * @return the container's name
     */
    public String name(boolean main) {
        return name == null && main ? DEFAULT_MAIN_NAME : name;
    }

    /** @return the name as given; null for the default */
    public String name() {
        return name;
    }

    /** @return the image */
    public Value<String> image() {
        return image;
    }

    /** @return the port as given; empty for the default */
    public Optional<Integer> port() {
        return Optional.ofNullable(port);
    }

    /**
     * @param main whether this is the main container
     * @return the port the container listens on, if any
     */
    public Optional<Integer> port(boolean main) {
        return port != null ? Optional.of(port) : main ? Optional.of(DEFAULT_PORT) : Optional.empty();
    }

    /** @return whether the container is essential */
    public boolean essential() {
        return essential == null || essential;
    }

    /** @return the plain environment */
    public Map<String, Value<String>> environment() {
        return Map.copyOf(environment);
    }

    /** @return the secret environment: name to {@code valueFrom} */
    public Map<String, Value<String>> appSecrets() {
        return Map.copyOf(appSecrets);
    }

    /** @return the app secrets' keys */
    public List<Value<String>> appSecretsKmsKeyArns() {
        return List.copyOf(appSecretsKmsKeyArns);
    }

    /** @return the command, if overridden */
    public Optional<List<String>> command() {
        return Optional.ofNullable(command);
    }

    /** @return the entry point, if overridden */
    public Optional<List<String>> entryPoint() {
        return Optional.ofNullable(entryPoint);
    }

    /** @return the container's health check, if any */
    public Optional<ContainerHealthCheckArgs> healthCheck() {
        return Optional.ofNullable(healthCheck);
    }

    /** @return the containers this one waits for */
    public List<ContainerDependency> dependsOn() {
        return List.copyOf(dependsOn);
    }

    /** @return whether ECS's version consistency is set for this container, if set */
    public Optional<Boolean> versionConsistency() {
        return Optional.ofNullable(versionConsistency);
    }

    /** @return the stop timeout in seconds */
    public int stopTimeoutSeconds() {
        return stopTimeoutSeconds == null ? DEFAULT_STOP_TIMEOUT_SECONDS : stopTimeoutSeconds;
    }

    /**
     * The container's values, checked.
     *
     * @param image       the image
     * @param environment plain environment, sorted by name
     * @param appSecrets  secret environment, sorted by name
     */
    public record Checked(Output<String> image, Map<String, Output<String>> environment,
                          Map<String, Output<String>> appSecrets) {
    }

    /**
     * Checks the container.
     *
     * @param problems where problems go, under this container's field
     * @param main     whether this is the main container
     * @return the checked values
     */
    public Checked validate(Problems problems, boolean main) {
        String n = name(main);
        if (n == null) {
            problems.add("name", "required for a sidecar: a name unique in the task");
        } else if (!NAME.matcher(n).matches()) {
            problems.add("name", "'" + n + "' is not a container name (1-255 letters, digits, '-', '_')");
        }
        Output<String> checkedImage = null;
        if (image == null) {
            problems.add("image", "required: the image to run, e.g. ghcr.io/OWNER/IMAGE:TAG");
        } else {
            checkedImage = problems.check("image", image, ContainerArgs::imageProblem);
        }
        port(main).ifPresent(p -> problems.add("port", Rules.port(p)));
        if (main && !essential()) {
            problems.add("essential", "the main container is always essential: the task exists to run it");
        }
        problems.add("stopTimeoutSeconds", Rules.between(stopTimeoutSeconds(), 2, Rules.MAX_STOP_TIMEOUT_SECONDS));
        Map<String, Output<String>> env = new TreeMap<>();
        environment.forEach((key, value) -> {
            problems.add("environment", Rules.environmentName(key));
            problems.add("environment", Rules.plainEnvironmentName(key)
                    .map(p -> p + "; store it in Secrets Manager or SSM and make it an app secret (valueFrom) instead"));
            if (appSecrets.containsKey(key)) {
                problems.add("environment", "'" + key + "' is also in appSecrets; a variable comes from one or the other");
            }
            env.put(key, value.output());
        });
        Map<String, Output<String>> secrets = new TreeMap<>();
        appSecrets.forEach((key, valueFrom) -> {
            problems.add("appSecrets", Rules.environmentName(key));
            secrets.put(key, problems.check("appSecrets." + key, valueFrom,
                    v -> Arn.valueFromProblem(v).map(p -> key + ": " + p)));
        });
        for (int i = 0; i < appSecretsKmsKeyArns.size(); i++) {
            // A key from another resource is checked where it is consumed: in the execution role's policy.
            int index = i;
            appSecretsKmsKeyArns.get(i).plain().ifPresent(key ->
                    problems.add("appSecretsKmsKeyArns[" + index + "]", Arn.kmsKeyArnProblem(key)));
        }
        if (!appSecretsKmsKeyArns.isEmpty() && appSecrets.isEmpty()) {
            problems.add("appSecretsKmsKeyArns", "there are no appSecrets to decrypt; give the secrets too, or drop "
                    + "the keys");
        }
        healthCheck().ifPresent(h -> h.validate(problems.at("healthCheck")));
        for (var d : dependsOn) {
            if (!ContainerDependency.CONDITIONS.contains(d.condition())) {
                problems.add("dependsOn", "'" + d.condition() + "' is not one of " + ContainerDependency.CONDITIONS);
            }
        }
        return new Checked(checkedImage, env, secrets);
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
        var b = new Builder();
        var a = b.args;
        a.name = name;
        a.image = image;
        a.port = port;
        a.essential = essential;
        a.environment.putAll(environment);
        a.appSecrets.putAll(appSecrets);
        a.appSecretsKmsKeyArns.addAll(appSecretsKmsKeyArns);
        a.command = command;
        a.entryPoint = entryPoint;
        a.healthCheck = healthCheck;
        a.dependsOn.addAll(dependsOn);
        a.stopTimeoutSeconds = stopTimeoutSeconds;
        a.versionConsistency = versionConsistency;
        return b;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link ContainerArgs}. */
    public static final class Builder {
        private ContainerArgs args = new ContainerArgs();

        private Builder() {
        }

        private ContainerArgs args() {
            if (args == null) {
                throw new IllegalStateException("ContainerArgs.Builder: build() was called already; args are "
                        + "immutable, start a new builder");
            }
            return args;
        }

        /**
         * @param name the container's name
         * @return this builder
         */
        public Builder name(String name) {
            args().name = name;
            return this;
        }

        /**
         * @param image the image reference
         * @return this builder
         */
        public Builder image(String image) {
            args().image = Value.of(image);
            return this;
        }

        /**
         * @param image the image reference, e.g. {@code repository.repositoryUrl().applyValue(u -> u + ":1.0.0")}
         * @return this builder
         */
        public Builder image(Output<String> image) {
            args().image = Value.of(image);
            return this;
        }

        /**
         * @param port the port the container listens on
         * @return this builder
         */
        public Builder port(int port) {
            args().port = port;
            return this;
        }

        /**
         * @param essential whether the task stops when this container stops
         * @return this builder
         */
        public Builder essential(boolean essential) {
            args().essential = essential;
            return this;
        }

        /**
         * @param name  a variable name
         * @param value its plain value
         * @return this builder
         */
        public Builder environment(String name, String value) {
            args().environment.put(name, Value.of(value));
            return this;
        }

        /**
         * @param name  a variable name
         * @param value its plain value, e.g. {@code bucket.bucket()}
         * @return this builder
         */
        public Builder environment(String name, Output<String> value) {
            args().environment.put(name, Value.of(value));
            return this;
        }

        /**
         * @param name      a variable name
         * @param valueFrom the ARN of a Secrets Manager secret (optionally {@code :json-key::}) or an SSM parameter
         * @return this builder
         */
        public Builder appSecret(String name, String valueFrom) {
            args().appSecrets.put(name, Value.of(valueFrom));
            return this;
        }

        /**
         * @param name      a variable name
         * @param valueFrom the ARN of a secret or parameter, e.g. {@code aws.secretsmanager.Secret#arn()}
         * @return this builder
         */
        public Builder appSecret(String name, Output<String> valueFrom) {
            args().appSecrets.put(name, Value.of(valueFrom));
            return this;
        }

        /**
         * @param keyArn a customer managed KMS key of an app secret
         * @return this builder
         */
        public Builder appSecretsKmsKeyArn(String keyArn) {
            args().appSecretsKmsKeyArns.add(Value.of(keyArn));
            return this;
        }

        /**
         * @param keyArn a customer managed KMS key of an app secret, e.g. {@code aws.kms.Key#arn()}
         * @return this builder
         */
        public Builder appSecretsKmsKeyArn(Output<String> keyArn) {
            args().appSecretsKmsKeyArns.add(Value.of(keyArn));
            return this;
        }

        /**
         * @param command the command, overriding the image's CMD
         * @return this builder
         */
        public Builder command(List<String> command) {
            args().command = List.copyOf(command);
            return this;
        }

        /**
         * @param entryPoint the entry point, overriding the image's ENTRYPOINT
         * @return this builder
         */
        public Builder entryPoint(List<String> entryPoint) {
            args().entryPoint = List.copyOf(entryPoint);
            return this;
        }

        /**
         * @param healthCheck the container's own health check
         * @return this builder
         */
        public Builder healthCheck(ContainerHealthCheckArgs healthCheck) {
            args().healthCheck = healthCheck;
            return this;
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
            args().dependsOn.add(new ContainerDependency(containerName, condition));
            return this;
        }

        /**
         * @param on whether ECS resolves the tag to a digest once per deployment; false for a sidecar that follows a
         *           mutable tag
         * @return this builder
         */
        public Builder versionConsistency(boolean on) {
            args().versionConsistency = on;
            return this;
        }

        /**
         * @param seconds seconds between SIGTERM and SIGKILL
         * @return this builder
         */
        public Builder stopTimeoutSeconds(int seconds) {
            args().stopTimeoutSeconds = seconds;
            return this;
        }

        /** @return the immutable args */
        public ContainerArgs build() {
            ContainerArgs built = args();
            args = null;
            return built;
        }
    }
}
