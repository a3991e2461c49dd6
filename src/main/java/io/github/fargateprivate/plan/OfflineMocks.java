package io.github.fargateprivate.plan;

import com.pulumi.test.Mocks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Stands in for the AWS provider when the stack runs under Pulumi's mock engine (the offline plan and the tests).
 *
 * <p>Every registration is recorded with its inputs. Each resource answers with its inputs plus the outputs the
 * program reads ({@code arn}, {@code name}, {@code dnsName}, ...), made up from the resource's name so that they are
 * predictable; every made-up value is remembered, so the plan can show it as known only after deployment. Invokes
 * (caller identity, region, default VPC, subnets, secret versions, parameters) answer with fixed values.
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

    /**
     * One registered resource.
     *
     * @param type   the type token
     * @param name   the logical name
     * @param inputs the inputs as the engine serialised them
     */
    public record Registration(String type, String name, Map<String, Object> inputs) {
        /**
         * @param key an input name
         * @return the input, if set
         */
        public Optional<Object> input(String key) {
            return Optional.ofNullable(inputs.get(key));
        }
    }

    private final String region;
    private final List<Registration> registrations = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> generated = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<String> invokes = Collections.synchronizedList(new ArrayList<>());

    /** Mocks in {@code eu-central-1}. */
    public OfflineMocks() {
        this("eu-central-1");
    }

    /** @param region the region the stack deploys into */
    public OfflineMocks(String region) {
        this.region = region;
    }

    /** @return the region the mocks report */
    public String region() {
        return region;
    }

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        Map<String, Object> inputs = args.inputs == null ? Map.of() : args.inputs;
        registrations.add(new Registration(args.type, args.name, Collections.unmodifiableMap(new LinkedHashMap<>(inputs))));
        if (args.type == null || !args.type.startsWith("aws:")) {
            return CompletableFuture.completedFuture(ResourceResult.of(Optional.empty(), Map.of()));
        }
        String id = made(args.name, "id", idFor(args.type, args.name));
        Map<String, Object> state = new LinkedHashMap<>(inputs);
        String physicalName = inputs.containsKey("name") ? String.valueOf(inputs.get("name"))
                : made(args.name, "name", args.name + "-1a2b3c4");
        state.put("name", physicalName);
        state.put("arn", made(args.name, "arn", arnFor(args.type, physicalName)));
        state.put("id", id);
        switch (args.type) {
            case "aws:lb/loadBalancer:LoadBalancer" -> state.put("dnsName",
                    made(args.name, "dnsName", physicalName + "-1234567890." + region + ".elb.amazonaws.com"));
            case "aws:secretsmanager/secretVersion:SecretVersion" ->
                    state.put("versionId", made(args.name, "versionId", "v-" + args.name));
            default -> { }
        }
        return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(id), state));
    }

    @Override
    public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
        invokes.add(args.token);
        Map<String, Object> in = args.args == null ? Map.of() : args.args;
        Map<String, Object> out = switch (args.token) {
            case "aws:index/getCallerIdentity:getCallerIdentity" -> Map.of("accountId", ACCOUNT,
                    "arn", "arn:aws:iam::" + ACCOUNT + ":user/deployer", "userId", "AIDAEXAMPLE", "id", ACCOUNT);
            case "aws:index/getRegion:getRegion" -> Map.of("name", region, "id", region,
                    "description", region, "endpoint", "ec2." + region + ".amazonaws.com");
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
            case "aws:ec2/getSubnets:getSubnets" -> Map.of("id", region, "ids", DEFAULT_SUBNETS.stream()
                    .map(s -> made("default VPC", "subnet" + (DEFAULT_SUBNETS.indexOf(s) + 1), s)).toList());
            case "aws:secretsmanager/getSecretVersions:getSecretVersions" -> Map.of(
                    "arn", String.valueOf(in.get("secretId")), "id", String.valueOf(in.get("secretId")),
                    "name", "secret", "secretId", String.valueOf(in.get("secretId")),
                    "versions", List.of(Map.of("versionId", SECRET_VERSION, "versionStages", List.of("AWSCURRENT"),
                            "createdTime", "2026-01-01T00:00:00Z", "lastAccessedDate", "2026-01-01T00:00:00Z")));
            case "aws:ssm/getParameter:getParameter" -> Map.of("arn", String.valueOf(in.get("name")),
                    "id", String.valueOf(in.get("name")), "name", String.valueOf(in.get("name")),
                    "type", "SecureString", "value", "(encrypted)", "insecureValue", "", "version",
                    PARAMETER_VERSION);
            default -> Map.of();
        };
        return CompletableFuture.completedFuture(out);
    }

    private String made(String resource, String output, String value) {
        generated.put(value, resource + "." + output);
        return value;
    }

    private static String idFor(String type, String name) {
        return switch (type) {
            case "aws:ec2/securityGroup:SecurityGroup" -> "sg-" + hex(name);
            default -> name + "-id";
        };
    }

    private String arnFor(String type, String name) {
        String prefix = "arn:aws:";
        return switch (type) {
            case "aws:secretsmanager/secret:Secret" ->
                    prefix + "secretsmanager:" + region + ":" + ACCOUNT + ":secret:" + name + "-AbCdEf";
            case "aws:iam/role:Role" -> prefix + "iam::" + ACCOUNT + ":role/" + name;
            case "aws:cloudwatch/logGroup:LogGroup" -> prefix + "logs:" + region + ":" + ACCOUNT + ":log-group:" + name;
            case "aws:lb/loadBalancer:LoadBalancer" ->
                    prefix + "elasticloadbalancing:" + region + ":" + ACCOUNT + ":loadbalancer/app/" + name + "/1";
            case "aws:lb/targetGroup:TargetGroup" ->
                    prefix + "elasticloadbalancing:" + region + ":" + ACCOUNT + ":targetgroup/" + name + "/1";
            case "aws:lb/listener:Listener" ->
                    prefix + "elasticloadbalancing:" + region + ":" + ACCOUNT + ":listener/app/" + name + "/1";
            case "aws:ecs/cluster:Cluster" -> prefix + "ecs:" + region + ":" + ACCOUNT + ":cluster/" + name;
            case "aws:ecs/taskDefinition:TaskDefinition" ->
                    prefix + "ecs:" + region + ":" + ACCOUNT + ":task-definition/" + name + ":1";
            case "aws:ecs/service:Service" -> prefix + "ecs:" + region + ":" + ACCOUNT + ":service/" + name;
            default -> prefix + type.split("[:/]")[1] + ":" + region + ":" + ACCOUNT + ":" + name;
        };
    }

    private static String hex(String name) {
        return String.format("%017x", Integer.toUnsignedLong(name.hashCode())).substring(0, 17);
    }

    /** @return every registration so far, in order */
    public List<Registration> registrations() {
        synchronized (registrations) {
            return List.copyOf(registrations);
        }
    }

    /** @return the registrations of AWS resources (not components) */
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
     * @param name a logical name
     * @return the registration of that name
     * @throws java.util.NoSuchElementException when none was registered
     */
    public Registration named(String name) {
        return registrations().stream().filter(r -> name.equals(r.name())).findFirst().orElseThrow(
                () -> new java.util.NoSuchElementException("no resource named " + name));
    }

    /** @return every made-up output value, mapped to {@code resource.output} */
    public Map<String, String> generated() {
        synchronized (generated) {
            return Map.copyOf(generated);
        }
    }

    /** @return the tokens of the invokes made so far */
    public List<String> invokes() {
        synchronized (invokes) {
            return List.copyOf(invokes);
        }
    }
}
