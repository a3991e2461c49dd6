package io.github.fargateprivate.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The state AWS answers for a resource it has just created, in AWS's shapes: ids with the prefix and hex digits AWS
 * gives them, ids that are the ARN or the name where the AWS provider makes them so, ARNs with AWS's resource paths,
 * and the outputs programs read. Hex digits come from the logical name, so a resource answers the same every run.
 * Every made-up value goes through the recorder, so that the offline plan can show it as known only after deployment.
 */
final class AwsState {

    /** Records a made-up value of a resource's output. */
    interface Recorder {
        /**
         * @param resource the resource's logical name
         * @param output   the output
         * @param value    the value made up
         * @return the value
         */
        String made(String resource, String output, String value);
    }

    /** An EC2 id's prefix, and the resource type in the ARN (EC2 API Reference, "Resource IDs"). */
    private record Ec2Kind(String prefix, String arnType) {
    }

    private static final Map<String, Ec2Kind> EC2 = Map.ofEntries(
            Map.entry("aws:ec2/vpc:Vpc", new Ec2Kind("vpc-", "vpc")),
            Map.entry("aws:ec2/subnet:Subnet", new Ec2Kind("subnet-", "subnet")),
            Map.entry("aws:ec2/routeTable:RouteTable", new Ec2Kind("rtb-", "route-table")),
            // An association has an id but no ARN.
            Map.entry("aws:ec2/routeTableAssociation:RouteTableAssociation", new Ec2Kind("rtbassoc-", "")),
            Map.entry("aws:ec2/securityGroup:SecurityGroup", new Ec2Kind("sg-", "security-group")),
            Map.entry("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
                    new Ec2Kind("sgr-", "security-group-rule")),
            Map.entry("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
                    new Ec2Kind("sgr-", "security-group-rule")),
            Map.entry("aws:ec2/internetGateway:InternetGateway", new Ec2Kind("igw-", "internet-gateway")),
            Map.entry("aws:ec2/natGateway:NatGateway", new Ec2Kind("nat-", "natgateway")),
            Map.entry("aws:ec2/eip:Eip", new Ec2Kind("eipalloc-", "elastic-ip")),
            Map.entry("aws:ec2/vpcEndpoint:VpcEndpoint", new Ec2Kind("vpce-", "vpc-endpoint")),
            Map.entry("aws:ec2/launchTemplate:LaunchTemplate", new Ec2Kind("lt-", "launch-template")),
            Map.entry("aws:ec2/instance:Instance", new Ec2Kind("i-", "instance")),
            Map.entry("aws:ec2/networkInterface:NetworkInterface", new Ec2Kind("eni-", "network-interface")),
            Map.entry("aws:ec2/networkAcl:NetworkAcl", new Ec2Kind("acl-", "network-acl")));

    private static final String LOAD_BALANCER = "aws:lb/loadBalancer:LoadBalancer";
    private static final String TARGET_GROUP = "aws:lb/targetGroup:TargetGroup";
    private static final String LISTENER = "aws:lb/listener:Listener";
    private static final String LISTENER_RULE = "aws:lb/listenerRule:ListenerRule";
    private static final String TASK_DEFINITION = "aws:ecs/taskDefinition:TaskDefinition";
    private static final String KMS_KEY = "aws:kms/key:Key";
    private static final String SECRET_VERSION = "aws:secretsmanager/secretVersion:SecretVersion";

    // The AWS provider sets the ARN as the id of these once created (the "id" attribute its resource docs list) ...
    private static final Set<String> ID_IS_ARN = Set.of(LOAD_BALANCER, TARGET_GROUP, LISTENER, LISTENER_RULE,
            "aws:secretsmanager/secret:Secret", "aws:ecs/cluster:Cluster", "aws:ecs/service:Service",
            "aws:ecs/capacityProvider:CapacityProvider", "aws:acm/certificate:Certificate", "aws:sns/topic:Topic",
            "aws:iam/policy:Policy");
    // ... and the name for these.
    private static final Set<String> ID_IS_NAME = Set.of("aws:iam/role:Role", "aws:cloudwatch/logGroup:LogGroup",
            "aws:ecr/repository:Repository", "aws:iam/instanceProfile:InstanceProfile",
            "aws:autoscaling/group:Group", "aws:ssm/parameter:Parameter", "aws:cloudwatch/metricAlarm:MetricAlarm",
            "aws:cloudwatch/eventRule:EventRule");

