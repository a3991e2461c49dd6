package io.github.fargateprivate.ecs;

import com.pulumi.aws.autoscaling.Group;
import com.pulumi.aws.autoscaling.GroupArgs;
import com.pulumi.aws.autoscaling.inputs.GroupLaunchTemplateArgs;
import com.pulumi.aws.autoscaling.inputs.GroupTagArgs;
import com.pulumi.aws.ec2.LaunchTemplate;
import com.pulumi.aws.ec2.LaunchTemplateArgs;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateBlockDeviceMappingArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateBlockDeviceMappingEbsArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateIamInstanceProfileArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateMetadataOptionsArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateNetworkInterfaceArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateTagSpecificationArgs;
import com.pulumi.aws.ec2.inputs.SecurityGroupEgressArgs;
import com.pulumi.aws.ec2.inputs.SecurityGroupIngressArgs;
import com.pulumi.aws.ecs.CapacityProvider;
import com.pulumi.aws.ecs.CapacityProviderArgs;
import com.pulumi.aws.ecs.inputs.CapacityProviderAutoScalingGroupProviderArgs;
import com.pulumi.aws.ecs.inputs.CapacityProviderAutoScalingGroupProviderManagedScalingArgs;
import com.pulumi.aws.iam.InstanceProfile;
import com.pulumi.aws.iam.InstanceProfileArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.iam.RolePolicyAttachmentArgs;
import com.pulumi.aws.ssm.SsmFunctions;
import com.pulumi.aws.ssm.inputs.GetParameterArgs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.github.fargateprivate.AwsName;
import io.github.fargateprivate.AwsEnvironment;
import io.github.fargateprivate.Children;
import io.github.fargateprivate.Problems;
import io.github.fargateprivate.arn.Arn;
import io.github.fargateprivate.iam.PolicyDocument;
import io.github.fargateprivate.registry.ImageReference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The container instances of an ECS service with launch type EC2: an Auto Scaling group of ECS-optimized instances
 * behind an ECS capacity provider with managed scaling and managed termination protection.
 *
 * <p>The launch template requires IMDSv2 with a hop limit of 1 (containers on a bridge network cannot reach the
 * instance's credentials), encrypts the gp3 root volume, and its user data only configures the agent:
 * {@code ECS_CLUSTER}, {@code ECS_ENABLE_TASK_IAM_ROLE=true} and {@code ECS_AWSVPC_BLOCK_IMDS=true} (awsvpc tasks
 * cannot reach the instance metadata either). With {@code assignPublicIp} (a service in public subnets only) the
 * instances' primary interface asks for a public IPv4 address, whatever the subnet hands out. With
 * {@code registryAuth instance} the user data also carries the credentials secret's ARN, and at boot, before the
 * agent starts, reads the secret with the instance role and writes {@code ECS_ENGINE_AUTH_TYPE=docker} and
 * {@code ECS_ENGINE_AUTH_DATA} to {@code /etc/ecs/ecs.config} (mode 600); the credentials themselves are never in user
 * data. The instance role holds AWS's {@value #INSTANCE_POLICY_NAME}, AmazonSSMManagedInstanceCore only with
 * Session Manager, and with instance registry auth {@code secretsmanager:GetSecretValue} on exactly the credentials
 * secret. The instances' security group admits nothing, or in bridge mode only the load balancer's group on the
 * dynamic host ports {@value #DYNAMIC_PORTS_FROM}-{@value #DYNAMIC_PORTS_TO}.
 *
 * <p>Children: {@code <name>-instance-role}, {@code <name>-instance-ecs}, {@code <name>-instance-ssm} (with Session
 * Manager), {@code <name>-instance-secret} (with instance registry auth), {@code <name>-instance-profile},
 * {@code <name>-instance-sg}, {@code <name>-launch-template}, {@code <name>-asg}, {@code <name>-capacity-provider}.
 */
public class Ec2Capacity extends ComponentResource {

    /** The Pulumi type token of this component. */
    public static final String TYPE = "fargate-private-registry:ecs:Ec2Capacity";
    /** AWS's managed policy for ECS container instances: the agent's ECS calls, ECR pulls and log writes. */
    public static final String INSTANCE_POLICY_NAME = "AmazonEC2ContainerServiceforEC2Role";
    /** First of the dynamic host ports ECS maps bridge-mode containers to (the Linux ephemeral range). */
    public static final int DYNAMIC_PORTS_FROM = 32768;
    /** Last of the dynamic host ports. */
    public static final int DYNAMIC_PORTS_TO = 65535;
    /** The root device of the ECS-optimized Amazon Linux 2023 AMI. */
    public static final String ROOT_DEVICE = "/dev/xvda";
    /** The key of Docker Hub's credentials in {@code ECS_ENGINE_AUTH_DATA}, as Docker names its index. */
    public static final String DOCKER_HUB_AUTH_KEY = "https://index.docker.io/v1/";
    /** Values embedded in the boot script: no quote, no space, no shell character. */
    private static final Pattern SCRIPT_SAFE = Pattern.compile("[A-Za-z0-9:/._+=@,-]+");

    private final Role instanceRole;
    private final RolePolicyAttachment ecsPolicy;
    private final RolePolicyAttachment ssmPolicy;
    private final RolePolicy secretPolicy;
    private final InstanceProfile instanceProfile;
    private final SecurityGroup securityGroup;
    private final LaunchTemplate launchTemplate;
    private final Group autoScalingGroup;
    private final CapacityProvider capacityProvider;

    @Export(name = "capacityProviderName", refs = {String.class}, tree = "[0]")
    private final Output<String> capacityProviderName;
    @Export(name = "securityGroupId", refs = {String.class}, tree = "[0]")
    private final Output<String> securityGroupId;

    /**
     * Creates the instances and their capacity provider.
     *
     * @param name    the component's name; children are named from it
     * @param args    instance options and the cluster, network and credentials they serve
     * @param options component options
     * @throws io.github.fargateprivate.ArgsException listing every problem of the args, before any child exists
     */
    public Ec2Capacity(String name, Ec2CapacityArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var env = AwsEnvironment.of(this);
        Ec2CapacityArgs checked = Problems.validated("Ec2Capacity", name, problems -> args.validate(problems));
        var children = Children.of(this, checked.tags());
        this.instanceRole = createInstanceRole(name, children);
        this.ecsPolicy = attachManagedPolicy(name + "-instance-ecs", "service-role/" + INSTANCE_POLICY_NAME, env,
                children);
        this.ssmPolicy = checked.sessionManager()
                ? attachManagedPolicy(name + "-instance-ssm", "AmazonSSMManagedInstanceCore", env, children) : null;
        this.secretPolicy = checked.instanceRegistryAuth() ? grantSecretRead(name, checked, env, children) : null;
        this.instanceProfile = createInstanceProfile(name, children);
        this.securityGroup = createSecurityGroup(name, checked, children);
        this.launchTemplate = createLaunchTemplate(name, checked, env, children);
        this.autoScalingGroup = createAutoScalingGroup(name, checked, children);
        this.capacityProvider = createCapacityProvider(name, children);
        this.capacityProviderName = capacityProvider.name();
        this.securityGroupId = securityGroup.id();
        registerOutputs(Map.of("capacityProviderName", capacityProviderName, "securityGroupId", securityGroupId));
    }

    private Role createInstanceRole(String name, Children children) {
        return children.create(Role::new, AwsName.IAM_ROLE.child(name, "-instance-role"), RoleArgs.builder()
                .description("ECS container instances of " + name + ": the agent's own calls")
                .assumeRolePolicy(PolicyDocument.assumeRoleBy("ec2.amazonaws.com"))
                .build());
    }

    private RolePolicyAttachment attachManagedPolicy(String childName, String policyPath, AwsEnvironment env,
                                                     Children children) {
        return children.create(RolePolicyAttachment::new, childName, RolePolicyAttachmentArgs.builder()
                .role(instanceRole.name())
                .policyArn(managedPolicyArn(env, policyPath))
                .build());
    }

    /** With registryAuth instance: the instance role's read of exactly the credentials secret. */
    private RolePolicy grantSecretRead(String name, Ec2CapacityArgs args, AwsEnvironment env, Children children) {
        Output<String> secret = args.registryCredentialsArn().orElseThrow().output();
        Output<String> policy = args.registryCredentialsKmsKeyArn()
                .map(key -> Output.tuple(secret, key.output()).applyValue(t -> secretPolicy(env, t.t1, t.t2)))
                .orElseGet(() -> secret.applyValue(s -> secretPolicy(env, s, null)));
        return children.create(RolePolicy::new, AwsName.IAM_POLICY.child(name, "-instance-secret"),
                RolePolicyArgs.builder().role(instanceRole.name()).policy(policy).build());
    }

    /** The agent's settings, and with registryAuth instance where it reads the credentials. */
    private static Output<String> userData(Ec2CapacityArgs args, AwsEnvironment env) {
        Output<String> cluster = args.clusterName().orElseThrow().output();
        if (!args.instanceRegistryAuth()) {
            return cluster.applyValue(c -> userData(c, null));
        }
        return Output.tuple(cluster, args.registryCredentialsArn().orElseThrow().output(),
                        args.registryHost().orElseThrow().output())
                .applyValue(t -> userData(t.t1, new InstanceRegistryAuth(t.t2, regionOf(t.t2, env), t.t3)));
    }

    private InstanceProfile createInstanceProfile(String name, Children children) {
        // The profile is complete only once its role holds its policies: instances start with what they need.
        return children.create(InstanceProfile::new, AwsName.INSTANCE_PROFILE.child(name, "-instance-profile"),
                InstanceProfileArgs.builder().role(instanceRole.name()).build(), CustomResourceOptions.builder()
                        .dependsOn(Stream.<Resource>of(ecsPolicy, ssmPolicy, secretPolicy).filter(Objects::nonNull)
                                .toList())
                        .build());
    }

    private SecurityGroup createSecurityGroup(String name, Ec2CapacityArgs args, Children children) {
        boolean bridge = args.bridgeIngressSecurityGroupId().isPresent();
        var sgArgs = SecurityGroupArgs.builder()
                .description(bridge ? "Container instances of " + args.descriptionName(name) + ": the load balancer "
                        + "only, on the dynamic host ports" : "Container instances of " + args.descriptionName(name)
                        + ": no inbound traffic")
                .vpcId(args.vpcId().orElseThrow().output())
                .egress(args.egress().isEmpty() ? List.of(SecurityGroupEgressArgs.builder()
                        .description("The ECS agent, registry pulls and AWS APIs")
                        .protocol("-1").fromPort(0).toPort(0).cidrBlocks("0.0.0.0/0")
                        .build()) : args.egress());
        args.bridgeIngressSecurityGroupId().ifPresent(lb -> sgArgs.ingress(SecurityGroupIngressArgs.builder()
                .description("From the load balancer, to the containers' dynamic host ports")
                .protocol("tcp").fromPort(DYNAMIC_PORTS_FROM).toPort(DYNAMIC_PORTS_TO)
                .securityGroups(lb.output().applyValue(List::of))
                .build()));
        return children.create(SecurityGroup::new, AwsName.SECURITY_GROUP.child(name, "-instance-sg"), sgArgs.build());
    }

    /** The AMI given, or the ECS-optimized one of the instance type's architecture, read on every run. */
    private Output<String> ami(Ec2CapacityArgs args, Ec2InstanceType type) {
        return args.amiId().map(io.github.fargateprivate.Value::output).orElseGet(() -> SsmFunctions.getParameter(
                        GetParameterArgs.builder()
                                .name(type.arm64() ? Ec2CapacityOptions.AMI_PARAMETER_ARM64
                                        : Ec2CapacityOptions.AMI_PARAMETER)
                                .build(), InvokeOptions.builder().parent(this).build())
                .applyValue(p -> p.value()));
    }

    private LaunchTemplate createLaunchTemplate(String name, Ec2CapacityArgs args, AwsEnvironment env,
                                                Children children) {
        Ec2InstanceType type = Ec2InstanceType.parse(args.instanceType()).orElseThrow();
        var templateArgs = LaunchTemplateArgs.builder()
                .description("ECS container instances of " + name)
                .imageId(ami(args, type))
                .instanceType(type.name())
                .iamInstanceProfile(LaunchTemplateIamInstanceProfileArgs.builder()
                        .arn(instanceProfile.arn()).build())
                // IMDSv2 only; a hop limit of 1 keeps the instance's credentials from bridge-mode containers.
                .metadataOptions(LaunchTemplateMetadataOptionsArgs.builder()
                        .httpEndpoint("enabled").httpTokens("required").httpPutResponseHopLimit(1).build())
                .blockDeviceMappings(LaunchTemplateBlockDeviceMappingArgs.builder()
                        .deviceName(ROOT_DEVICE)
                        .ebs(LaunchTemplateBlockDeviceMappingEbsArgs.builder()
                                .volumeType("gp3").volumeSize(args.rootVolumeGiB())
                                .encrypted("true").deleteOnTermination("true").build())
                        .build())
                .userData(userData(args, env).applyValue(Ec2Capacity::base64))
                .updateDefaultVersion(true);
        // The instances and their volumes carry the tags too; the template's own come with the children's.
        tagSpecifications(args.tags()).ifPresent(templateArgs::tagSpecifications);
        Output<List<String>> groups = args.targetsSecurityGroupId().map(t -> Output.tuple(securityGroup.id(),
                t.output()).applyValue(g -> List.of(g.t1, g.t2))).orElse(securityGroup.id().applyValue(List::of));
        if (args.assignPublicIp()) {
            // The address is the primary interface's to ask for; its security groups then go with it (EC2 takes
            // them there or on the template, not both).
            templateArgs.networkInterfaces(LaunchTemplateNetworkInterfaceArgs.builder()
                    .deviceIndex(0).associatePublicIpAddress("true").deleteOnTermination("true")
                    .securityGroups(groups)
                    .build());
        } else {
            templateArgs.vpcSecurityGroupIds(groups);
        }
        return children.create(LaunchTemplate::new, AwsName.LAUNCH_TEMPLATE.child(name, "-launch-template"),
                templateArgs.build());
    }

    /** @return the tag specifications of the instances and their volumes; empty without tags */
    private static Optional<List<LaunchTemplateTagSpecificationArgs>> tagSpecifications(Map<String, String> tags) {
        return Optional.of(tags).filter(t -> !t.isEmpty()).map(t -> Stream.of("instance", "volume").map(type ->
                LaunchTemplateTagSpecificationArgs.builder().resourceType(type).tags(t).build()).toList());
    }

    private Group createAutoScalingGroup(String name, Ec2CapacityArgs args, Children children) {
        List<GroupTagArgs> groupTags = new ArrayList<>();
        // ECS's managed scaling works only on a group that carries this tag.
        groupTags.add(GroupTagArgs.builder().key("AmazonECSManaged").value("true").propagateAtLaunch(true).build());
        groupTags.add(GroupTagArgs.builder().key("Name").value(name).propagateAtLaunch(true).build());
        new TreeMap<>(args.tags()).forEach((k, v) -> {
            if (!k.equals("Name") && !k.equals("AmazonECSManaged")) {
                groupTags.add(GroupTagArgs.builder().key(k).value(v).propagateAtLaunch(true).build());
            }
        });
        return children.create(Group::new, AwsName.AUTO_SCALING_GROUP.child(name, "-asg"), GroupArgs.builder()
                .vpcZoneIdentifiers(args.subnetIds().orElseThrow().output())
                .minSize(args.minInstances())
                .maxSize(args.maxInstances())
                .launchTemplate(GroupLaunchTemplateArgs.builder()
                        .id(launchTemplate.id())
                        .version(launchTemplate.latestVersion().applyValue(String::valueOf))
                        .build())
                // Managed termination protection: ECS scales in only instances without tasks.
                .protectFromScaleIn(true)
                // Destroying the stack terminates protected instances instead of waiting on them.
                .forceDelete(true)
                .tags(groupTags)
                .build(), CustomResourceOptions.builder()
                // The capacity provider's managed scaling owns the desired count.
                .ignoreChanges("desiredCapacity")
                .build());
    }

    private CapacityProvider createCapacityProvider(String name, Children children) {
        return children.create(CapacityProvider::new, AwsName.CAPACITY_PROVIDER.child(name, "-capacity-provider"),
                CapacityProviderArgs.builder()
                        .autoScalingGroupProvider(CapacityProviderAutoScalingGroupProviderArgs.builder()
                                .autoScalingGroupArn(autoScalingGroup.arn())
                                .managedScaling(CapacityProviderAutoScalingGroupProviderManagedScalingArgs.builder()
                                        .status("ENABLED").targetCapacity(100)
                                        .minimumScalingStepSize(1).maximumScalingStepSize(10)
                                        .instanceWarmupPeriod(300)
                                        .build())
                                .managedTerminationProtection("ENABLED")
                                .managedDraining("ENABLED")
                                .build())
                        .build());
    }

    /**
     * Creates the instances with default component options.
     *
     * @param name the component's name
     * @param args instance options and the cluster, network and credentials they serve
     */
    public Ec2Capacity(String name, Ec2CapacityArgs args) {
        this(name, args, ComponentResourceOptions.Empty);
    }

    /**
     * What {@code registryAuth instance} puts in user data: the secret's ARN (never its value), its region and the
     * registry host the agent pulls from with it.
     *
     * @param secretArn the credentials secret's ARN, or its name in the instances' region
     * @param region    the secret's region
     * @param registry  the image's registry host, e.g. {@code ghcr.io}
     */
    public record InstanceRegistryAuth(String secretArn, String region, String registry) {
    }

    /**
     * The instances' boot script: the agent's settings and, with instance registry auth, the step that reads the
     * credentials and writes them for the agent.
     *
     * @param clusterName the cluster the instances join
     * @param auth        the instance registry auth, or null
     * @return the script, before base64
     */
    public static String userData(String clusterName, InstanceRegistryAuth auth) {
        String script = resource("instance-user-data.sh").replace("@CLUSTER@", safe("cluster name", clusterName));
        if (auth == null) {
            return script;
        }
        return script + resource("instance-registry-auth.sh")
                .replace("@SECRET@", safe("secret ARN", auth.secretArn()))
                .replace("@REGION@", safe("region", auth.region()))
                .replace("@REGISTRY@", safe("registry", authKey(auth.registry())));
    }

    /**
     * @param registryHost an image's registry host
     * @return its key in {@code ECS_ENGINE_AUTH_DATA}: Docker's index URL for Docker Hub, else the host
     */
    public static String authKey(String registryHost) {
        return registryHost.equals(ImageReference.DOCKER_HUB_HOST) ? DOCKER_HUB_AUTH_KEY : registryHost;
    }

    private static String safe(String what, String value) {
        if (!SCRIPT_SAFE.matcher(value).matches()) {
            throw new IllegalArgumentException("the " + what + " '" + value + "' holds characters that do not belong "
                    + "in it");
        }
        return value;
    }

    private static String resource(String file) {
        try (InputStream in = Ec2Capacity.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + file + " of " + Ec2Capacity.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String base64(String script) {
        return Base64.getEncoder().encodeToString(script.getBytes(StandardCharsets.UTF_8));
    }

    private static String regionOf(String secret, AwsEnvironment env) {
        return Arn.parse(secret).map(Arn::region).orElse(env.region());
    }

    /** The instance role's read of exactly the credentials secret, and its key's use through Secrets Manager. */
    static String secretPolicy(AwsEnvironment env, String secret, String keyArn) {
        var doc = new PolicyDocument().allow("ReadRegistryCredentials", List.of("secretsmanager:GetSecretValue"),
                List.of(env.secretResource(Arn.secretWithoutJsonKey(secret))), Map.of());
        if (keyArn != null) {
            doc.allowDecryptVia("DecryptRegistryCredentials", keyArn,
                    List.of(env.endpoint("secretsmanager", regionOf(secret, env))));
        }
        return doc.toJson();
    }

    private static String managedPolicyArn(AwsEnvironment env, String path) {
        return "arn:" + env.partition() + ":iam::aws:policy/" + path;
    }

    /** @return the instances' role */
    public Role instanceRole() {
        return instanceRole;
    }

    /** @return the attachment of {@value #INSTANCE_POLICY_NAME} */
    public RolePolicyAttachment ecsPolicy() {
        return ecsPolicy;
    }

    /** @return the attachment of AmazonSSMManagedInstanceCore; empty without Session Manager */
    public Optional<RolePolicyAttachment> ssmPolicy() {
        return Optional.ofNullable(ssmPolicy);
    }

    /** @return the read of the registry credentials; empty without instance registry auth */
    public Optional<RolePolicy> secretPolicy() {
        return Optional.ofNullable(secretPolicy);
    }

    /** @return the instance profile */
    public InstanceProfile instanceProfile() {
        return instanceProfile;
    }

    /** @return the instances' security group */
    public SecurityGroup securityGroup() {
        return securityGroup;
    }

    /** @return the launch template */
    public LaunchTemplate launchTemplate() {
        return launchTemplate;
    }

    /** @return the Auto Scaling group */
    public Group autoScalingGroup() {
        return autoScalingGroup;
    }

    /** @return the capacity provider */
    public CapacityProvider capacityProvider() {
        return capacityProvider;
    }

    /** @return the capacity provider's name, what a strategy names */
    public Output<String> capacityProviderName() {
        return capacityProviderName;
    }

    /** @return the instances' security group's id */
    public Output<String> securityGroupId() {
        return securityGroupId;
    }
}
