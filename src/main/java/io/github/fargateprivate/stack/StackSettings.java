package io.github.fargateprivate.stack;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.pulumi.core.Output;
import io.github.fargateprivate.Rules;
import io.github.fargateprivate.arn.Arn;
import io.github.fargateprivate.ecs.FargateService;
import io.github.fargateprivate.ecs.FargateTaskSize;
import io.github.fargateprivate.ecs.LogRetention;
import io.github.fargateprivate.registry.ImageReference;
import io.github.fargateprivate.registry.Registry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The stack's config, validated: every value a component needs, with defaults applied. {@link #parse} checks every
 * key and reports all problems together in one {@link ConfigException}, before any resource exists.
 *
 * @param image                         the image to run
 * @param registry                      its registry, configured or inferred
 * @param credentials                   how the registry credentials are provided
 * @param registryUsername              the user name, when credentials are created
 * @param registryPassword              the password as a Pulumi secret, when credentials are created
 * @param existingSecret                the existing credentials secret (complete ARN or name), when one is used
 * @param kmsKeyArn                     the credentials secret's customer managed key
 * @param containerPort                 the container's port
 * @param listenerPort                  the HTTP listener's port
 * @param healthCheckPath               the health-check path
 * @param desiredCount                  the task count
 * @param cpu                           task CPU units
 * @param memory                        task memory in MiB
 * @param certificateArn                the HTTPS certificate
 * @param deletionProtection            the ALB's deletion protection
 * @param accessLogsBucket              the ALB's access-log bucket
 * @param internalLoadBalancer          whether the ALB is internal
 * @param allowedCidrBlocks             the CIDRs the ALB admits, or empty for the default
 * @param network                       the own network, or empty for the default VPC
 * @param autoScaling                   autoscaling bounds, or empty for a fixed count
 * @param appSecrets                    secret environment: name to ARN
 * @param appSecretsKmsKeyArns          customer managed keys of the app secrets
 * @param environment                   plain environment
 * @param deregistrationDelaySeconds    the target group's deregistration delay
 * @param healthCheckGracePeriodSeconds the service's health-check grace period
 * @param stopTimeoutSeconds            the container's stop timeout
 * @param logRetentionDays              the log group's retention
 * @param redeployOnSecretRotation      whether secret rotation triggers a deployment
 */
