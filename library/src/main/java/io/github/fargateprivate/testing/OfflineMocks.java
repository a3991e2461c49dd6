package io.github.fargateprivate.testing;

import com.pulumi.test.Mocks;
import io.github.fargateprivate.registry.RegistryAccess;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;

import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Stands in for the AWS provider when a program runs under Pulumi's mock engine: the offline plan, this library's
 * tests, and the tests of stacks that use the library.
 *
 * <p>Every registration is recorded with its inputs and provider. Each AWS resource answers with its inputs plus what
 * AWS assigns, in AWS's shapes, made up from the resource's logical name so that they are the same every run:
 * <ul>
 *   <li>ids: {@code vpc-}, {@code subnet-}, {@code rtb-}, {@code sg-}, {@code sgr-}, {@code igw-}, {@code nat-},
 *   {@code eipalloc-}, {@code vpce-}, {@code lt-}, {@code i-}, {@code eni-}, {@code acl-} and 17 hex digits for EC2;
 *   the ARN where the AWS provider's id is the ARN (load balancer, target group, listener, listener rule, Secrets
 *   Manager secret, ECS cluster, service and capacity provider, ACM certificate, SNS topic, IAM policy); the name where
 *   it is the name (IAM role and instance profile, log group, ECR repository, Auto Scaling group, SSM parameter,
 *   metric alarm, S3 bucket); a task definition's family; a KMS key's key id; other types {@code <name>-id};</li>
 *   <li>ARNs as AWS writes them, e.g. {@code ...:loadbalancer/app/NAME/HEX16} with {@code arnSuffix}
 *   {@code app/NAME/HEX16}, {@code ...:targetgroup/NAME/HEX16} with {@code arnSuffix}, a listener's below its load
 *   balancer's ({@code ...:listener/app/NAME/HEX16/HEX16}) and a rule's below its listener's, {@code
 *   ...:parameter/NAME} for an SSM parameter whether its name starts with a slash or not, {@code
 *   ...:service/CLUSTER/NAME} for an ECS service, {@code ...:task-definition/FAMILY:1};</li>
 *   <li>the outputs programs read: a physical {@code name} (given, or made up as autonaming would), a load
 *   balancer's {@code dnsName} and {@code zoneId}, a repository's {@code repositoryUrl}, a key's {@code keyId}, a
 *   certificate's {@code domainValidationOptions}, a VPC's default security group and main route table, ...</li>
 * </ul>
 * Every made-up value is remembered ({@link #generated()}), so the plan can show it as known only after deployment.
 * Invokes (caller identity, region, partition, default VPC, subnets, a subnet's route table, secret versions,
 * parameters) answer with fixed values. An explicit {@code aws} provider's {@code region} is honoured: invokes made
 * through it, and ARNs of resources it creates, are of that region.
 *
 * <p>{@link #unknownOutputs()} turns these mocks into a preview of a new stack, {@link #rollsBack(String)} lets ECS
 * roll a service back, {@link #stackReference(String, Map)} gives another stack's outputs, and a subclass may adjust
 * any answer in {@link #state(ResourceArgs, Map)} or override {@link #newResourceAsync} and {@link #callAsync}.
 */
public class OfflineMocks implements Mocks {

    /** The made-up account the stack deploys into. */
    public static final String ACCOUNT = "123456789012";
    /** The made-up default VPC. */
    public static final String DEFAULT_VPC = "vpc-0d0d0d0d0d0d0d0d0";
    /** The CIDR every looked-up VPC reports. */
    public static final String DEFAULT_VPC_CIDR = "172.31.0.0/16";
    /** The secondary CIDR every VPC looked up by id reports. */
    public static final String SECONDARY_VPC_CIDR = "100.64.0.0/16";
    /** The made-up default subnets. */
    public static final List<String> DEFAULT_SUBNETS = List.of("subnet-0a0a0a0a0a0a0a0a0", "subnet-0b0b0b0b0b0b0b0b0");
    /** The AWSCURRENT version every secret reports. */
    public static final String SECRET_VERSION = "v-current-1";
    /** The version every SSM parameter reports. */
    public static final int PARAMETER_VERSION = 7;
    /** The canonical hosted zone every load balancer reports. */
    public static final String LOAD_BALANCER_ZONE_ID = "Z215JYRZR1TBD5";

    private static final String SERVICE = "aws:ecs/service:Service";

    /**
     * One registered resource.
     *
     * @param type     the type token
     * @param name     the logical name
     * @param inputs   the inputs as the engine serialised them
     * @param provider the provider reference ({@code urn::id}), empty for the default provider
     */
    public record Registration(String type, String name, Map<String, Object> inputs, String provider) {
        /**
         * @param key an input name
         * @return the input, if set
         */
        public Optional<Object> input(String key) {
            return Optional.ofNullable(inputs.get(key));
        }
    }

    /**
     * One invoke.
     *
     * @param token    the function's token
     * @param args     its arguments
     * @param provider the provider reference, empty for the default provider
     */
    public record Call(String token, Map<String, Object> args, String provider) {
    }

    private final String region;
    private volatile boolean preview;
    private final List<Registration> registrations = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> generated = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> providerRegions = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> stackReferences = new ConcurrentHashMap<>();
    private final Map<String, Optional<String>> rollbacks = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> unknownInputs = new ConcurrentHashMap<>();
    private volatile RegistryAccess registryAccess = RegistryAccess.loopbackOnly();
    private final Set<String> missingEcrImages = ConcurrentHashMap.newKeySet();
    private final Map<String, String> secretValues = new ConcurrentHashMap<>();

    /** Mocks in {@code eu-central-1}. */
    public OfflineMocks() {
        this("eu-central-1");
    }

    /** @param region the region of the default provider */
    public OfflineMocks(String region) {
        this.region = region;
    }

    /**
     * Makes these mocks answer as the engine does in a preview of a new stack, from now on: each new AWS resource
     * answers its inputs where they are known, keeps the physical name its provider computes before creating it
     * ({@code name}, an S3 bucket's {@code bucket}, unless given as a prefix), and answers every other output, its
     * id included, as unknown. An unknown output keeps the resource as a dependency of what is built from it, as in a
     * real preview. Stack references still answer their outputs; a subclass keeps its overrides, and
     * {@link #rollsBack(String)} waits for an update. {@link OfflineRun#of} runs a program with these mocks as a
     * preview ({@code TestOptions.preview}); with {@code PulumiTest} set that option yourself.
     *
     * @return these mocks
     */
    public OfflineMocks unknownOutputs() {
        this.preview = true;
        return this;
    }

    /**
     * Which registries the components may ask whether an image can be pulled ({@code registry.RegistryPreflight}) in
     * runs with these mocks. Default: {@link RegistryAccess#loopbackOnly()}, so that no test reaches the internet
     * while a registry the test starts on this machine answers.
     *
     * @param access the access, e.g. {@link RegistryAccess#none()}
     * @return these mocks
     */
    public OfflineMocks registryAccess(RegistryAccess access) {
        this.registryAccess = java.util.Objects.requireNonNull(access, "access");
        return this;
    }

    /** @return which registries the components may ask in runs with these mocks */
    public RegistryAccess registryAccess() {
        return registryAccess;
    }

    /**
     * Lets a {@code StackReference} to another stack answer with outputs.
     *
     * @param stack   the referenced stack, e.g. {@code acme/network/prod}
     * @param outputs its outputs
     * @return these mocks
     */
    public OfflineMocks stackReference(String stack, Map<String, Object> outputs) {
        stackReferences.put(stack, Map.copyOf(outputs));
        return this;
    }

    /**
     * Lets ECS roll an {@code aws:ecs/service:Service} back to its task definition's previous revision, as its
     * deployment circuit breaker does when the new tasks fail: once created, the service answers as its {@code
     * taskDefinition} the input's ARN with the revision lowered by one ({@code ...:task-definition/FAMILY:N-1}). A
     * revision 1 has none before it (the task definitions these mocks create are at revision 1): give the previous
     * one with {@link #rollsBack(String, String)}. No effect in a preview.
     *
     * @param service the service's logical name
     * @return these mocks
     */
    public OfflineMocks rollsBack(String service) {
        rollbacks.put(service, Optional.empty());
        return this;
    }

    /**
     * Lets ECS roll an {@code aws:ecs/service:Service} back to a given task definition: once created, the service
     * answers it as its {@code taskDefinition}. No effect in a preview.
     *
     * @param service                the service's logical name
     * @param previousTaskDefinition the task definition ARN the service answers
     * @return these mocks
     */
    public OfflineMocks rollsBack(String service, String previousTaskDefinition) {
        rollbacks.put(service, Optional.of(previousTaskDefinition));
        return this;
    }

    /** @return whether these mocks answer as in a preview ({@link #unknownOutputs()}) */
    public boolean answersUnknown() {
        return preview;
    }

    /** @return the region the default provider reports */
    public String region() {
        return region;
    }

    private String regionOf(String provider) {
        if (provider == null || provider.isEmpty()) {
            return region;
        }
        return providerRegions.entrySet().stream().filter(e -> provider.endsWith("::" + e.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse(region);
    }

    /**
     * Tells the mocks which inputs of the next registration of a resource the program sent as unknown, which
     * {@code ResourceArgs} leaves out; {@link OfflineRun} reads them from the engine's request.
     */
    void unknownInputs(String type, String name, Set<String> keys) {
        if (!keys.isEmpty()) {
            unknownInputs.put(type + "::" + name, Set.copyOf(keys));
        }
    }

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        Map<String, Object> inputs = args.inputs == null ? Map.of() : args.inputs;
        registrations.add(new Registration(args.type, args.name,
                Collections.unmodifiableMap(new LinkedHashMap<>(inputs)), args.provider == null ? "" : args.provider));
        Set<String> unknown = Optional.ofNullable(unknownInputs.remove(args.type + "::" + args.name)).orElse(Set.of());
        if ("pulumi:providers:aws".equals(args.type)) {
            String id = args.name + "-provider-id";
            providerRegions.put(id, String.valueOf(inputs.getOrDefault("region", region)));
            return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(id), inputs));
        }
        if ("pulumi:pulumi:StackReference".equals(args.type)) {
            // Another stack's outputs exist before this program runs, in a preview too.
            String stack = String.valueOf(inputs.getOrDefault("name", args.name));
            return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(stack), Map.of("name", stack,
                    "outputs", stackReferences.getOrDefault(stack, Map.of()), "secretOutputNames", List.of())));
        }
        boolean aws = args.type != null && args.type.startsWith("aws:");
        Map<String, Object> created = aws ? AwsState.of(args.type, args.name, inputs, regionOf(args.provider),
                this::made) : new LinkedHashMap<>();
        if (!preview && SERVICE.equals(args.type) && rollbacks.containsKey(args.name)) {
            created.put("taskDefinition", previousTaskDefinition(args.name, inputs.get("taskDefinition")));
        }
        Map<String, Object> state = state(args, created);
        if (preview) {
            return CompletableFuture.completedFuture(ResourceResult.of(Optional.empty(),
                    PreviewState.of(String.valueOf(args.type), inputs, unknown, state)));
        }
        Optional<String> id = Optional.ofNullable(state.get("id")).map(String::valueOf);
        return CompletableFuture.completedFuture(ResourceResult.of(id, state.isEmpty() ? Map.of() : state));
    }

    /**
     * Adjusts what a new resource answers, for a subclass: e.g. an output these mocks do not make up, or one AWS
     * would answer otherwise. Called for every resource but providers and stack references, once per registration,
     * with what these mocks would answer once it is created: for an AWS resource its inputs, {@code id} (the id the
     * resource gets) and the outputs made up from its name; for any other type (components, other packages) an empty
     * map. The default returns {@code state} as it is.
     *
     * <p>In a preview ({@link #unknownOutputs()}), what this returns is answered as the engine would: inputs as they
     * are, the autonamed {@code name} or {@code bucket} known, every other output unknown. A value made up here is best
     * recorded with {@link #made(String, String, String)}, so that the offline plan shows it as known after deploy.
     *
     * @param args  the registration
     * @param state what the resource answers: mutable, may be returned changed
     * @return what it answers
     */
    protected Map<String, Object> state(ResourceArgs args, Map<String, Object> state) {
        return state;
    }

    /**
     * Records a value made up for an output, so that {@link #generated()} names it.
     *
     * @param resource the resource's logical name
     * @param output   the output, e.g. {@code arn}
     * @param value    the value
     * @return the value
     */
    protected final String made(String resource, String output, String value) {
        generated.put(value, resource + "." + output);
        return value;
    }

    private String previousTaskDefinition(String service, Object current) {
        Optional<String> given = rollbacks.get(service);
        if (given.isPresent()) {
            return given.get();
        }
        String arn = String.valueOf(current);
        int colon = arn.lastIndexOf(':');
        String revision = colon < 0 ? "" : arn.substring(colon + 1);
        if (!revision.matches("[0-9]+") || Integer.parseInt(revision) < 2) {
            throw new IllegalStateException("rollsBack(\"" + service + "\"): the service's task definition '" + arn
                    + "' has no earlier revision to roll back to; give it: rollsBack(\"" + service + "\", ARN)");
        }
        return arn.substring(0, colon + 1) + (Integer.parseInt(revision) - 1);
    }

    @Override
    public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
        Map<String, Object> in = args.args == null ? Map.of() : args.args;
        calls.add(new Call(args.token, Map.copyOf(in), args.provider == null ? "" : args.provider));
        String at = regionOf(args.provider);
        if ("aws:ecr/getImage:getImage".equals(args.token)) {
            return ecrImage(in);
        }
        if ("aws:secretsmanager/getSecretVersion:getSecretVersion".equals(args.token)) {
            return secretVersion(in);
        }
        Map<String, Object> out = switch (args.token) {
            case "aws:index/getCallerIdentity:getCallerIdentity" -> Map.of("accountId", ACCOUNT,
                    "arn", "arn:aws:iam::" + ACCOUNT + ":user/deployer", "userId", "AIDAEXAMPLE", "id", ACCOUNT);
            case "aws:index/getRegion:getRegion" -> Map.of("name", at, "id", at,
                    "description", at, "endpoint", "ec2." + at + ".amazonaws.com");
            case "aws:index/getPartition:getPartition" -> Map.of("partition", "aws", "id", "aws",
                    "dnsSuffix", "amazonaws.com", "reverseDnsPrefix", "com.amazonaws");
            case "aws:ec2/getVpc:getVpc" -> in.containsKey("id")
                    ? Map.of("id", String.valueOf(in.get("id")), "default", false,
                    "cidrBlock", made(in.get("id") + " lookup", "cidrBlock", DEFAULT_VPC_CIDR),
                    "cidrBlockAssociations", List.of(
                            Map.of("associationId", "vpc-cidr-assoc-1", "state", "associated",
                                    "cidrBlock", DEFAULT_VPC_CIDR),
                            Map.of("associationId", "vpc-cidr-assoc-2", "state", "associated",
                                    "cidrBlock", made(in.get("id") + " lookup", "secondaryCidrBlock",
                                            SECONDARY_VPC_CIDR))))
                    : Map.of("id", made("default VPC", "id", DEFAULT_VPC), "cidrBlock", DEFAULT_VPC_CIDR,
                    "default", true);
            case "aws:ec2/getSubnets:getSubnets" -> Map.of("id", at, "ids", DEFAULT_SUBNETS.stream()
                    .map(s -> made("default VPC", "subnet" + (DEFAULT_SUBNETS.indexOf(s) + 1), s)).toList());
            case "aws:ec2/getRouteTable:getRouteTable" -> routeTable(String.valueOf(in.get("subnetId")), at);
            case "aws:secretsmanager/getSecretVersions:getSecretVersions" -> Map.of(
                    "arn", String.valueOf(in.get("secretId")), "id", String.valueOf(in.get("secretId")),
                    "name", "secret", "secretId", String.valueOf(in.get("secretId")),
                    "versions", List.of(Map.of("versionId", SECRET_VERSION, "versionStages", List.of("AWSCURRENT"),
                            "createdTime", "2026-01-01T00:00:00Z", "lastAccessedDate", "2026-01-01T00:00:00Z")));
            case "aws:ssm/getParameter:getParameter" -> String.valueOf(in.get("name")).startsWith("/aws/service/")
                    // AWS's public parameters, e.g. the ECS-optimized AMI of the region.
                    ? Map.of("arn", String.valueOf(in.get("name")), "id", String.valueOf(in.get("name")),
                    "name", String.valueOf(in.get("name")), "type", "String", "insecureValue", "", "version", 1,
                    "value", made(String.valueOf(in.get("name")), "value",
                            "ami-0" + AwsState.hex(String.valueOf(in.get("name"))).substring(1)))
                    : Map.of("arn", String.valueOf(in.get("name")),
                    "id", String.valueOf(in.get("name")), "name", String.valueOf(in.get("name")),
                    "type", "SecureString", "value", "(encrypted)", "insecureValue", "", "version",
                    PARAMETER_VERSION);
            default -> Map.of();
        };
        return CompletableFuture.completedFuture(out);
    }

    /**
     * An ECR image the program asks about ({@code ecr.getImage}): there, with a digest made from its repository and
     * tag, unless {@link #missingEcrImage} took it away, when the invoke fails as ECR's ImageNotFoundException does.
     */
    private CompletableFuture<Map<String, Object>> ecrImage(Map<String, Object> in) {
        String repository = String.valueOf(in.get("repositoryName"));
        String reference = String.valueOf(in.getOrDefault("imageTag", in.get("imageDigest")));
        if (missingEcrImages.contains(repository + ":" + reference) || missingEcrImages.contains(repository)) {
            return CompletableFuture.failedFuture(new IllegalStateException("ImageNotFoundException: The image with "
                    + "imageId {imageTag:'" + reference + "'} does not exist within the repository with name '"
                    + repository + "' in the registry with id '" + in.get("registryId") + "'"));
        }
        String digest = "sha256:" + AwsState.hex(repository + ":" + reference).repeat(4).substring(0, 64);
        return CompletableFuture.completedFuture(Map.of("id", digest, "imageDigest", digest,
                "repositoryName", repository, "registryId", String.valueOf(in.get("registryId")),
                "imageTags", List.of(reference), "imagePushedAt", 1_767_225_600, "imageSizeInBytes", 52_428_800,
                "imageUri", in.get("registryId") + ".dkr.ecr.region.amazonaws.com/" + repository + "@" + digest));
    }

    /**
     * The value of a secret the program reads ({@code secretsmanager.getSecretVersion}, e.g. registry credentials to
     * ask a registry with): what {@link #secretValue} gave; another secret's read fails as AccessDenied does.
     */
    private CompletableFuture<Map<String, Object>> secretVersion(Map<String, Object> in) {
        String secret = String.valueOf(in.get("secretId"));
        String value = secretValues.get(secret);
        if (value == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("AccessDeniedException: the mocks hold "
                    + "no value of " + secret));
        }
        return CompletableFuture.completedFuture(Map.of("arn", secret, "id", secret + "|AWSCURRENT",
                "secretId", secret, "secretString", value, "secretBinary", "", "versionId", SECRET_VERSION,
                "versionStages", List.of("AWSCURRENT"), "createdDate", "2026-01-01T00:00:00Z"));
    }

    /**
     * Takes an ECR image away: {@code ecr.getImage} of it fails as ECR's ImageNotFoundException does.
     *
     * @param repositoryAndTag {@code repository:tag}, or a repository for all its images
     * @return these mocks
     */
    public OfflineMocks missingEcrImage(String repositoryAndTag) {
        missingEcrImages.add(repositoryAndTag);
        return this;
    }

    /**
     * Lets the program read a secret's value ({@code secretsmanager.getSecretVersion}).
     *
     * @param secretArn the secret
     * @param value     its value, e.g. {@code {"username": ..., "password": ...}}
     * @return these mocks
     */
    public OfflineMocks secretValue(String secretArn, String value) {
        secretValues.put(secretArn, value);
        return this;
    }

    /** Each subnet has a route table of its own, as private subnets with a NAT gateway per AZ do. */
    private Map<String, Object> routeTable(String subnetId, String region) {
        String id = made(subnetId + " lookup", "routeTableId", "rtb-" + AwsState.hex(subnetId));
        return Map.of("id", id, "routeTableId", id, "subnetId", subnetId, "vpcId",
                made(subnetId + " lookup", "vpcId", "vpc-" + AwsState.hex(subnetId + " vpc")),
                "arn", "arn:aws:ec2:" + region + ":" + ACCOUNT + ":route-table/" + id, "ownerId", ACCOUNT,
                "gatewayId", "", "associations", List.of(), "routes", List.of(), "tags", Map.of());
    }

    /** @return every registration so far, in order */
    public List<Registration> registrations() {
        synchronized (registrations) {
            return List.copyOf(registrations);
        }
    }

    /** @return the registrations of AWS resources (not components, not providers) */
    public List<Registration> awsResources() {
        return registrations().stream().filter(r -> r.type() != null && r.type().startsWith("aws:")).toList();
    }

    /**
     * @param type a type token
     * @return the registrations of that type
     */
    public List<Registration> ofType(String type) {
        return registrations().stream().filter(r -> type.equals(r.type())).toList();
    }

    /**
     * One name may stand for resources of several types (a component and one of its children, say), as in Pulumi.
     *
     * @param name a logical name
     * @return the registration of that name
     * @throws java.util.NoSuchElementException when none was registered
     * @throws IllegalStateException            when resources of several types, or one type twice, have that name;
     *                                          {@link #named(String, String)} picks one type
     */
    public Registration named(String name) {
        return single(registrations().stream().filter(r -> name.equals(r.name())).toList(), name,
                Registration::type, "named(type, name)");
    }

    /**
     * @param type a type token, e.g. {@code aws:ecr/repository:Repository}
     * @param name a logical name
     * @return the registration of that type and name
     * @throws java.util.NoSuchElementException when none was registered
     * @throws IllegalStateException            when it was registered twice
     */
    public Registration named(String type, String name) {
        return single(registrations().stream().filter(r -> type.equals(r.type()) && name.equals(r.name())).toList(),
                type + " " + name, Registration::type, "named(type, name)");
    }

    /**
     * @param matches the registrations found for a name
     * @param name    the name asked for, to report
     * @param typeOf  a registration's type
     * @param picker  the method that picks one type, to name in the error
     * @param <T>     the registration's kind
     * @return the only match
     */
    static <T> T single(List<T> matches, String name, Function<T, String> typeOf, String picker) {
        if (matches.isEmpty()) {
            throw new NoSuchElementException("no resource named " + name);
        }
        if (matches.size() == 1) {
            return matches.get(0);
        }
        Set<String> types = matches.stream().map(typeOf).collect(Collectors.toCollection(TreeSet::new));
        String type = types.iterator().next();
        throw new IllegalStateException(types.size() == 1
                ? name + " is registered " + matches.size() + " times" + (name.startsWith(type) ? "" : ", as " + type)
                : matches.size() + " resources are named " + name + ", of types " + String.join(", ", types)
                + "; ask for one with " + picker);
    }

    /** @return every made-up output value, mapped to {@code resource.output}, in the order they were made */
    public Map<String, String> generated() {
        synchronized (generated) {
            return Collections.unmodifiableMap(new LinkedHashMap<>(generated));
        }
    }

    /** @return the tokens of the invokes made so far */
    public List<String> invokes() {
        return calls().stream().map(Call::token).toList();
    }

    /** @return the invokes made so far */
    public List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }
}