    private final String type;
    private final String resource;
    private final Map<String, Object> inputs;
    private final String region;
    private final Recorder recorder;
    private final Map<String, Object> state;

    private AwsState(String type, String resource, Map<String, Object> inputs, String region, Recorder recorder) {
        // The alb module holds the lb module's resources under other tokens.
        this.type = type.startsWith("aws:alb/") ? "aws:lb/" + type.substring("aws:alb/".length()) : type;
        this.resource = resource;
        this.inputs = inputs;
        this.region = region;
        this.recorder = recorder;
        this.state = new LinkedHashMap<>(inputs);
    }

    /**
     * @param type     an AWS type token
     * @param resource the logical name
     * @param inputs   the inputs
     * @param region   the region of the resource's provider
     * @param recorder where made-up values go
     * @return the inputs, with the id under {@code id} and the outputs AWS assigns
     */
    static Map<String, Object> of(String type, String resource, Map<String, Object> inputs, String region,
                                  Recorder recorder) {
        return new AwsState(type, resource, inputs, region, recorder).build();
    }

    private Map<String, Object> build() {
        String name = physicalName();
        Ec2Kind ec2 = EC2.get(type);
        String arn;
        if (ec2 != null) {
            String id = made("id", ec2.prefix() + hex(resource));
            state.put("id", id);
            arn = ec2.arnType().isEmpty() ? arn(name) : arn("ec2", ec2.arnType() + "/" + id);
        } else {
            arn = isBucket() ? "arn:aws:s3:::" + name : arn(name);
        }
        state.put("arn", made("arn", arn));
        outputs(name, arn);
        if (ec2 == null) {
            state.put("id", id(name, arn));
        }
        return state;
    }

    private boolean isBucket() {
        return type.equals("aws:s3/bucket:Bucket") || type.equals("aws:s3/bucketV2:BucketV2");
    }

    /** The name AWS knows the resource by: given, or made up as Pulumi's autonaming would (logical name + suffix). */
    private String physicalName() {
        String name = inputs.containsKey("name") ? String.valueOf(inputs.get("name"))
                : made("name", resource + "-1a2b3c4");
        state.put("name", name);
        if (!isBucket()) {
            return name;
        }
        String bucket = inputs.containsKey("bucket") ? String.valueOf(inputs.get("bucket"))
                : made("bucket", resource + "-1a2b3c4");
        state.put("bucket", bucket);
        return bucket;
    }

    private String id(String name, String arn) {
        if (ID_IS_ARN.contains(type)) {
            return arn;
        }
        if (ID_IS_NAME.contains(type) || isBucket()) {
            return name;
        }
        if (type.startsWith("aws:s3/bucket") && inputs.containsKey("bucket")) {
            // A bucket's policy, encryption, lifecycle, ...: the provider's id is the bucket's name.
            return String.valueOf(inputs.get("bucket"));
        }
        return switch (type) {
            case TASK_DEFINITION -> String.valueOf(inputs.get("family"));
            case KMS_KEY -> String.valueOf(state.get("keyId"));
            case SECRET_VERSION -> made("id", inputs.get("secretId") + "|" + state.get("versionId"));
            default -> made("id", resource + "-id");
        };
    }

