package io.github.fargateprivate;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules a plain input must meet, each written once and used both by the components (which name the args field)
 * and by the stack's config validation (which names the config key). Each returns what is wrong, or empty.
 */
public final class Rules {

    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    // No leading zeros: the AWS provider parses blocks with Go's net.ParseCIDR, which refuses them.
    private static final Pattern CIDR = Pattern.compile(
            "(0|[1-9]\\d{0,2})\\.(0|[1-9]\\d{0,2})\\.(0|[1-9]\\d{0,2})\\.(0|[1-9]\\d{0,2})/(0|[1-9]\\d?)");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern RESOURCE_NAME = Pattern.compile("[A-Za-z0-9_-]+");
    /** AWS's tag limits (Tagging AWS resources user guide): 50 per resource, keys 1-128, values 0-256 characters. */
    private static final int MAX_TAGS = 50;

    /**
     * AWS's default quota of inbound rules per security group, and of outbound ones; each CIDR block, referenced
     * group and prefix list of a rule counts as one (Amazon VPC quotas,
     * https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html).
     */
    public static final int SECURITY_GROUP_RULES = 60;
    /** How messages name {@link #SECURITY_GROUP_RULES}, with its page. */
    public static final String SECURITY_GROUP_RULES_QUOTA_NAME = "Amazon VPC quotas, \"Inbound or outbound rules per "
            + "security group\", https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html";

    /** Fargate's upper bound for a container's {@code stopTimeout}, in seconds. */
    public static final int MAX_STOP_TIMEOUT_SECONDS = 120;

    private Rules() {
    }

    /**
     * @param port a TCP port
     * @return a problem unless 1 to 65535
     */
    public static Optional<String> port(int port) {
        return port >= 1 && port <= 65535 ? Optional.empty()
                : Optional.of(port + " is not a TCP port (1-65535)");
    }

    /**
     * @param path an HTTP health-check path
     * @return a problem unless it starts with '/' and has no white space
     */
    public static Optional<String> healthCheckPath(String path) {
        if (path == null || !path.startsWith("/")) {
            return Optional.of("'" + path + "' must start with '/', e.g. /actuator/health");
        }
        return path.chars().anyMatch(Character::isWhitespace) || path.length() > 1024
                ? Optional.of("'" + path + "' must have no white space and at most 1024 characters")
                : Optional.empty();
    }

    /**
     * @param value   a number
     * @param min     the smallest allowed
     * @param max     the largest allowed
     * @return a problem unless {@code min <= value <= max}
     */
    public static Optional<String> between(int value, int min, int max) {
        return value >= min && value <= max ? Optional.empty()
                : Optional.of(value + " is outside " + min + "-" + max);
    }

    /**
     * @param cidr an IPv4 CIDR block
     * @return a problem unless it is one, e.g. {@code 10.0.0.0/16}, written as its network address: the AWS provider
     *         refuses a block with host bits set ({@code 10.0.0.1/16}) when it plans the security group
     */
    public static Optional<String> cidr(String cidr) {
        Optional<String> network = network(cidr);
        if (network.isEmpty()) {
            return Optional.of("'" + cidr + "' is not an IPv4 CIDR block (e.g. 10.0.0.0/16)");
        }
        return network.get().equals(cidr) ? Optional.empty()
                : Optional.of("'" + cidr + "' has host bits set; the AWS provider takes only a block's network "
                + "address, here " + network.get());
    }

    /**
     * @param text what was given for a CIDR block
     * @return the CIDR block meant, when the text is a bare IPv4 address (a {@code /32} of it) or a block with host
     *         bits set (its network address); else empty
     */
    public static Optional<String> cidrSuggestion(String text) {
        if (text == null) {
            return Optional.empty();
        }
        if (!text.contains("/")) {
            return cidr(text + "/32").isEmpty() ? Optional.of(text + "/32") : Optional.empty();
        }
        return network(text).filter(n -> !n.equals(text));
    }

