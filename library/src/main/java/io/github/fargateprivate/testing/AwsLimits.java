package io.github.fargateprivate.testing;

import io.github.fargateprivate.testing.OfflineMocks.Registration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What AWS refuses and {@link OfflineMocks} accepts, checked on the registrations of a run: physical names (given,
 * prefixed or autonamed), security group rules per group and groups per network interface, the Application Load
 * Balancer quotas a program can count, and listener rule conditions. {@link OfflineRun#of} applies it after every run,
 * so no test of a component, a composite, a stack or a library user can forget it.
 *
 * <p>Each limit is written from AWS's documentation alone and names its page; nothing here asks this library's own
 * naming or validation, whose expectations are no evidence of what AWS accepts. What a run cannot resolve is skipped,
 * never reported: an input a preview leaves unknown, an ARN or id of a resource the program did not create (its
 * existing rules or listeners are not counted either, so counts there are lower bounds).
 */
public final class AwsLimits {

    // The AWS provider autonames a resource "<logical name>-" and 7 random characters, and refuses (at preview) an
    // autoname longer than its declared maximum, 255 unless the resource declares less:
    // https://github.com/pulumi/pulumi-terraform-bridge/blob/master/pkg/tfbridge/info/autonaming.go
    // https://github.com/pulumi/pulumi-aws/blob/v6.83.0/provider/resources.go
    private static final int AUTONAME_RANDOM = 7;
    private static final int PROVIDER_AUTONAME_MAX = 255;
    private static final String PROVIDER_PAGE =
            "https://github.com/pulumi/pulumi-aws/blob/v6.83.0/provider/resources.go";
    // With namePrefix/bucketPrefix the provider appends a 26-character unique id (id.UniqueIDSuffixLength):
    // https://github.com/hashicorp/terraform-plugin-sdk/blob/main/helper/id/id.go
    private static final int PREFIX_SUFFIX = 26;

    private static final String VPC_QUOTAS = "https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html";
    private static final String ALB_QUOTAS =
            "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-limits.html";
    private static final String CREATE_RULE =
            "https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateRule.html";
    private static final String CONDITION_TYPES =
            "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/rule-condition-types.html";
    private static final String ADD_RULE =
            "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/add-rule.html";

    private static final String SECURITY_GROUP = "aws:ec2/securityGroup:SecurityGroup";
    private static final String INGRESS_RULE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    private static final String EGRESS_RULE = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
    private static final String GROUP_RULE = "aws:ec2/securityGroupRule:SecurityGroupRule";
    private static final Set<String> LOAD_BALANCERS =
            Set.of("aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer");
    private static final Set<String> LISTENERS = Set.of("aws:lb/listener:Listener", "aws:alb/listener:Listener");
    private static final Set<String> LISTENER_RULES =
            Set.of("aws:lb/listenerRule:ListenerRule", "aws:alb/listenerRule:ListenerRule");

    private AwsLimits() {
    }

    /**
     * Checks what a run registered, with the made-up ids and ARNs that relate one resource to another.
     *
     * @param mocks the mocks of a finished run
     * @return every problem, each naming the resource's logical name and type, the limit and its AWS page; empty when
     *     AWS would accept all
     */
    public static List<String> problems(OfflineMocks mocks) {
        return problems(mocks.registrations(), mocks.generated(), !mocks.answersUnknown());
    }

    /**
     * Checks registrations.
     *
     * @param registrations what a program registered
     * @param generated     the values the mocks made up, each mapped to {@code <logicalName>.<output>} (as
     *                      {@link OfflineMocks#generated()}): how a rule's {@code securityGroupId} or
     *                      {@code listenerArn} names a resource of the same run
     * @param outputsKnown  false for a preview, where a missing {@code name} may be an unknown value rather than an
     *                      autoname: autonames are then not checked
     * @return every problem, each naming the resource's logical name and type, the limit and its AWS page; empty when
     *     AWS would accept all
     */
    public static List<String> problems(List<Registration> registrations, Map<String, String> generated,
                                        boolean outputsKnown) {
        List<Registration> typed = registrations.stream().filter(r -> r.type() != null).toList();
        List<String> problems = new ArrayList<>();
        typed.stream().filter(r -> NAMES.containsKey(r.type()))
                .forEach(r -> problems.addAll(names(r, NAMES.get(r.type()), outputsKnown)));
        problems.addAll(new SecurityGroupRules(typed, generated).problems());
        typed.forEach(r -> problems.addAll(groupsPerInterface(r)));
        problems.addAll(new LoadBalancers(typed, generated).problems());
        problems.addAll(priorities(typed, generated));
        typed.stream().filter(r -> LISTENER_RULES.contains(r.type()))
                .forEach(r -> problems.addAll(conditions(r)));
        return problems;
    }

    /**
     * Fails a run that registered what AWS would refuse.
     *
     * @param mocks the mocks of a finished run
     * @throws AssertionError listing every problem of {@link #problems(OfflineMocks)}
     */
    public static void check(OfflineMocks mocks) {
        List<String> problems = problems(mocks);
        if (!problems.isEmpty()) {
            throw new AssertionError(problems.size() + " registered resource problem(s) AWS would refuse "
                    + "(the mocks accept them):\n  - " + String.join("\n  - ", problems));
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Names

    /**
     * AWS's rule for one resource type's name.
     *
     * @param what        what the name names, for messages
     * @param field       the input holding the name
     * @param prefixField the input holding a name prefix, null when there is none
     * @param min         AWS's minimum length
     * @param max         AWS's maximum length
     * @param allowed     one allowed character
     * @param allowedText the allowed characters, for messages
     * @param autonameMax the provider's autoname maximum; 0 when the provider does not autoname the field
     * @param lowerCased  whether the provider lower-cases the logical name in the autoname
     * @param refused     what else AWS refuses in a name (or in its known beginning, when the flag is false)
     * @param page        the AWS page
     */
    private record NameRule(String what, String field, String prefixField, int min, int max, Pattern allowed,
                            String allowedText, int autonameMax, boolean lowerCased,
                            BiFunction<String, Boolean, String> refused, String page) {

        static NameRule of(String what, int max, String allowed, String allowedText, String page) {
            return new NameRule(what, "name", "namePrefix", 1, max, Pattern.compile(allowed), allowedText,
                    PROVIDER_AUTONAME_MAX, false, (name, complete) -> null, page);
        }

        NameRule autoname(int maxlen) {
            return new NameRule(what, field, prefixField, min, max, allowed, allowedText, maxlen, lowerCased, refused,
                    page);
        }

        NameRule refusing(BiFunction<String, Boolean, String> rule) {
            return new NameRule(what, field, prefixField, min, max, allowed, allowedText, autonameMax, lowerCased,
                    rule, page);
        }

        NameRule in(String nameField, String namePrefixField, int minLength, boolean lowerCasedAutoname) {
            return new NameRule(what, nameField, namePrefixField, minLength, max, allowed, allowedText, autonameMax,
                    lowerCasedAutoname, refused, page);
        }
    }

    private static final String ECS_CHARS = "[A-Za-z0-9_-]";
    private static final String ECS_CHARS_TEXT = "letters, digits, '-', '_'";
    private static final String IAM_CHARS = "[\\w+=,.@-]";
    private static final String IAM_CHARS_TEXT = "letters, digits, '_', '+', '=', ',', '.', '@', '-'";

    // https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateLoadBalancer.html: at most 32
    // alphanumeric characters or hyphens, not beginning or ending with a hyphen, not beginning with "internal-".
    private static final NameRule LOAD_BALANCER = NameRule.of("a load balancer name", 32, "[A-Za-z0-9-]",
            "letters, digits, '-'",
            "https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateLoadBalancer.html")
            .refusing((name, complete) -> name.startsWith("internal-") ? "begins with \"internal-\""
                    : hyphenEnds(name, complete));
    // https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateTargetGroup.html: the same,
    // without the "internal-" rule; lb.TargetGroup's autoname is declared 32 long, alb.TargetGroup's 255.
    private static final NameRule TARGET_GROUP = NameRule.of("a target group name", 32, "[A-Za-z0-9-]",
            "letters, digits, '-'",
            "https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateTargetGroup.html")
            .refusing(AwsLimits::hyphenEnds);

    // https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html: 3-63 lowercase letters, numbers,
    // dots and hyphens; begins and ends with a letter or number; no two adjacent periods; not an IP address; not
    // beginning with xn--, sthree- or amzn-s3-demo-; not ending with -s3alias, --ol-s3 or .mrap. The provider
    // lower-cases the logical name in the autoname, declared 63 long.
    private static final NameRule BUCKET = NameRule.of("an S3 bucket name", 63, "[a-z0-9.-]",
            "lowercase letters, digits, '.', '-'",
                    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html")
            .in("bucket", "bucketPrefix", 3, true).autoname(63).refusing(AwsLimits::bucketRefuses);

    private static final Map<String, NameRule> NAMES = Map.ofEntries(
            Map.entry("aws:lb/loadBalancer:LoadBalancer", LOAD_BALANCER),
            Map.entry("aws:alb/loadBalancer:LoadBalancer", LOAD_BALANCER),
            Map.entry("aws:lb/targetGroup:TargetGroup", TARGET_GROUP.autoname(32)),
            Map.entry("aws:alb/targetGroup:TargetGroup", TARGET_GROUP),
            // https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateSecurityGroup.html: up to 255
            // characters of a-z, A-Z, 0-9, spaces and ._-:/()#,@[]+=&;{}!$*; can't start with sg-.
            Map.entry(SECURITY_GROUP, NameRule.of("a security group name", 255,
                    "[A-Za-z0-9 ._\\-:/()#,@\\[\\]+=&;{}!$*]", "letters, digits, spaces and ._-:/()#,@[]+=&;{}!$*",
                    "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateSecurityGroup.html")
                    .refusing((name, complete) -> name.startsWith("sg-") ? "begins with \"sg-\"" : null)),
            // https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html: 1-64 of [\w+=,.@-]; the
            // provider declares the role's autoname 64 long.
            Map.entry("aws:iam/role:Role", NameRule.of("an IAM role name", 64, IAM_CHARS, IAM_CHARS_TEXT,
                    "https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html").autoname(64)),
            // https://docs.aws.amazon.com/IAM/latest/APIReference/API_PutRolePolicy.html: PolicyName 1-128 of
            // [\w+=,.@-].
            Map.entry("aws:iam/rolePolicy:RolePolicy", NameRule.of("an inline policy name", 128, IAM_CHARS,
                    IAM_CHARS_TEXT, "https://docs.aws.amazon.com/IAM/latest/APIReference/API_PutRolePolicy.html")),
            // https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateInstanceProfile.html: 1-128 of [\w+=,.@-].
            Map.entry("aws:iam/instanceProfile:InstanceProfile", NameRule.of("an instance profile name", 128,
                    IAM_CHARS, IAM_CHARS_TEXT,
                    "https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateInstanceProfile.html")),
            // https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreatePolicy.html: 1-128 of [\w+=,.@-].
            Map.entry("aws:iam/policy:Policy", NameRule.of("a managed policy name", 128, IAM_CHARS, IAM_CHARS_TEXT,
                    "https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreatePolicy.html")),
            // https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_CreateLogGroup.html: 1-512 of
            // [\.\-_/#A-Za-z0-9].
            Map.entry("aws:cloudwatch/logGroup:LogGroup", NameRule.of("a log group name", 512, "[.\\-_/#A-Za-z0-9]",
                    "letters, digits, '.', '-', '_', '/', '#'",
                    "https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_CreateLogGroup.html")),
            // https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateCluster.html: up to 255 letters,
            // numbers, hyphens and underscores.
            Map.entry("aws:ecs/cluster:Cluster", NameRule.of("an ECS cluster name", 255, ECS_CHARS, ECS_CHARS_TEXT,
                    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateCluster.html")),
            // https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html: the same for a service.
            Map.entry("aws:ecs/service:Service", NameRule.of("an ECS service name", 255, ECS_CHARS, ECS_CHARS_TEXT,
                    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html")),
            // https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html: family, up to
            // 255 letters, numbers, hyphens and underscores; the provider requires it (no autoname).
            Map.entry("aws:ecs/taskDefinition:TaskDefinition", NameRule.of("a task definition family", 255, ECS_CHARS,
                    ECS_CHARS_TEXT,
                    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html")
                    .in("family", null, 1, false).autoname(0)),
            // https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateCapacityProvider.html: up to 255
            // letters, numbers, underscores and hyphens; can't be prefixed with "aws", "ecs" or "fargate".
            Map.entry("aws:ecs/capacityProvider:CapacityProvider", NameRule.of("a capacity provider name", 255,
                    ECS_CHARS, ECS_CHARS_TEXT,
                    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateCapacityProvider.html")
                    .refusing((name, complete) -> name.toLowerCase(Locale.ROOT).matches("(aws|ecs|fargate).*")
                            ? "begins with \"aws\", \"ecs\" or \"fargate\" (in any case)" : null)),
            // https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_CreateSecret.html: 1-512 of ASCII
            // letters, numbers and /_+=.@-.
            Map.entry("aws:secretsmanager/secret:Secret", NameRule.of("a secret name", 512, "[A-Za-z0-9/_+=.@-]",
                    "letters, digits, '/', '_', '+', '=', '.', '@', '-'",
                    "https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_CreateSecret.html")),
            // https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_CreateAutoScalingGroup.html: 1-255 of
            // ASCII 33 to 126, no colon.
            Map.entry("aws:autoscaling/group:Group", NameRule.of("an Auto Scaling group name", 255,
                    "[\\x21-\\x39\\x3B-\\x7E]", "ASCII 33 to 126 except ':'",
                    "https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_CreateAutoScalingGroup.html")),
            // https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateLaunchTemplate.html: 3-128 of
            // [a-zA-Z0-9().\-/_].
            Map.entry("aws:ec2/launchTemplate:LaunchTemplate", NameRule.of("a launch template name", 128,
                    "[a-zA-Z0-9().\\-/_]", "letters, digits, '(', ')', '.', '-', '/', '_'",
                    "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateLaunchTemplate.html")
                    .in("name", "namePrefix", 3, false)),
            Map.entry("aws:s3/bucketV2:BucketV2", BUCKET),
            Map.entry("aws:s3/bucket:Bucket", BUCKET),
            // https://docs.aws.amazon.com/ApplicationAutoScaling/latest/APIReference/API_PutScalingPolicy.html:
            // PolicyName 1-256 of \p{Print}.
            Map.entry("aws:appautoscaling/policy:Policy", NameRule.of("a scaling policy name", 256, "\\p{Print}",
                    "printable ASCII", "https://docs.aws.amazon.com/ApplicationAutoScaling/latest/APIReference/"
                            + "API_PutScalingPolicy.html").in("name", null, 1, false)),
            // https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutRule.html: 1-64 of [\.\-_A-Za-z0-9];
            // the provider declares the autoname 64 long.
            Map.entry("aws:cloudwatch/eventRule:EventRule", NameRule.of("an EventBridge rule name", 64,
                    "[.\\-_A-Za-z0-9]", "letters, digits, '.', '-', '_'",
                    "https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutRule.html").autoname(64)),
            // https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html: AlarmName
            // 1-255 UTF-8 characters, no ASCII control characters.
            Map.entry("aws:cloudwatch/metricAlarm:MetricAlarm", NameRule.of("a CloudWatch alarm name", 255,
                    "[^\\x00-\\x1F\\x7F]", "UTF-8 characters but ASCII control characters",
                    "https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html")),
            // https://docs.aws.amazon.com/sns/latest/api/API_CreateTopic.html: 1-256 ASCII letters, numbers,
            // underscores and hyphens, a FIFO topic's ending in ".fifo"; the provider declares the autoname 80 long.
            Map.entry("aws:sns/topic:Topic", NameRule.of("an SNS topic name", 256, "[A-Za-z0-9_.-]",
                    "letters, digits, '_', '-' (and the suffix .fifo)",
                    "https://docs.aws.amazon.com/sns/latest/api/API_CreateTopic.html").autoname(80)
                    .refusing((name, complete) -> name.replaceFirst("\\.fifo$", "").contains(".")
                            ? "has a '.' other than a FIFO topic's suffix \".fifo\"" : null)));


    private static String hyphenEnds(String name, boolean complete) {
        if (name.startsWith("-")) {
            return "begins with '-'";
        }
        return complete && name.endsWith("-") ? "ends with '-'" : null;
    }

    private static String bucketRefuses(String name, boolean complete) {
        if (!name.isEmpty() && !Character.isLetterOrDigit(name.charAt(0))) {
            return "does not begin with a letter or digit";
        }
        if (complete && !name.isEmpty() && !Character.isLetterOrDigit(name.charAt(name.length() - 1))) {
            return "does not end with a letter or digit";
        }
        if (name.contains("..")) {
            return "has two adjacent periods";
        }
        if (name.matches("(xn--|sthree-|amzn-s3-demo-).*")) {
            return "begins with a prefix AWS reserves (xn--, sthree-, amzn-s3-demo-)";
        }
        if (complete && name.matches(".*(-s3alias|--ol-s3|\\.mrap)")) {
            return "ends with a suffix AWS reserves (-s3alias, --ol-s3, .mrap)";
        }
        return complete && name.matches("\\d{1,3}(\\.\\d{1,3}){3}") ? "is formatted as an IP address" : null;
    }

    private static List<String> names(Registration r, NameRule rule, boolean outputsKnown) {
        String name = text(r.inputs().get(rule.field()));
        if (name != null) {
            return name(r, rule, rule.field() + " \"" + name + "\"", name, name.length(), rule.max(), true);
        }
        String prefix = rule.prefixField() == null ? null : text(r.inputs().get(rule.prefixField()));
        if (prefix != null) {
            return name(r, rule, rule.prefixField() + " \"" + prefix + "\" with the " + PREFIX_SUFFIX
                    + " characters the provider appends", prefix, prefix.length() + PREFIX_SUFFIX, rule.max(), false);
        }
        if (rule.autonameMax() == 0 || !outputsKnown) {
            return List.of();
        }
        String stem = (rule.lowerCased() ? r.name().toLowerCase(Locale.ROOT) : r.name()) + "-";
        return name(r, rule, "the autoname \"" + stem + "\" + " + AUTONAME_RANDOM + " random characters", stem,
                stem.length() + AUTONAME_RANDOM, Math.min(rule.max(), rule.autonameMax()), false);
    }

    /**
     * @param shown    how the name is shown
     * @param known    the characters of the name that are known (all of it, a prefix, or an autoname's stem)
     * @param length   the name's full length
     * @param limit    the longest name allowed
     * @param complete whether {@code known} is the whole name
     */
    private static List<String> name(Registration r, NameRule rule, String shown, String known, int length, int limit,
                                     boolean complete) {
        List<String> problems = new ArrayList<>();
        String at = who(r) + ": " + shown;
        if (length > limit) {
            problems.add(limit < rule.max()
                    ? at + " is " + length + " characters, over the " + limit + " the AWS provider's autoname allows ("
                    + PROVIDER_PAGE + "; AWS allows " + rule.max() + " in " + rule.what() + ", " + rule.page() + ")"
                    : at + " is " + length + " characters, over the " + limit + " AWS allows in " + rule.what()
                    + " (" + rule.page() + ")");
        }
        if (length < rule.min()) {
            problems.add(at + " is " + length + " characters; AWS requires at least " + rule.min() + " in "
                    + rule.what() + " (" + rule.page() + ")");
        }
        String refused = refused(known, rule.allowed());
        if (!refused.isEmpty()) {
            problems.add(at + " has characters AWS refuses in " + rule.what() + ": " + refused + " (allowed: "
                    + rule.allowedText() + "; " + rule.page() + ")");
        }
        String other = rule.refused().apply(known, complete);
        if (other != null) {
            problems.add(at + " " + other + ", which AWS refuses in " + rule.what() + " (" + rule.page() + ")");
        }
        return problems;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Security groups

    // https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html: 60 inbound and 60 outbound rules per
    // security group, enforced separately for IPv4 and IPv6 rules. Each CIDR block, referenced group and prefix list
    // of a rule is a rule of its own; a reference to a group or a prefix list is of neither family, so it is counted
    // in both (the stricter reading). A customer-managed prefix list counts as its maximum entries, which a run does
    // not know: it counts one here.
    private static final int RULES_PER_GROUP = 60;
    private static final String[] RULE_KINDS = {"inbound IPv4", "inbound IPv6", "outbound IPv4", "outbound IPv6"};

    /** The rules of each security group of a run, by direction and address family. */
    private static final class SecurityGroupRules {
        private final Map<String, int[]> counts = new LinkedHashMap<>();
        private final Map<String, String> shown = new HashMap<>();

        SecurityGroupRules(List<Registration> registrations, Map<String, String> generated) {
            Map<String, String> made = reverse(generated);
            for (Registration r : registrations) {
                switch (r.type()) {
                    case SECURITY_GROUP -> inline(r, made.getOrDefault(r.name() + ".id", "unknown id of " + r.name()));
                    case INGRESS_RULE, EGRESS_RULE -> separate(r, INGRESS_RULE.equals(r.type()) ? 0 : 2);
                    case GROUP_RULE -> groupRule(r);
                    default -> { }
                }
            }
        }

        private void inline(Registration r, String group) {
            shown.put(group, who(r));
            blocks(r.inputs().get("ingress")).forEach(b -> count(group, 0, b));
            blocks(r.inputs().get("egress")).forEach(b -> count(group, 2, b));
        }

        /** A vpc rule names exactly one CIDR block, group or prefix list. */
        private void separate(Registration r, int direction) {
            String group = text(r.inputs().get("securityGroupId"));
            if (group != null) {
                boolean reference = r.inputs().get("referencedSecurityGroupId") != null
                        || r.inputs().get("prefixListId") != null;
                add(group, direction, text(r.inputs().get("cidrIpv4")) != null ? 1 : 0,
                        text(r.inputs().get("cidrIpv6")) != null ? 1 : 0, reference ? 1 : 0);
            }
        }

        private void groupRule(Registration r) {
            String group = text(r.inputs().get("securityGroupId"));
            if (group != null) {
                Map<String, Object> block = new HashMap<>(r.inputs());
                Object source = r.inputs().get("sourceSecurityGroupId");
                block.put("securityGroups", source == null ? List.of() : List.of(source));
                count(group, "egress".equals(r.inputs().get("type")) ? 2 : 0, block);
            }
        }

        /** Counts one rule block: its CIDR blocks by family, its referenced groups and prefix lists in both. */
        private void count(String group, int direction, Map<String, Object> block) {
            int references = list(block.get("securityGroups")).size() + list(block.get("prefixListIds")).size()
                    + (Boolean.TRUE.equals(block.get("self")) ? 1 : 0);
            add(group, direction, list(block.get("cidrBlocks")).size(), list(block.get("ipv6CidrBlocks")).size(),
                    references);
        }

        private void add(String group, int direction, int ipv4, int ipv6, int references) {
            int[] n = counts.computeIfAbsent(group, g -> new int[RULE_KINDS.length]);
            n[direction] += ipv4 + references;
            n[direction + 1] += ipv6 + references;
        }

        List<String> problems() {
            List<String> problems = new ArrayList<>();
            counts.forEach((group, n) -> {
                for (int kind = 0; kind < RULE_KINDS.length; kind++) {
                    if (n[kind] > RULES_PER_GROUP) {
                        problems.add(shown.getOrDefault(group, "security group " + group + " (not created by this "
                                + "run)") + ": " + n[kind] + " " + RULE_KINDS[kind] + " rules (inline blocks and rule "
                                + "resources; each CIDR block, referenced group and prefix list is one), over the "
                                + RULES_PER_GROUP + " AWS allows per security group (" + VPC_QUOTAS + ")");
                    }
                }
            });
            return problems;
        }
    }

    // https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html: 5 security groups per network
    // interface.
    private static final int GROUPS_PER_INTERFACE = 5;

    private static List<String> groupsPerInterface(Registration r) {
        Map<String, List<Object>> lists = new LinkedHashMap<>();
        if ("aws:ecs/service:Service".equals(r.type())) {
            lists.put("networkConfiguration.securityGroups",
                    list(block(r.inputs().get("networkConfiguration")).get("securityGroups")));
        } else if ("aws:ec2/launchTemplate:LaunchTemplate".equals(r.type())) {
            lists.put("vpcSecurityGroupIds", list(r.inputs().get("vpcSecurityGroupIds")));
            lists.put("securityGroupNames", list(r.inputs().get("securityGroupNames")));
            List<Map<String, Object>> interfaces = blocks(r.inputs().get("networkInterfaces"));
            for (int i = 0; i < interfaces.size(); i++) {
                lists.put("networkInterfaces[" + i + "].securityGroups",
                        list(interfaces.get(i).get("securityGroups")));
            }
        }
        List<String> problems = new ArrayList<>();
        lists.forEach((field, groups) -> {
            long n = groups.stream().filter(g -> g != null).distinct().count();
            if (n > GROUPS_PER_INTERFACE) {
                problems.add(who(r) + ": " + field + " has " + n + " security groups, over the "
                        + GROUPS_PER_INTERFACE + " AWS allows per network interface (" + VPC_QUOTAS + ")");
            }
        });
        return problems;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Application Load Balancer quotas (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/
    // load-balancer-limits.html): listeners per load balancer 50; rules per load balancer 100, default rules
    // excluded; target groups per load balancer 100; load balancers per target group 1; target groups per action 5.

    private static final int LISTENERS_PER_LOAD_BALANCER = 50;
    private static final int RULES_PER_LOAD_BALANCER = 100;
    private static final int TARGET_GROUPS_PER_LOAD_BALANCER = 100;
    private static final int TARGET_GROUPS_PER_ACTION = 5;
    private static final Pattern LISTENER_ARN = Pattern.compile(":listener/((?:app|net)/[^/]+/[^/]+)/[^/]+$");
    private static final Pattern LOAD_BALANCER_ARN = Pattern.compile(":loadbalancer/((?:app|net)/[^/]+/[^/]+)$");

    /** The listeners, rules and target groups of each load balancer of a run. */
    private static final class LoadBalancers {
        private final Map<String, String> generated;
        private final Map<String, Registration> byName = new HashMap<>();
        private final Map<String, String> loadBalancerOfListener = new HashMap<>();
        private final Map<String, Set<String>> listeners = new TreeMap<>();
        private final Map<String, Set<String>> rules = new TreeMap<>();
        private final Map<String, Set<String>> targetGroups = new TreeMap<>();
        private final Map<String, Set<String>> loadBalancersOfTargetGroup = new TreeMap<>();
        private final List<String> problems = new ArrayList<>();

        LoadBalancers(List<Registration> registrations, Map<String, String> generated) {
            this.generated = generated;
            registrations.forEach(r -> byName.putIfAbsent(r.name(), r));
            registrations.stream().filter(r -> LISTENERS.contains(r.type())).forEach(this::listener);
            registrations.stream().filter(r -> LISTENER_RULES.contains(r.type())).forEach(this::rule);
        }

        private void listener(Registration r) {
            String loadBalancer = loadBalancer(text(r.inputs().get("loadBalancerArn")));
            if (loadBalancer != null) {
                loadBalancerOfListener.put(r.name(), loadBalancer);
                listeners.computeIfAbsent(loadBalancer, k -> new LinkedHashSet<>()).add(r.name());
            }
            forward(r, "defaultActions", loadBalancer);
        }

        private void rule(Registration r) {
            String listenerArn = text(r.inputs().get("listenerArn"));
            String loadBalancer = null;
            if (listenerArn != null) {
                String listener = madeBy(generated, listenerArn, "arn");
                Matcher existing = LISTENER_ARN.matcher(listenerArn);
                loadBalancer = listener != null ? loadBalancerOfListener.get(listener)
                        : existing.find() ? "load balancer " + existing.group(1) + " (not created by this run)" : null;
            }
            if (loadBalancer != null) {
                rules.computeIfAbsent(loadBalancer, k -> new LinkedHashSet<>()).add(r.name());
            }
            forward(r, "actions", loadBalancer);
        }

        /** @return how a load balancer ARN is shown, null when unknown */
        private String loadBalancer(String arn) {
            if (arn == null) {
                return null;
            }
            String name = madeBy(generated, arn, "arn");
            if (name != null) {
                return byName.containsKey(name) ? who(byName.get(name)) : name;
            }
            Matcher existing = LOAD_BALANCER_ARN.matcher(arn);
            return "load balancer " + (existing.find() ? existing.group(1) : arn) + " (not created by this run)";
        }

        private void forward(Registration r, String field, String loadBalancer) {
            for (Map<String, Object> action : blocks(r.inputs().get(field))) {
                Set<String> arns = new LinkedHashSet<>();
                if (text(action.get("targetGroupArn")) != null) {
                    arns.add(text(action.get("targetGroupArn")));
                }
                List<Map<String, Object>> weighted = blocks(block(action.get("forward")).get("targetGroups"));
                weighted.forEach(t -> {
                    if (text(t.get("arn")) != null) {
                        arns.add(text(t.get("arn")));
                    }
                });
                if (weighted.size() > TARGET_GROUPS_PER_ACTION) {
                    problems.add(who(r) + ": a forward action of " + field + " has " + weighted.size()
                            + " target groups, over the " + TARGET_GROUPS_PER_ACTION + " AWS allows per action ("
                            + ALB_QUOTAS + ")");
                }
                if (loadBalancer != null) {
                    targetGroups.computeIfAbsent(loadBalancer, k -> new LinkedHashSet<>()).addAll(arns);
                    arns.forEach(arn -> loadBalancersOfTargetGroup.computeIfAbsent(arn, k -> new LinkedHashSet<>())
                            .add(loadBalancer));
                }
            }
        }

        List<String> problems() {
            over(listeners, LISTENERS_PER_LOAD_BALANCER, "listeners", "listeners per load balancer");
            over(rules, RULES_PER_LOAD_BALANCER, "listener rules",
                    "rules per load balancer, default rules excluded");
            over(targetGroups, TARGET_GROUPS_PER_LOAD_BALANCER, "target groups in forward actions",
                    "target groups per load balancer");
            loadBalancersOfTargetGroup.forEach((arn, loadBalancers) -> {
                if (loadBalancers.size() > 1) {
                    String name = madeBy(generated, arn, "arn");
                    problems.add((name != null && byName.containsKey(name) ? who(byName.get(name))
                            : "target group " + arn) + ": forwarded to by " + loadBalancers.size()
                            + " load balancers (" + String.join(", ", loadBalancers)
                            + "), over the 1 AWS allows per target group (" + ALB_QUOTAS + ")");
                }
            });
            return problems;
        }

        private void over(Map<String, Set<String>> counted, int limit, String what, String quota) {
            counted.forEach((loadBalancer, items) -> {
                if (items.size() > limit) {
                    problems.add(loadBalancer + ": " + items.size() + " " + what + ", over the " + limit
                            + " AWS allows (" + quota + ", " + ALB_QUOTAS + ")");
                }
            });
        }
    }

    // https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateRule.html: a listener can't have
    // multiple rules with the same priority; a priority is 1-50000.
    private static List<String> priorities(List<Registration> registrations, Map<String, String> generated) {
        Map<String, Map<Long, List<Registration>>> byListener = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        registrations.stream().filter(r -> LISTENER_RULES.contains(r.type())).forEach(r -> {
            String listener = text(r.inputs().get("listenerArn"));
            if (!(r.inputs().get("priority") instanceof Number number)) {
                return;
            }
            long priority = Math.round(number.doubleValue());
            if (priority < 1 || priority > 50000) {
                problems.add(who(r) + ": priority " + priority + " is outside the 1-50000 AWS allows ("
                        + CREATE_RULE + ")");
            }
            if (listener != null) {
                byListener.computeIfAbsent(listener, k -> new TreeMap<>())
                        .computeIfAbsent(priority, k -> new ArrayList<>()).add(r);
            }
        });
        byListener.forEach((listener, byPriority) -> byPriority.forEach((priority, rules) -> {
            if (rules.size() > 1) {
                String name = madeBy(generated, listener, "arn");
                problems.add(rules.stream().map(AwsLimits::who).collect(Collectors.joining(", ")) + ": share priority "
                        + priority + " on listener " + (name != null ? name : listener) + "; AWS refuses two rules "
                        + "of one priority on a listener (" + CREATE_RULE + ")");
            }
        }));
        return problems;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Listener rule conditions

    // ALB quotas page: 5 condition values and 5 wildcards per rule. Wildcards are allowed in host-header,
    // path-pattern, http-header and query-string conditions (rule-condition-types.html).
    private static final int VALUES_PER_RULE = 5;
    private static final int WILDCARDS_PER_RULE = 5;
    // https://docs.aws.amazon.com/elasticloadbalancing/latest/application/rule-condition-types.html: a host name is up
    // to 128 of A-Z, a-z, 0-9, - . * ?, with at least one '.' and only letters after the last one. The page "Add a
    // listener rule" (add-rule.html) also allows '_'.
    private static final int CONDITION_VALUE_MAX = 128;
    private static final Pattern HOST_CHAR = Pattern.compile("[A-Za-z0-9\\-_.*?]");
    // rule-condition-types.html: a path pattern is up to 128 of A-Z, a-z, 0-9, _ - . $ / ~ " ' @ : + & * ?.
    private static final Pattern PATH_CHAR = Pattern.compile("[A-Za-z0-9_\\-.$/~\"'@:+&*?]");

    private static List<String> conditions(Registration r) {
        List<String> problems = new ArrayList<>();
        int values = 0;
        int wildcards = 0;
        for (Map<String, Object> condition : blocks(r.inputs().get("conditions"))) {
            List<String> hosts = strings(block(condition.get("hostHeader")).get("values"));
            List<String> paths = strings(block(condition.get("pathPattern")).get("values"));
            List<String> headers = strings(block(condition.get("httpHeader")).get("values"));
            List<String> queries = new ArrayList<>();
            blocks(condition.get("queryStrings")).forEach(q -> {
                queries.add(String.valueOf(q.getOrDefault("key", "")) + q.getOrDefault("value", ""));
            });
            values += hosts.size() + paths.size() + headers.size() + queries.size()
                    + strings(block(condition.get("httpRequestMethod")).get("values")).size()
                    + strings(block(condition.get("sourceIp")).get("values")).size();
            for (List<String> wild : List.of(hosts, paths, headers, queries)) {
                wildcards += wild.stream().mapToInt(v -> (int) v.chars().filter(c -> c == '*' || c == '?').count())
                        .sum();
            }
            hosts.forEach(h -> problems.addAll(host(r, h)));
            paths.forEach(p -> problems.addAll(path(r, p)));
        }
        if (values > VALUES_PER_RULE) {
            problems.add(who(r) + ": " + values + " condition values, over the " + VALUES_PER_RULE
                    + " AWS allows per rule (" + ALB_QUOTAS + ")");
        }
        if (wildcards > WILDCARDS_PER_RULE) {
            problems.add(who(r) + ": " + wildcards + " wildcards ('*', '?') in its conditions, over the "
                    + WILDCARDS_PER_RULE + " AWS allows per rule (" + ALB_QUOTAS + ")");
        }
        return problems;
    }

    private static List<String> host(Registration r, String host) {
        List<String> problems = new ArrayList<>();
        String at = who(r) + ": host header \"" + host + "\"";
        String pages = " (" + CONDITION_TYPES + "; '_': " + ADD_RULE + ")";
        if (host.length() > CONDITION_VALUE_MAX) {
            problems.add(at + " is " + host.length() + " characters, over the " + CONDITION_VALUE_MAX
                    + " AWS allows" + pages);
        }
        String refused = refused(host, HOST_CHAR);
        if (!refused.isEmpty()) {
            problems.add(at + " has characters AWS refuses in a host condition: " + refused
                    + " (allowed: letters, digits, '-', '_', '.', '*', '?')" + pages);
        }
        int dot = host.lastIndexOf('.');
        if (dot < 0) {
            problems.add(at + " has no '.'; AWS requires at least one in a host condition" + pages);
        } else if (!host.substring(dot + 1).matches("[A-Za-z]*")) {
            problems.add(at + ": only letters may follow the last '.' in a host condition" + pages);
        }
        return problems;
    }

    private static List<String> path(Registration r, String path) {
        List<String> problems = new ArrayList<>();
        String at = who(r) + ": path pattern \"" + path + "\"";
        if (path.length() > CONDITION_VALUE_MAX) {
            problems.add(at + " is " + path.length() + " characters, over the " + CONDITION_VALUE_MAX
                    + " AWS allows (" + CONDITION_TYPES + ")");
        }
        String refused = refused(path, PATH_CHAR);
        if (!refused.isEmpty()) {
            problems.add(at + " has characters AWS refuses in a path condition: " + refused + " (allowed: letters, "
                    + "digits, _ - . $ / ~ \" ' @ : + & * ?; " + CONDITION_TYPES + ")");
        }
        return problems;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Reading registrations

    private static String who(Registration r) {
        return r.name() + " (" + r.type() + ")";
    }

    private static String refused(String value, Pattern allowed) {
        return value.chars().filter(c -> !allowed.matcher(Character.toString(c)).matches()).distinct()
                .mapToObj(c -> "'" + Character.toString(c) + "'").collect(Collectors.joining(", "));
    }

    /** @return the logical name of the resource whose {@code output} the mocks made up as {@code value}, or null */
    private static String madeBy(Map<String, String> generated, String value, String output) {
        String origin = generated.get(value);
        return origin != null && origin.endsWith("." + output)
                ? origin.substring(0, origin.length() - output.length() - 1) : null;
    }

    private static Map<String, String> reverse(Map<String, String> generated) {
        Map<String, String> made = new HashMap<>();
        generated.forEach((value, origin) -> made.putIfAbsent(origin, value));
        return made;
    }

    private static String text(Object value) {
        return value instanceof String s ? s : null;
    }

    private static List<Object> list(Object value) {
        return value instanceof List<?> l ? new ArrayList<>(l) : List.of();
    }

    private static List<String> strings(Object value) {
        return list(value).stream().filter(v -> v instanceof String).map(v -> (String) v).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> block(Object value) {
        if (value instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        // The provider writes a block of at most one as a list of one.
        return value instanceof List<?> l && l.size() == 1 && l.get(0) instanceof Map<?, ?> m
                ? (Map<String, Object>) m : Map.of();
    }

    private static List<Map<String, Object>> blocks(Object value) {
        return list(value).stream().filter(v -> v instanceof Map<?, ?>).map(AwsLimits::block).toList();
    }
}