    private String arn(String name) {
        return switch (type) {
            case "aws:secretsmanager/secret:Secret" -> arn("secretsmanager", "secret:" + name + "-AbCdEf");
            case "aws:iam/role:Role" -> global("iam", "role" + path() + name);
            case "aws:iam/instanceProfile:InstanceProfile" -> global("iam", "instance-profile" + path() + name);
            case "aws:iam/policy:Policy" -> global("iam", "policy" + path() + name);
            case "aws:cloudwatch/logGroup:LogGroup" -> arn("logs", "log-group:" + name);
            case "aws:cloudwatch/metricAlarm:MetricAlarm" -> arn("cloudwatch", "alarm:" + name);
            // A rule of the default event bus: EventBridge's resource type "rule" (Service Authorization Reference).
            case "aws:cloudwatch/eventRule:EventRule" -> arn("events", "rule/" + name);
            case LOAD_BALANCER -> arn("elasticloadbalancing", "loadbalancer/" + loadBalancerPath(name));
            case TARGET_GROUP -> arn("elasticloadbalancing", "targetgroup/" + name + "/" + hex16(resource));
            case LISTENER -> below("loadBalancerArn", "loadbalancer", "listener",
                    "app/" + resource + "/" + hex16(resource + " load balancer"));
            case LISTENER_RULE -> below("listenerArn", "listener", "listener-rule",
                    "app/" + resource + "/" + hex16(resource + " load balancer") + "/"
                            + hex16(resource + " listener"));
            case "aws:ecs/cluster:Cluster" -> arn("ecs", "cluster/" + name);
            case TASK_DEFINITION -> arn("ecs", "task-definition/" + inputs.get("family") + ":1");
            case "aws:ecs/service:Service" -> arn("ecs", "service/" + clusterName() + "/" + name);
            case "aws:ecs/capacityProvider:CapacityProvider" -> arn("ecs", "capacity-provider/" + name);
            case KMS_KEY -> arn("kms", "key/" + uuid(name, "0000"));
            case "aws:acm/certificate:Certificate" -> arn("acm", "certificate/" + uuid(name, "1111"));
            // A parameter's ARN has one slash before its name, which may start with a slash of its own.
            case "aws:ssm/parameter:Parameter" -> arn("ssm", "parameter" + (name.startsWith("/") ? "" : "/") + name);
            case "aws:autoscaling/group:Group" -> arn("autoscaling", "autoScalingGroup:" + uuid(name, "2222")
                    + ":autoScalingGroupName/" + name);
            case "aws:ecr/repository:Repository" -> arn("ecr", "repository/" + name);
            default -> arn(type.split("[:/]")[1], name);
        };
    }

    /** Outputs besides the id and the ARN that programs read. */
    private void outputs(String name, String arn) {
        switch (type) {
            case LOAD_BALANCER -> {
                state.put("dnsName", made("dnsName", name + "-1234567890." + region + ".elb.amazonaws.com"));
                state.put("zoneId", OfflineMocks.LOAD_BALANCER_ZONE_ID);
                state.put("arnSuffix", made("arnSuffix", arn.substring(arn.indexOf(":loadbalancer/") + 14)));
            }
            case TARGET_GROUP -> state.put("arnSuffix", made("arnSuffix", arn.substring(arn.lastIndexOf(':') + 1)));
            case TASK_DEFINITION -> {
                state.put("revision", 1);
                state.put("arnWithoutRevision", made("arnWithoutRevision", arn.substring(0, arn.lastIndexOf(':'))));
            }
            case KMS_KEY -> state.put("keyId", made("id", arn.substring(arn.indexOf(":key/") + 5)));
            case SECRET_VERSION -> state.put("versionId", made("versionId", "v-" + resource));
            case "aws:ecr/repository:Repository" -> {
                state.put("registryId", OfflineMocks.ACCOUNT);
                state.put("repositoryUrl", made("repositoryUrl",
                        OfflineMocks.ACCOUNT + ".dkr.ecr." + region + ".amazonaws.com/" + name));
            }
            case "aws:ec2/launchTemplate:LaunchTemplate" -> {
                state.put("latestVersion", 1);
                state.put("defaultVersion", 1);
            }
            // A gateway endpoint routes to the service's prefix list, which security groups name for egress.
            case "aws:ec2/vpcEndpoint:VpcEndpoint" -> {
                if ("Gateway".equals(inputs.get("vpcEndpointType"))) {
                    state.put("prefixListId", made("prefixListId", "pl-" + hex(resource).substring(9)));
                }
            }
            case "aws:ec2/vpc:Vpc" -> {
                state.put("defaultSecurityGroupId", made("defaultSecurityGroupId", "sg-" + hex(resource + " sg")));
                state.put("defaultNetworkAclId", made("defaultNetworkAclId", "acl-" + hex(resource + " acl")));
                String main = made("mainRouteTableId", "rtb-" + hex(resource + " rtb"));
                state.put("mainRouteTableId", main);
                state.put("defaultRouteTableId", main);
                state.put("ownerId", OfflineMocks.ACCOUNT);
            }
            case "aws:ec2/eip:Eip" -> {
                state.put("allocationId", state.get("id"));
                state.put("publicIp", made("publicIp", "203.0.113." + (Integer.remainderUnsigned(resource.hashCode(),
                        254) + 1)));
            }
            case "aws:acm/certificate:Certificate" -> state.put("domainValidationOptions", validationOptions());
            default -> { }
        }
    }