public record StackSettings(
        ImageReference image,
        Registry registry,
        Credentials credentials,
        Optional<String> registryUsername,
        Optional<Output<String>> registryPassword,
        Optional<String> existingSecret,
        Optional<String> kmsKeyArn,
        int containerPort,
        int listenerPort,
        String healthCheckPath,
        int desiredCount,
        int cpu,
        int memory,
        Optional<String> certificateArn,
        boolean deletionProtection,
        Optional<String> accessLogsBucket,
        boolean internalLoadBalancer,
        Optional<List<String>> allowedCidrBlocks,
        Optional<Network> network,
        Optional<AutoScaling> autoScaling,
        Map<String, String> appSecrets,
        List<String> appSecretsKmsKeyArns,
        Map<String, String> environment,
        int deregistrationDelaySeconds,
        int healthCheckGracePeriodSeconds,
        int stopTimeoutSeconds,
        int logRetentionDays,
        boolean redeployOnSecretRotation) {

    /** How the registry credentials reach ECS. */
    public enum Credentials {
        /** A secret is created from registryUsername and registryPassword. */
        CREATE,
        /** An existing secret is used (registryCredentialsSecretArn). */
        EXISTING,
        /** None: ECR, pulled with the execution role. */
        NONE
    }

    /**
     * An own VPC.
     *
     * @param vpcId            the VPC
     * @param publicSubnetIds  the load balancer's subnets
     * @param privateSubnetIds the tasks' subnets
     */
    public record Network(String vpcId, List<String> publicSubnetIds, List<String> privateSubnetIds) {
    }

    /**
     * Autoscaling bounds.
     *
     * @param minCount         fewest tasks
     * @param maxCount         most tasks
     * @param cpuTargetPercent average CPU to keep
     */
    public record AutoScaling(int minCount, int maxCount, int cpuTargetPercent) {
    }

    private static final Pattern VPC_ID = Pattern.compile("vpc-[0-9a-f]{8,17}");
    private static final Pattern SUBNET_ID = Pattern.compile("subnet-[0-9a-f]{8,17}");

    /**
     * Reads and checks every key.
     *
     * @param config the stack's config
     * @param env    the account and region the stack deploys into
     * @return the validated settings
     * @throws ConfigException listing every problem found
     */
    public static StackSettings parse(ConfigSource config, AwsEnvironment env) {
        return new Reader(config, env).read();
    }

    /** Collects problems while reading; each problem names its key and the fix. */
    private static final class Reader {
        private final ConfigSource config;
        private final AwsEnvironment env;
        private final List<String> problems = new ArrayList<>();

        Reader(ConfigSource config, AwsEnvironment env) {
            this.config = config;
            this.env = env;
        }

        private void problem(ConfigKey key, String message) {
            problems.add(key + ": " + message);
        }

        private Optional<String> string(ConfigKey key) {
            return config.get(key).map(String::strip).filter(s -> !s.isEmpty()).or(key::defaultValue);
        }

        private int integer(ConfigKey key, int min, int max, String meaning) {
            String text = string(key).orElse(String.valueOf(min));
            int value;
            try {
                value = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                problem(key, "'" + text + "' is not a whole number; set " + meaning + " (" + min + "-" + max
                        + "): pulumi config set " + key + " " + key.defaultValue().orElse(String.valueOf(min)));
                return min;
            }
            if (value < min || value > max) {
                problem(key, value + " is " + (value < min ? "below " + min : "above " + max) + "; set " + meaning
                        + " (" + min + "-" + max + "): pulumi config set " + key + " "
                        + key.defaultValue().orElse(String.valueOf(min)));
            }
            return value;
        }

        private Optional<Integer> optionalInteger(ConfigKey key, int min, int max, String meaning) {
            return config.get(key).isPresent() ? Optional.of(integer(key, min, max, meaning)) : Optional.empty();
        }

        private boolean bool(ConfigKey key) {
            String text = string(key).orElse("false");
            if (!text.equals("true") && !text.equals("false")) {
                problem(key, "'" + text + "' is not true or false: pulumi config set " + key + " true");
            }
            return text.equals("true");
        }

        private <T> Optional<T> checked(ConfigKey key, Function<String, Optional<String>> rule, String fix,
                                        Function<String, T> value) {
            Optional<String> text = string(key);
            if (text.isEmpty()) {
                return Optional.empty();
            }
            Optional<String> p = rule.apply(text.get());
            p.ifPresent(m -> problem(key, m + "; " + fix));
            return p.isPresent() ? Optional.empty() : Optional.of(value.apply(text.get()));
        }

        StackSettings read() {
            Optional<ImageReference> image = image();
            Registry registry = registry(image);
            String healthCheckPath = string(ConfigKey.HEALTH_CHECK_PATH).orElseThrow();
            Rules.healthCheckPath(healthCheckPath).ifPresent(p -> problem(ConfigKey.HEALTH_CHECK_PATH,
                    p + ": pulumi config set healthCheckPath /actuator/health"));

            int containerPort = integer(ConfigKey.CONTAINER_PORT, 1, 65535, "the port the container listens on");
            int listenerPort = integer(ConfigKey.LISTENER_PORT, 1, 65535, "the load balancer's HTTP port");
            int desiredCount = integer(ConfigKey.DESIRED_COUNT, 0, 5000, "the number of tasks");
            int cpu = integer(ConfigKey.CPU, 256, 16384, "task CPU units");
            int memory = integer(ConfigKey.MEMORY, 512, 122880, "task memory in MiB");
            FargateTaskSize.problem(cpu, memory).ifPresent(p -> problem(
                    p.contains("memory") ? ConfigKey.MEMORY : ConfigKey.CPU,
                    p + ": pulumi config set cpu 256 && pulumi config set memory 512"));
            int stopTimeout = integer(ConfigKey.STOP_TIMEOUT_SECONDS, 2, Rules.MAX_STOP_TIMEOUT_SECONDS,
                    "the container's stop timeout in seconds");
            int deregistrationDelay = integer(ConfigKey.DEREGISTRATION_DELAY_SECONDS, 0, 3600,
                    "the deregistration delay in seconds");
            Rules.drainWithinStopTimeout(deregistrationDelay, stopTimeout).ifPresent(p ->
                    problem(ConfigKey.DEREGISTRATION_DELAY_SECONDS, p + ": lower deregistrationDelaySeconds or raise "
                            + "stopTimeoutSeconds (at most 120)"));
            int grace = integer(ConfigKey.HEALTH_CHECK_GRACE_PERIOD_SECONDS, 0, 2_147_483_647,
                    "the health-check grace period in seconds");
            int retention = integer(ConfigKey.LOG_RETENTION_DAYS, 1, 3653, "the log retention in days");
            LogRetention.problem(retention).ifPresent(p -> problem(ConfigKey.LOG_RETENTION_DAYS,
                    p + ": pulumi config set logRetentionDays 30"));

            Optional<String> certificate = checked(ConfigKey.CERTIFICATE_ARN, Arn::certificateArnProblem,
                    "use the ARN of an issued ACM certificate in the stack's region", s -> s);
            certificate.flatMap(Arn::parse).ifPresent(arn -> {
                if (!arn.region().equals(env.region()) || !arn.account().equals(env.accountId())) {
                    problem(ConfigKey.CERTIFICATE_ARN, "the certificate is in " + arn.region() + " of account "
                            + arn.account() + ", but a load balancer takes only certificates of its own account and "
                            + "region (" + env.region() + ", " + env.accountId() + "); request or import it there");
                }
            });
            if (certificate.isPresent() && listenerPort == 443) {
                problem(ConfigKey.LISTENER_PORT, "443 is taken by the HTTPS listener that certificateArn adds; "
                        + "pulumi config set listenerPort 80");
            }
            Optional<String> bucket = checked(ConfigKey.ACCESS_LOGS_BUCKET, Rules::bucketName,
                    "name an existing bucket whose policy lets the ELB service write", s -> s);

            Map<String, String> appSecrets = appSecrets();
            Map<String, String> environment = environment(appSecrets);

            Choice credentials = credentials(registry);
            var settings = new StackSettings(
                    image.orElse(null), registry, credentials.mode(),
                    credentials.username(), credentials.password(), credentials.existing(), kmsKeyArn(),
                    containerPort, listenerPort, healthCheckPath, desiredCount, cpu, memory,
                    certificate, bool(ConfigKey.DELETION_PROTECTION), bucket,
                    bool(ConfigKey.INTERNAL_LOAD_BALANCER), cidrBlocks(),
                    network(), autoScaling(), appSecrets, appSecretsKeys(appSecrets), environment,
                    deregistrationDelay, grace, stopTimeout, retention,
                    bool(ConfigKey.REDEPLOY_ON_SECRET_ROTATION));
            if (!problems.isEmpty()) {
                throw new ConfigException(config.stackName(), problems);
            }
            return settings;
        }

        private Optional<ImageReference> image() {
            Optional<String> text = string(ConfigKey.IMAGE);
            if (text.isEmpty()) {
                problem(ConfigKey.IMAGE, "required; set the image to run: "
                        + "pulumi config set image ghcr.io/OWNER/IMAGE:TAG");
                return Optional.empty();
            }
            try {
                return Optional.of(ImageReference.parse(text.get()));
            } catch (IllegalArgumentException e) {
                problem(ConfigKey.IMAGE, e.getMessage() + "; write it as [HOST[:PORT]/]PATH[:TAG][@sha256:DIGEST], "
                        + "e.g. ghcr.io/owner/app:1.0");
                return Optional.empty();
            }
        }

        private Registry registry(Optional<ImageReference> image) {
            Optional<String> configured = string(ConfigKey.REGISTRY);
            Optional<Registry> inferred = image.map(Registry::of);
            if (configured.isEmpty()) {
                return inferred.orElse(Registry.CUSTOM);
            }
            Optional<Registry> chosen = Registry.fromConfigName(configured.get());
            if (chosen.isEmpty()) {
                problem(ConfigKey.REGISTRY, "'" + configured.get() + "' is not one of " + Registry.configNames()
                        + "; pick one, or remove it to infer from the image: pulumi config rm registry");
                return inferred.orElse(Registry.CUSTOM);
            }
            if (inferred.isPresent() && inferred.get() != chosen.get()) {
                problem(ConfigKey.REGISTRY, "'" + configured.get() + "' contradicts the image host "
                        + image.get().host() + ", which is " + inferred.get().configName()
                        + "; fix the image, or remove the key to infer it: pulumi config rm registry");
            }
            return chosen.get();
        }

        private Optional<String> kmsKeyArn() {
            return checked(ConfigKey.KMS_KEY_ARN, Arn::kmsKeyArnProblem,
                    "use the key ARN from: aws kms describe-key --key-id KEY --query KeyMetadata.Arn", s -> s);
        }

        /** The credentials as configured. */
        private record Choice(Credentials mode, Optional<String> username, Optional<Output<String>> password,
                              Optional<String> existing) {
            static final Choice NONE = new Choice(Credentials.NONE, Optional.empty(), Optional.empty(),
                    Optional.empty());
        }

        private Choice credentials(Registry registry) {
            Optional<String> username = string(ConfigKey.REGISTRY_USERNAME);
            boolean hasPassword = string(ConfigKey.REGISTRY_PASSWORD).isPresent();
            Optional<String> existing = string(ConfigKey.REGISTRY_CREDENTIALS_SECRET_ARN);
            if (!registry.needsCredentials()) {
                for (ConfigKey key : List.of(ConfigKey.REGISTRY_USERNAME, ConfigKey.REGISTRY_PASSWORD,
                        ConfigKey.REGISTRY_CREDENTIALS_SECRET_ARN, ConfigKey.KMS_KEY_ARN)) {
                    if (string(key).isPresent()) {
                        problem(key, "ECR images need no registry credentials (the execution role pulls them); "
                                + "remove it: pulumi config rm " + key);
                    }
                }
                return Choice.NONE;
            }
            if (hasPassword && !config.isSecret(ConfigKey.REGISTRY_PASSWORD)) {
                problem(ConfigKey.REGISTRY_PASSWORD, "stored in plain text in Pulumi." + config.stackName()
                        + ".yaml; encrypt it (this replaces it): pulumi config set --secret registryPassword TOKEN");
            }
            if (existing.isPresent()) {
                if (username.isPresent() || hasPassword) {
                    problem(ConfigKey.REGISTRY_CREDENTIALS_SECRET_ARN, "given together with registryUsername/"
                            + "registryPassword; use one: pulumi config rm registryUsername && "
                            + "pulumi config rm registryPassword, or pulumi config rm registryCredentialsSecretArn");
                    return Choice.NONE;
                }
                existingSecretProblem(existing.get()).ifPresent(p ->
                        problem(ConfigKey.REGISTRY_CREDENTIALS_SECRET_ARN, p));
                Arn.parse(existing.get()).filter(arn -> !arn.account().equals(env.accountId())).ifPresent(arn ->
                        problem(ConfigKey.REGISTRY_CREDENTIALS_SECRET_ARN, "the secret belongs to account "
                                + arn.account() + ", but the stack deploys into " + env.accountId()
                                + "; use a secret of account " + env.accountId()
                                + " (ECS reads repository credentials only from the task's own account)"));
                keyRegionProblem(Arn.parse(existing.get()).map(Arn::region).orElse(env.region()));
                return new Choice(Credentials.EXISTING, Optional.empty(), Optional.empty(), existing);
            }
            String wants = "; " + registry.configName() + " wants " + registry.credentialHint();
            if (username.isEmpty()) {
                problem(ConfigKey.REGISTRY_USERNAME, "required for a " + registry.configName() + " image (or set "
                        + "registryCredentialsSecretArn)" + wants + ": pulumi config set registryUsername USER");
            }
            if (!hasPassword) {
                problem(ConfigKey.REGISTRY_PASSWORD, "required for a " + registry.configName() + " image (or set "
                        + "registryCredentialsSecretArn)" + wants
                        + ": pulumi config set --secret registryPassword TOKEN");
            }
            if (username.isEmpty() || !hasPassword) {
                return Choice.NONE;
            }
            keyRegionProblem(env.region());
            return new Choice(Credentials.CREATE, username,
                    Optional.of(config.secret(ConfigKey.REGISTRY_PASSWORD)), Optional.empty());
        }

        /** A secret and the key that encrypts it live in one region. */
        private void keyRegionProblem(String secretRegion) {
            string(ConfigKey.KMS_KEY_ARN).flatMap(Arn::parse).filter(key -> key.service().equals("kms"))
                    .filter(key -> !key.region().equals(secretRegion)).ifPresent(key ->
                            problem(ConfigKey.KMS_KEY_ARN, "the key is in " + key.region() + ", but the credentials "
                                    + "secret is in " + secretRegion + "; Secrets Manager uses a key of the secret's "
                                    + "own region"));
        }

        private Optional<String> existingSecretProblem(String value) {
            if (value.startsWith("arn:")) {
                return Arn.secretArnProblem(value, false).map(p -> p + "; give the complete secret ARN");
            }
            return Arn.SECRET_NAME.matcher(value).matches() ? Optional.empty()
                    : Optional.of("'" + value + "' is neither a secret ARN nor a secret name (a name holds only "
                    + "ASCII letters, digits and /_+=.@-)");
        }

        private Optional<Network> network() {
            Optional<String> vpc = string(ConfigKey.VPC_ID);
            Optional<List<String>> publicSubnets = subnets(ConfigKey.PUBLIC_SUBNET_IDS);
            Optional<List<String>> privateSubnets = subnets(ConfigKey.PRIVATE_SUBNET_IDS);
            boolean any = vpc.isPresent() || config.get(ConfigKey.PUBLIC_SUBNET_IDS).isPresent()
                    || config.get(ConfigKey.PRIVATE_SUBNET_IDS).isPresent();
            if (!any) {
                return Optional.empty();
            }
            for (ConfigKey key : List.of(ConfigKey.VPC_ID, ConfigKey.PUBLIC_SUBNET_IDS, ConfigKey.PRIVATE_SUBNET_IDS)) {
                if (config.get(key).isEmpty()) {
                    problem(key, "missing: an own network needs vpcId, publicSubnetIds and privateSubnetIds "
                            + "together (or none of them for the default VPC): pulumi config set " + key + " ...");
                }
            }
            vpc.filter(v -> !VPC_ID.matcher(v).matches()).ifPresent(v -> problem(ConfigKey.VPC_ID,
                    "'" + v + "' is not a VPC id (vpc-0123abcd...)"));
            if (vpc.isEmpty() || publicSubnets.isEmpty() || privateSubnets.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Network(vpc.get(), publicSubnets.get(), privateSubnets.get()));
        }

        private Optional<List<String>> subnets(ConfigKey key) {
            Optional<List<String>> ids = list(key, "subnet-...");
            ids.ifPresent(list -> {
                list.stream().filter(id -> !SUBNET_ID.matcher(id).matches()).forEach(id ->
                        problem(key, "'" + id + "' is not a subnet id (subnet-0123abcd...)"));
                if (list.size() < 2) {
                    problem(key, "needs at least two subnets in different availability zones, got " + list.size());
                }
            });
            return ids;
        }

        private Optional<List<String>> cidrBlocks() {
            Optional<List<String>> blocks = list(ConfigKey.ALLOWED_CIDR_BLOCKS, "10.0.0.0/16");
            blocks.ifPresent(list -> {
                list.forEach(b -> Rules.cidr(b).ifPresent(p -> problem(ConfigKey.ALLOWED_CIDR_BLOCKS, p)));
                if (list.isEmpty()) {
                    problem(ConfigKey.ALLOWED_CIDR_BLOCKS, "is empty, so nobody could reach the service; remove it "
                            + "for the default: pulumi config rm allowedCidrBlocks");
                }
            });
            return blocks;
        }

        /** A list as the CLI stores it (JSON, from pulumi config set --path 'key[0]' ...) or comma separated. */
        private Optional<List<String>> list(ConfigKey key, String example) {
            Optional<String> text = string(key);
            if (text.isEmpty()) {
                return Optional.empty();
            }
            List<String> items = new ArrayList<>();
            if (text.get().startsWith("[")) {
                Optional<JsonArray> array = json(key, text.get()).filter(JsonElement::isJsonArray)
                        .map(JsonElement::getAsJsonArray);
                if (array.isEmpty()) {
                    problem(key, "is not a list: pulumi config set --path '" + key + "[0]' " + example);
                    return Optional.empty();
                }
                array.get().forEach(e -> items.add(e.isJsonPrimitive() ? e.getAsString() : e.toString()));
            } else {
                Arrays.stream(text.get().split(",")).map(String::strip).filter(x -> !x.isEmpty()).forEach(items::add);
            }
            return Optional.of(List.copyOf(items));
        }

        private Optional<AutoScaling> autoScaling() {
            Optional<Integer> min = optionalInteger(ConfigKey.MIN_COUNT, 0, 5000, "the fewest tasks");
            Optional<Integer> max = optionalInteger(ConfigKey.MAX_COUNT, 1, 5000, "the most tasks");
            int cpuTarget = integer(ConfigKey.CPU_TARGET_PERCENT, 1, 100, "the average CPU percent to keep");
            if (min.isPresent() != max.isPresent()) {
                ConfigKey missing = min.isPresent() ? ConfigKey.MAX_COUNT : ConfigKey.MIN_COUNT;
                problem(missing, "missing: autoscaling needs minCount and maxCount together: pulumi config set "
                        + missing + " N");
                return Optional.empty();
            }
            if (min.isEmpty()) {
                // cpuTargetPercent alone is ignored: the CLI sets it in every stack from Pulumi.yaml's default.
                return Optional.empty();
            }
            if (min.get() > max.get()) {
                problem(ConfigKey.MIN_COUNT, min.get() + " is above maxCount " + max.get()
                        + "; lower minCount or raise maxCount");
            }
            return Optional.of(new AutoScaling(min.get(), max.get(), cpuTarget));
        }

        private Map<String, String> appSecrets() {
            Map<String, String> secrets = stringMap(ConfigKey.APP_SECRETS);
            secrets.forEach((name, arn) -> {
                Rules.environmentName(name).ifPresent(p -> problem(ConfigKey.APP_SECRETS, p));
                FargateService.secretReferenceProblem(arn).ifPresent(p -> problem(ConfigKey.APP_SECRETS,
                        name + ": " + p + "; use arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME-XXXXXX[:json-key::] "
                                + "or arn:aws:ssm:REGION:ACCOUNT:parameter/NAME"));
            });
            return secrets;
        }

        private List<String> appSecretsKeys(Map<String, String> appSecrets) {
            List<String> keys = list(ConfigKey.APP_SECRETS_KMS_KEY_ARNS, "arn:aws:kms:REGION:ACCOUNT:key/ID")
                    .orElse(List.of());
            keys.forEach(k -> Arn.kmsKeyArnProblem(k).ifPresent(p -> problem(ConfigKey.APP_SECRETS_KMS_KEY_ARNS, p)));
            if (!keys.isEmpty() && appSecrets.isEmpty()) {
                problem(ConfigKey.APP_SECRETS_KMS_KEY_ARNS, "there are no appSecrets to decrypt; set appSecrets or: "
                        + "pulumi config rm appSecretsKmsKeyArns");
            }
            return keys;
        }

        private Map<String, String> environment(Map<String, String> appSecrets) {
            Map<String, String> environment = stringMap(ConfigKey.ENVIRONMENT);
            environment.keySet().forEach(name -> {
                Rules.environmentName(name).ifPresent(p -> problem(ConfigKey.ENVIRONMENT, p));
                Rules.plainEnvironmentName(name).ifPresent(p -> problem(ConfigKey.ENVIRONMENT, p
                        + "; store it in Secrets Manager or SSM and reference it: pulumi config set --path 'appSecrets."
                        + name + "' arn:aws:secretsmanager:..."));
                if (appSecrets.containsKey(name)) {
                    problem(ConfigKey.ENVIRONMENT, "'" + name + "' is also in appSecrets; remove one of them");
                }
            });
            return environment;
        }

        private Map<String, String> stringMap(ConfigKey key) {
            Optional<String> text = string(key);
            Map<String, String> map = new LinkedHashMap<>();
            if (text.isEmpty()) {
                return map;
            }
            Optional<JsonObject> object = json(key, text.get()).filter(JsonElement::isJsonObject)
                    .map(JsonElement::getAsJsonObject);
            if (object.isEmpty()) {
                problem(key, "is not a map of names to values: pulumi config set --path '" + key + ".NAME' VALUE");
                return map;
            }
            object.get().entrySet().forEach(e -> {
                if (e.getValue().isJsonPrimitive()) {
                    map.put(e.getKey(), e.getValue().getAsString());
                } else {
                    problem(key, e.getKey() + " is not a plain string value");
                }
            });
            return map;
        }

        private Optional<JsonElement> json(ConfigKey key, String text) {
            try {
                return Optional.of(JsonParser.parseString(text));
            } catch (JsonParseException e) {
                return Optional.empty();
            }
        }
    }

}
