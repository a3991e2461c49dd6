package io.github.fargateprivate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * AWS's rules for the names of the resources this library creates, and the logical names of a component's children
 * made to meet them.
 *
 * <p>A child's logical name is its component's name and a suffix ({@code app-lb} and {@code -alb}). The AWS provider
 * makes the physical name from it: the logical name, {@code -} and 7 random characters ({@value #AUTONAME_SUFFIX}
 * characters in all; pulumi-terraform-bridge {@code AutoName}, Randlen 7), and fails {@code pulumi preview} when that
 * is longer than the resource's limit or holds a character AWS refuses. So {@link #child} returns the plain form where
 * AWS takes it, which keeps every name a deployed stack already has, and otherwise a shortened one: the component's
 * name cut to fit, characters AWS refuses replaced by {@code -}, and 6 hex digits of the SHA-256 of the plain form,
 * so that it stays stable across runs and unique among all the children of the program (logical names of children of
 * different components share the URN's type chain). Where the component's name would begin with a prefix AWS keeps
 * ({@code internal-}, {@code sg-}, {@code aws}), the hash comes first.
 */
public enum AwsName {

    /** CreateLoadBalancer (ELB API reference): 32 alphanumerics or hyphens, not beginning {@code internal-}. */
    LOAD_BALANCER("load balancer", 32, "[A-Za-z0-9-]", List.of("internal-"),
            "https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateLoadBalancer.html"),
    /** CreateTargetGroup (ELB API reference): 32 alphanumerics or hyphens; the provider's autoname allows 32 too. */
    TARGET_GROUP("target group", 32, "[A-Za-z0-9-]", List.of(),
            "https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateTargetGroup.html"),
    /** CreateRole (IAM API reference): 64 of {@code [\w+=,.@-]}. */
    IAM_ROLE("IAM role", 64, "[A-Za-z0-9_+=,.@-]", List.of(),
            "https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html"),
    /** PutRolePolicy / InlinePolicy (IAM API reference): 128 of {@code [\w+=,.@-]}. */
    IAM_POLICY("IAM inline policy", 128, "[A-Za-z0-9_+=,.@-]", List.of(),
            "https://docs.aws.amazon.com/IAM/latest/APIReference/API_InlinePolicy.html"),
    /** CreateInstanceProfile (IAM API reference): 128 of {@code [\w+=,.@-]}. */
    INSTANCE_PROFILE("instance profile", 128, "[A-Za-z0-9_+=,.@-]", List.of(),
            "https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateInstanceProfile.html"),
    /** CreateLaunchTemplate (EC2 API reference): 3-128 of {@code [a-zA-Z0-9().\-/_]}. */
    LAUNCH_TEMPLATE("launch template", 128, "[A-Za-z0-9()./_-]", List.of(),
            "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateLaunchTemplate.html"),
    /** CreateSecurityGroup (EC2 API reference): 255, not beginning {@code sg-}. */
    SECURITY_GROUP("security group", 255, "[A-Za-z0-9 ._:/()#,@\\[\\]+=&;{}!$*-]", List.of("sg-"),
            "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateSecurityGroup.html"),
    /** CreateLogGroup (CloudWatch Logs API reference): 512 of {@code [.\-_/#A-Za-z0-9]}. */
    LOG_GROUP("log group", 512, "[A-Za-z0-9._/#-]", List.of(),
            "https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_CreateLogGroup.html"),
    /** CreateCluster and CreateService (ECS API reference): 255 letters, digits, hyphens and underscores. */
    ECS("ECS cluster or service", 255, "[A-Za-z0-9_-]", List.of(),
            "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html"),
    /** CreateCapacityProvider (ECS API reference): 255, not prefixed with aws, ecs or fargate. */
    CAPACITY_PROVIDER("capacity provider", 255, "[A-Za-z0-9_-]", List.of("aws", "ecs", "fargate"),
            "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateCapacityProvider.html"),
    /** CreateSecret (Secrets Manager API reference): ASCII letters, digits and {@code /_+=.@-}. */
    SECRET("secret", 512, "[A-Za-z0-9/_+=.@-]", List.of(),
            "https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_CreateSecret.html"),
    /** CreateAutoScalingGroup (EC2 Auto Scaling API reference): 255, no colon. */
    AUTO_SCALING_GROUP("Auto Scaling group", 255, "[^:]", List.of(),
            "https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_CreateAutoScalingGroup.html"),
    /** PutScalingPolicy (Application Auto Scaling API reference): 256 printable characters. */
    SCALING_POLICY("scaling policy", 256, "[\\p{Print}]", List.of(),
            "https://docs.aws.amazon.com/ApplicationAutoScaling/latest/APIReference/API_PutScalingPolicy.html"),
    /**
     * PutMetricAlarm (CloudWatch API reference): AlarmName 1-255 UTF-8 characters, no ASCII control characters; the
     * provider autonames it within its 255.
     */
    METRIC_ALARM("CloudWatch alarm", 255, "[^\\x00-\\x1F\\x7F]", List.of(),
            "https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html"),
    /**
     * PutRule (EventBridge API reference): 1-64 of {@code [.\-_A-Za-z0-9]}; the provider declares the autoname 64
     * long.
     */
    EVENT_RULE("EventBridge rule", 64, "[A-Za-z0-9._-]", List.of(),
            "https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutRule.html");

    /** What the AWS provider appends to a logical name: {@code -} and 7 random characters. */
    public static final int AUTONAME_SUFFIX = 8;
    /** The longest name the AWS provider autonames where it declares no limit of its own (pulumi-aws v6). */
    private static final int PROVIDER_MAX = 255;
    private static final int HASH_DIGITS = 6;

    private final String what;
    private final int max;
    private final Pattern character;
    private final List<String> reservedPrefixes;
    private final String page;

    AwsName(String what, int max, String character, List<String> reservedPrefixes, String page) {
        this.what = what;
        this.max = max;
        this.character = Pattern.compile(character);
        this.reservedPrefixes = reservedPrefixes;
        this.page = page;
    }

    /** @return what AWS calls the resource, for messages */
    public String what() {
        return what;
    }

    /** @return the longest physical name AWS takes */
    public int max() {
        return max;
    }

    /** @return the AWS documentation page that states the rule */
    public String page() {
        return page;
    }

    /** @return the longest logical name whose autoname AWS and the provider take */
    public int maxLogical() {
        return Math.min(max, PROVIDER_MAX) - AUTONAME_SUFFIX;
    }

    /**
     * @param logicalName a logical name
     * @return whether the AWS provider's autoname of it is a name AWS takes
     */
    public boolean fits(String logicalName) {
        return logicalName.length() <= maxLogical() && logicalName.codePoints().allMatch(this::allowed)
                && reservedPrefix(logicalName).isEmpty() && !logicalName.startsWith("-");
    }

    private boolean allowed(int codePoint) {
        return character.matcher(new String(Character.toChars(codePoint))).matches();
    }

    private Optional<String> reservedPrefix(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return reservedPrefixes.stream().filter(lower::startsWith).findFirst();
    }

    /**
     * The logical name of a component's child whose physical name AWS takes.
     *
     * @param component the component's name
     * @param suffix    what names the child within the component, e.g. {@code -alb}
     * @return {@code component + suffix} when AWS takes its autoname; else a shortened, stable and unique form
     */
    public String child(String component, String suffix) {
        String plain = component + suffix;
        if (fits(plain)) {
            return plain;
        }
        String hash = hash(plain);
        int room = maxLogical() - suffix.length() - HASH_DIGITS - 1;
        var stem = new StringBuilder();
        component.codePoints().forEach(c -> stem.appendCodePoint(allowed(c) ? c : '-'));
        String kept = trimHyphens(stem.substring(0, Math.min(stem.length(), Math.max(room, 0))));
        String shortened = kept.isEmpty() ? hash + suffix : kept + "-" + hash + suffix;
        return reservedPrefix(shortened).isPresent() || shortened.startsWith("-")
                ? hash + (kept.isEmpty() ? "" : "-" + kept) + suffix : shortened;
    }

    /**
     * Checks a name that is kept whole (an ECS service's or cluster's, which operators type in commands).
     *
     * @param component the component's name, for the message
     * @param logical   the child's logical name made from it
     * @return a problem naming the limit and the longest component name that fits, or empty
     */
    public Optional<String> wholeNameProblem(String component, String logical) {
        int over = logical.length() - maxLogical();
        if (over <= 0) {
            return Optional.empty();
        }
        return Optional.of("'" + abbreviated(component) + "' has " + component.length() + " characters; the "
                + what + " is named '" + abbreviated(component) + logical.substring(component.length())
                + "' and the AWS provider appends " + AUTONAME_SUFFIX + " more, but AWS takes at most " + max
                + " (" + page + "): use a name of at most " + (component.length() - over) + " characters");
    }

    private static String abbreviated(String name) {
        return name.length() <= 40 ? name : name.substring(0, 20) + "..." + name.substring(name.length() - 8);
    }

    private static String trimHyphens(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '-') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '-') {
            end--;
        }
        return s.substring(start, end);
    }

    private static String hash(String plain) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(plain.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_DIGITS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