    /** One CNAME record per domain of the certificate, as ACM asks for DNS validation. */
    private List<Map<String, Object>> validationOptions() {
        List<String> domains = new ArrayList<>();
        if (inputs.get("domainName") instanceof String domain) {
            domains.add(domain);
        }
        if (inputs.get("subjectAlternativeNames") instanceof List<?> names) {
            names.stream().map(String::valueOf).filter(d -> !domains.contains(d)).forEach(domains::add);
        }
        List<Map<String, Object>> options = new ArrayList<>();
        for (String domain : domains) {
            String bare = domain.startsWith("*.") ? domain.substring(2) : domain;
            options.add(Map.of("domainName", domain, "resourceRecordType", "CNAME",
                    "resourceRecordName", made("resourceRecordName", "_" + hex32(domain) + "." + bare + "."),
                    "resourceRecordValue", made("resourceRecordValue",
                            "_" + hex32(domain + " value") + ".acm-validations.aws.")));
        }
        return options;
    }

    /**
     * A listener's ARN continues its load balancer's, and a rule's its listener's: {@code
     * ...:listener/app/NAME/LBHEX/LISTENERHEX}.
     */
    private String below(String parentInput, String parentType, String childType, String fallbackPath) {
        String parent = String.valueOf(inputs.getOrDefault(parentInput, ""));
        String marker = ":" + parentType + "/";
        int at = parent.indexOf(marker);
        String path = at >= 0 ? parent.substring(at + marker.length()) : fallbackPath;
        String prefix = at >= 0 ? parent.substring(0, at) + ":" + childType + "/"
                : arn("elasticloadbalancing", childType + "/");
        return prefix + path + "/" + hex16(resource);
    }

    /** {@code app/NAME/HEX}: {@code net/} for a network and {@code gwy/} for a gateway load balancer. */
    private String loadBalancerPath(String name) {
        String kind = switch (String.valueOf(inputs.getOrDefault("loadBalancerType", "application"))) {
            case "network" -> "net";
            case "gateway" -> "gwy";
            default -> "app";
        };
        return kind + "/" + name + "/" + hex16(resource);
    }

    /** A service's ARN names its cluster (the long ARN format), the {@code default} one when none is given. */
    private String clusterName() {
        String cluster = String.valueOf(inputs.getOrDefault("cluster", "default"));
        return cluster.substring(cluster.lastIndexOf('/') + 1);
    }

    private String path() {
        return String.valueOf(inputs.getOrDefault("path", "/"));
    }

    private String arn(String service, String resourcePart) {
        return "arn:aws:" + service + ":" + region + ":" + OfflineMocks.ACCOUNT + ":" + resourcePart;
    }

    private static String global(String service, String resourcePart) {
        return "arn:aws:" + service + "::" + OfflineMocks.ACCOUNT + ":" + resourcePart;
    }

    private static String uuid(String name, String group) {
        return String.format("%08x-%s-4%s-8%s-%012x", name.hashCode(), group, group.substring(1), group.substring(1),
                (long) name.length());
    }

    private String made(String output, String value) {
        return recorder.made(resource, output, value);
    }

    /**
     * @param name a logical name
     * @return 17 hex digits derived from it, as EC2 ids carry
     */
    static String hex(String name) {
        return String.format("%017x", Integer.toUnsignedLong(name.hashCode())).substring(0, 17);
    }

    /** 16 hex digits, as in the last part of a load balancer's, target group's, listener's or rule's ARN. */
    private static String hex16(String name) {
        return hex(name).substring(1);
    }

    private static String hex32(String name) {
        return hex(name) + hex(name + "'").substring(2);
    }
}