    /** The network address of an IPv4 CIDR block, e.g. {@code 10.0.0.0/16} for {@code 10.0.3.7/16}. */
    private static Optional<String> network(String cidr) {
        var m = CIDR.matcher(cidr == null ? "" : cidr);
        if (!m.matches() || Integer.parseInt(m.group(5)) > 32) {
            return Optional.empty();
        }
        long address = 0;
        for (int i = 1; i <= 4; i++) {
            int octet = Integer.parseInt(m.group(i));
            if (octet > 255) {
                return Optional.empty();
            }
            address = address << 8 | octet;
        }
        int prefix = Integer.parseInt(m.group(5));
        long network = prefix == 0 ? 0 : address & (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
        return Optional.of((network >> 24 & 255) + "." + (network >> 16 & 255) + "." + (network >> 8 & 255) + "."
                + (network & 255) + "/" + prefix);
    }

    /**
     * @param bucket an S3 bucket name
     * @return a problem unless it follows S3's naming rules
     */
    public static Optional<String> bucketName(String bucket) {
        return BUCKET.matcher(bucket).matches() && !bucket.contains("..") ? Optional.empty()
                : Optional.of("'" + bucket + "' is not an S3 bucket name (3-63 lower-case letters, digits, '.', '-')");
    }

    /**
     * @param name an environment variable name
     * @return a problem unless it is a portable variable name
     */
    public static Optional<String> environmentName(String name) {
        return ENV_NAME.matcher(name).matches() ? Optional.empty()
                : Optional.of("'" + name + "' is not a valid environment variable name ([A-Za-z_][A-Za-z0-9_]*)");
    }

    /**
     * Whether a plain environment variable's name suggests it holds a secret, which belongs in the task
     * definition's {@code secrets} instead (Security Hub ECS.8).
     *
     * @param name the variable name
     * @return a problem when the name looks like a secret's
     */
    public static Optional<String> plainEnvironmentName(String name) {
        String upper = name.toUpperCase(java.util.Locale.ROOT);
        if (upper.equals("ECS_ENGINE_AUTH_DATA") || upper.contains("PASSWORD") || upper.contains("SECRET")
                || upper.contains("TOKEN") || upper.contains("ACCESS_KEY")) {
            return Optional.of("'" + name + "' looks like a secret; plain environment values are stored readable in "
                    + "the task definition");
        }
        return Optional.empty();
    }

    /**
     * A component's name as the names of its ECS resources start with it: ECS takes letters, digits, '-' and '_',
     * where Pulumi would allow a '.' too. The length is {@link AwsName#wholeNameProblem}'s.
     *
     * @param componentName a component's name
     * @param what          what is named from it, for the message
     * @return a problem when AWS would refuse the names made from it
     */
    public static Optional<String> resourceName(String componentName, String what) {
        return componentName != null && RESOURCE_NAME.matcher(componentName).matches() ? Optional.empty()
                : Optional.of("'" + componentName + "' cannot name " + what + ", which take only letters, digits, "
                + "'-' and '_'");
    }

    /**
     * @param tags tags for AWS resources
     * @return a problem unless AWS takes them: at most 50, keys of 1-128 characters not starting with {@code aws:},
     *     values of at most 256 characters
     */
    public static Optional<String> tags(java.util.Map<String, String> tags) {
        if (tags.size() > MAX_TAGS) {
            return Optional.of(tags.size() + " tags, but AWS takes at most " + MAX_TAGS + " per resource");
        }
        for (var e : new java.util.TreeMap<>(tags).entrySet()) {
            if (e.getKey().isEmpty() || e.getKey().length() > 128) {
                return Optional.of("key '" + e.getKey() + "' is not 1-128 characters long");
            }
            if (e.getKey().toLowerCase(java.util.Locale.ROOT).startsWith("aws:")) {
                return Optional.of("key '" + e.getKey() + "' starts with aws:, which AWS keeps for its own tags");
            }
            if (e.getValue() == null || e.getValue().length() > 256) {
                return Optional.of("the value of '" + e.getKey() + "' is longer than 256 characters");
            }
        }
        return Optional.empty();
    }

    /**
     * Throws when a rule found a problem: for components, which fail on their first bad argument.
     *
     * @param field   the args field, e.g. {@code FargateServiceArgs.containerPort}
     * @param problem what a rule returned
     * @throws IllegalArgumentException naming the field and the problem
     */
    public static void require(String field, Optional<String> problem) {
        problem.ifPresent(p -> {
            throw new IllegalArgumentException(field + ": " + p);
        });
    }
}
