package io.github.fargateprivate.patterns;

import com.pulumi.aws.lb.TargetGroup;
import com.pulumi.core.Alias;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.deployment.Deployment;
import com.pulumi.deployment.internal.DeploymentInstanceHolder;
import com.pulumi.resources.Resource;
import io.github.fargateprivate.AwsEnvironment;
import io.github.fargateprivate.Problem;
import io.github.fargateprivate.Problems;
import io.github.fargateprivate.Rules;
import io.github.fargateprivate.Value;
import io.github.fargateprivate.EngineLog;
import io.github.fargateprivate.cloudwatch.DeploymentAlarms;
import io.github.fargateprivate.cloudwatch.DeploymentAlarmsArgs;
import io.github.fargateprivate.cloudwatch.PullFailureAlerts;
import io.github.fargateprivate.cloudwatch.PullFailureAlertsArgs;
import io.github.fargateprivate.ec2.DefaultVpc;
import io.github.fargateprivate.ec2.NetworkArgs;
import io.github.fargateprivate.ec2.VpcEndpoints;
import io.github.fargateprivate.ec2.VpcEndpointsArgs;
import io.github.fargateprivate.ec2.VpcEndpointsOptions;
import io.github.fargateprivate.ecr.PullThroughCache;
import io.github.fargateprivate.ecr.PullThroughCacheArgs;
import io.github.fargateprivate.ecr.PullThroughCacheOptions;
import io.github.fargateprivate.ecs.ContainerArgs;
import io.github.fargateprivate.ecs.Ec2Capacity;
import io.github.fargateprivate.ecs.Ec2CapacityOptions;
import io.github.fargateprivate.ecs.Ec2InstanceType;
import io.github.fargateprivate.ecs.EcsService;
import io.github.fargateprivate.ecs.EcsServiceArgs;
import io.github.fargateprivate.ecs.EcsServiceOptions;
import io.github.fargateprivate.ecs.RegistryAuth;
import io.github.fargateprivate.ecs.FargateService;
import io.github.fargateprivate.iam.TaskExecutionRole;
import io.github.fargateprivate.iam.TaskExecutionRoleArgs;
import io.github.fargateprivate.iam.TaskRole;
import io.github.fargateprivate.iam.TaskRoleArgs;
import io.github.fargateprivate.lb.ApplicationLoadBalancer;
import io.github.fargateprivate.lb.ApplicationLoadBalancerArgs;
import io.github.fargateprivate.lb.ApplicationLoadBalancerOptions;
import io.github.fargateprivate.lb.ListenerTarget;
import io.github.fargateprivate.lb.ListenerTargetArgs;
import io.github.fargateprivate.lb.TargetGroupArgs;
import io.github.fargateprivate.registry.ImageReference;
import io.github.fargateprivate.registry.Registry;
import io.github.fargateprivate.secretsmanager.RegistryCredentials;
import io.github.fargateprivate.secretsmanager.RegistryCredentialsSecret;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A container from a private registry on ECS Fargate behind an Application Load Balancer: the one statement another
 * stack writes. It validates every part's args first, reports every problem at once under its own field paths
 * ({@code container.image}), and then wires the parts, doing nothing else: {@link RegistryCredentialsSecret} (for
 * {@link RegistryCredentials#create}), {@link TaskExecutionRole} (reading exactly the secrets the containers use),
 * an optional {@link TaskRole}, an own {@link ApplicationLoadBalancer} or a {@link ListenerTarget} on a shared one,
 * and {@link EcsService}.
 *
 * <p>Children: {@code <name>-credentials} or {@code <name>-cache} (a pull-through cache), {@code <name>-execution},
 * {@code <name>-task} (a created task role), {@code <name>-lb} (own load balancer) or {@code <name>-target} (shared
 * one), {@code <name>-endpoints} (VPC endpoints), {@code <name>-alarms} ({@link DeploymentAlarms}, unless turned off),
 * {@code <name>-ecs} and {@code <name>-pull-failures} ({@link PullFailureAlerts}, with a topic).
 */
public class LoadBalancedService extends ComponentResource {

    /** The Pulumi type token of this component. */
    public static final String TYPE = "fargate-private-registry:patterns:LoadBalancedService";
    /** The suffix of the service child's name: {@code <name>-ecs}. */
    static final String SERVICE_CHILD = "-ecs";

    private final RegistryCredentialsSecret credentialsSecret;
    private final List<RegistryCredentialsSecret> sidecarCredentialsSecrets = new ArrayList<>();
    private final String owner;
    private final Map<String, String> imageDigests = new TreeMap<>();
    private final PullThroughCache pullThroughCache;
    private final VpcEndpoints vpcEndpoints;
    private final TaskExecutionRole executionRole;
    private final TaskRole taskRole;
    private final ApplicationLoadBalancer loadBalancer;
    private final ListenerTarget listenerTarget;
    private final EcsService service;
    private final DeploymentAlarms deploymentAlarms;
    private final PullFailureAlerts pullFailureAlerts;
    private final String kind;
    private final String serviceChild;
    private final String name;
    private final AwsEnvironment env;
    private final LoadBalancedServiceArgs args;
    private final Checked checked;
    private final ComponentResourceOptions childOptions;
    private final Map<String, String> tags;
    private final Value<String> credentialsKey;
    /** The sidecars' own registry credentials, which the execution role reads, with their keys. */
    private final List<Grant> sidecarGrants = new ArrayList<>();
    private final Output<String> credentialsSecretArn;
    private final String region;

    @Export(name = "serviceName", refs = {String.class}, tree = "[0]")
    private final Output<String> serviceName;

    /** What validation found and the wiring uses. */
    private record Checked(NetworkArgs network, ContainerArgs main, List<SidecarPull> sidecars,
                           List<Optional<String>> digests,
                           TargetGroupArgs targetGroup, RegistryCredentials.Existing.Checked existing,
                           PullThroughCacheArgs cache, VpcEndpointsArgs endpoints,
                           EcsServiceOptions service, ApplicationLoadBalancerOptions loadBalancer) {
    }

    /**
     * A secret the execution role reads, and its customer managed key.
     *
     * @param secret the secret's ARN
     * @param key    its key, or null
     */
    private record Grant(Output<String> secret, Value<String> key) {
    }

    /**
     * How a sidecar's image is pulled.
     *
     * @param container  the sidecar
     * @param own        its own credentials, or null
     * @param existing   its own existing secret, checked, or null
     * @param sharesMain whether it pulls with the main container's credentials (its image on the same registry host),
     *                   carrying the check that an image of another registry has credentials of its own
     */
    private record SidecarPull(ContainerArgs container, RegistryCredentials own,
                               RegistryCredentials.Existing.Checked existing, Output<Boolean> sharesMain) {
    }

    /**
     * Creates the service and everything it needs.
     *
     * @param name    the component's name; children are named from it
     * @param args    container, credentials, network, load balancer and service options
     * @param options component options, e.g. {@code providers(...)} for another region: every child and every
     *                lookup uses them
     * @throws io.github.fargateprivate.ArgsException listing every problem of every part, before any child exists
     */
    public LoadBalancedService(String name, LoadBalancedServiceArgs args, ComponentResourceOptions options) {
        this(TYPE, "LoadBalancedService", SERVICE_CHILD, name, args, ComponentResourceOptions.merge(options,
                ComponentResourceOptions.builder().aliases(Alias.builder()
                        .type(LoadBalancedFargateService.TYPE).build()).build()));
    }

    /**
     * Creates the service under another type token and service child, for a component that keeps those of an earlier
     * release.
     *
     * @param type         the type token
     * @param kind         how messages name the component, e.g. {@code LoadBalancedFargateService}
     * @param serviceChild the suffix of the service child's name
     * @param name         the component's name; children are named from it
     * @param args         container, credentials, network, load balancer and service options
     * @param options      component options
     */
    protected LoadBalancedService(String type, String kind, String serviceChild, String name,
                                  LoadBalancedServiceArgs args, ComponentResourceOptions options) {
        super(type, name, args.customizations().addedTo(options));
        this.kind = kind;
        this.serviceChild = serviceChild;
        this.name = name;
        this.owner = kind + " '" + name + "'";
        this.env = AwsEnvironment.of(this);
        this.region = env.region();
        this.args = args;
        this.checked = checkArgs();
        this.childOptions = ComponentResourceOptions.builder().parent(this).build();
        this.tags = args.tags();

        recordDigests(args, checked.digests());
        this.pullThroughCache = createPullThroughCache();
        this.credentialsSecret = createCredentialsSecret();
        this.credentialsSecretArn = credentialsSecret != null ? credentialsSecret.arn()
                : pullThroughCache == null && checked.existing() != null ? checked.existing().secret() : null;
        this.credentialsKey = credentialsKey();
        Map<String, Output<String>> sidecarSecrets = createSidecarCredentials();
        List<ContainerArgs> containers = containers();
        warnAnonymousDockerHub(containers, args, checked.cache() != null);
        this.executionRole = createExecutionRole(containers);
        this.taskRole = createTaskRole();
        this.listenerTarget = args.listenerRule().isPresent() ? placeOnListener() : null;
        this.loadBalancer = listenerTarget == null ? createLoadBalancer() : null;
        this.vpcEndpoints = createVpcEndpoints();
        this.deploymentAlarms = args.deploymentAlarms() ? createDeploymentAlarms() : null;
        this.service = createService(name + serviceChild, serviceArgs(containers, sidecarSecrets), childOptions);
        this.pullFailureAlerts = createPullFailureAlerts();

        this.serviceName = service.serviceName();
        registerOutputs(outputs());
    }

    /** Checks the args; every problem of every part at once, before any child. */
    private Checked checkArgs() {
        return Problems.validated(kind, name, problems -> validate(name, args, problems, env, this, kind,
                serviceChild));
    }

    /** The cache the main image (and sidecars of its registry) is pulled through, with its rule's credentials. */
    private PullThroughCache createPullThroughCache() {
        if (checked.cache() == null) {
            return null;
        }
        return new PullThroughCache(name + "-cache", PullThroughCacheArgs.builder().from(checked.cache())
                .tags(merged(tags, checked.cache().tags())).build(), childOptions);
    }

    /** The main container's registry credentials, created from a user name and password; ECR's to read with a cache. */
    private RegistryCredentialsSecret createCredentialsSecret() {
        if (pullThroughCache != null
                || !(args.registryCredentials().orElse(null) instanceof RegistryCredentials.Create create)) {
            return null;
        }
        return new RegistryCredentialsSecret(name + "-credentials", create.secretArgs(tags), childOptions);
    }

    /** The customer managed key of the main container's credentials: as given, or the existing secret's. */
    private Value<String> credentialsKey() {
        if (pullThroughCache == null && credentialsSecret == null && checked.existing() != null
                && checked.existing().kmsKeyArn() != null) {
            return Value.of(checked.existing().kmsKeyArn());
        }
        return args.registryCredentials().flatMap(RegistryCredentials::kmsKeyArn).orElse(null);
    }

    /** The task's containers as it runs them: pinned to their digests where asked, through the cache where there is one. */
    private List<ContainerArgs> containers() {
        ContainerArgs main = pinned(checked.main(), checked.digests(), 0, args.pinImageDigests());
        if (pullThroughCache != null) {
            // The task pulls from the cache, once its rule exists; the credentials are ECR's to read.
            Output<String> image = Output.tuple(main.image().orElseThrow().output(), pullThroughCache.ruleReady())
                    .applyValue(t -> pullThroughCache.imageFor(ImageReference.parse(t.t1)));
            main = main.toBuilder().image(image).build();
        }
        List<ContainerArgs> containers = new ArrayList<>(List.of(main));
        for (int i = 0; i < checked.sidecars().size(); i++) {
            ContainerArgs sidecar = pinned(checked.sidecars().get(i).container(), checked.digests(), i + 1,
                    args.pinImageDigests());
            containers.add(pullThroughCache == null ? sidecar
                    : throughCache(sidecar, pullThroughCache, checked.cache().registry().orElseThrow()));
        }
        return containers;
    }

    /**
     * The execution role: it pulls the images (ECR actions on exactly their repositories), reads the registry
     * credentials the task pulls with and the app secrets, and decrypts exactly their keys.
     */
    private TaskExecutionRole createExecutionRole(List<ContainerArgs> containers) {
        var roleOptions = args.executionRole();
        var roleArgs = TaskExecutionRoleArgs.builder().from(roleOptions).tags(merged(tags, roleOptions.tags()));
        // With registryAuth instance the container instances read the credentials, not the execution role.
        if (credentialsSecretArn != null && !instanceAuth(checked.service())) {
            roleArgs.registryCredentialsSecretArn(credentialsSecretArn);
            if (credentialsKey != null) {
                roleArgs.registryCredentialsKmsKeyArn(credentialsKey.output());
            }
        }
        if (pullThroughCache != null) {
            roleArgs.cacheRepository(pullThroughCache.repositoryArnPattern());
        }
        sidecarGrants.forEach(g -> {
            roleArgs.registryCredentialsSecretArn(g.secret());
            if (g.key() != null) {
                roleArgs.registryCredentialsKmsKeyArn(g.key().output());
            }
        });
        for (ContainerArgs c : containers) {
            // Sorted by variable name, like the containers' secrets: the policy reads the same on every run.
            new TreeMap<>(c.appSecrets()).values().forEach(roleArgs::appSecret);
            c.appSecretsKmsKeyArns().forEach(roleArgs::appSecretsKmsKeyArn);
            roleArgs.image(c.image().orElseThrow());
        }
        return new TaskExecutionRole(name + "-execution", roleArgs.build(), childOptions);
    }

    /** The task role given, or with ECS Exec on and no task role of the user's, one that allows only ECS Exec. */
    private TaskRole createTaskRole() {
        EcsServiceOptions serviceOptions = checked.service();
        boolean executeCommand = serviceOptions.enableExecuteCommand();
        TaskRoleArgs taskRoleArgs = args.taskRole().orElse(executeCommand && serviceOptions.taskRoleArn().isEmpty()
                ? TaskRoleArgs.builder().build() : null);
        return taskRoleArgs == null ? null : new TaskRole(name + "-task", taskRoleArgs.toBuilder()
                .executeCommand(taskRoleArgs.executeCommand() || executeCommand)
                .tags(merged(tags, taskRoleArgs.tags())).build(), childOptions);
    }

    /** A target group and its rule on a shared load balancer's listener. */
    private ListenerTarget placeOnListener() {
        return new ListenerTarget(targetName(name), ListenerTargetArgs.builder()
                .vpcId(checked.network().vpcId().orElseThrow().output())
                .listenerRule(args.listenerRule().get())
                .targetGroup(checked.targetGroup())
                .tags(tags)
                .build(), childOptions);
    }

    /**
     * The service's own load balancer, from the options as the composite checked them: a value of another resource
     * carries the composite's check, so its problem comes under loadBalancer.*, not under whichever of the two checks
     * would fail first.
     */
    private ApplicationLoadBalancer createLoadBalancer() {
        var lbArgs = ApplicationLoadBalancerArgs.builder().from(checked.loadBalancer())
                .network(checked.network())
                .targetGroup(checked.targetGroup())
                .tags(merged(tags, checked.loadBalancer().tags()))
                .build();
        return new ApplicationLoadBalancer(name + "-lb", lbArgs, childOptions);
    }

    /** The VPC endpoints the tasks in private subnets reach AWS through, if asked for. */
    private VpcEndpoints createVpcEndpoints() {
        if (checked.endpoints() == null) {
            return null;
        }
        return new VpcEndpoints(name + "-endpoints", VpcEndpointsArgs.builder().from(checked.endpoints())
                .tags(merged(tags, checked.endpoints().tags())).build(), childOptions);
    }

    /** The service's args: its options, and the network, containers, roles, load balancer and endpoints wired. */
    private EcsServiceArgs serviceArgs(List<ContainerArgs> containers, Map<String, Output<String>> sidecarSecrets) {
        EcsServiceOptions serviceOptions = checked.service();
        var serviceArgs = EcsServiceArgs.builder().from(serviceOptions)
                .network(checked.network())
                .container(containers.get(0))
                .sidecars(containers.subList(1, containers.size()))
                .sidecarRegistryCredentialsArns(Map.of())
                .executionRoleArn(executionRole.arn())
                .executionRoleName(executionRole.roleName())
                .tags(merged(tags, serviceOptions.tags()));
        sidecarSecrets.forEach(serviceArgs::sidecarRegistryCredentialsArn);
        wireLoadBalancer(serviceArgs);
        if (credentialsSecretArn != null) {
            serviceArgs.registryCredentialsArn(credentialsSecretArn);
        }
        if (instanceAuth(serviceOptions) && credentialsKey != null) {
            serviceArgs.registryCredentialsKmsKeyArn(credentialsKey);
        }
        if (taskRole != null) {
            serviceArgs.taskRoleArn(taskRole.arn());
        }
        if (vpcEndpoints != null) {
            serviceArgs.vpcEndpoints(vpcEndpoints.securityGroupId(), vpcEndpoints.s3PrefixListId());
        }
        if (serviceOptions.family().isEmpty() && serviceChild.equals(SERVICE_CHILD)) {
            // One family per composite, named after it.
            serviceArgs.family(name);
        }
        withDeploymentAlarms(serviceArgs, serviceOptions);
        return serviceArgs.build();
    }

    /** The target group and the load balancer's security groups, of the own load balancer or the shared one. */
    private void wireLoadBalancer(EcsServiceArgs.Builder serviceArgs) {
        Output<String> targetGroupArn = loadBalancer != null ? loadBalancer.targetGroupArn().orElseThrow()
                : listenerTarget.targetGroupArn();
        Output<String> securityGroupId = loadBalancer != null ? loadBalancer.securityGroupId()
                : listenerTarget.loadBalancerSecurityGroupId();
        Output<String> targetsSecurityGroupId = loadBalancer != null ? loadBalancer.targetsSecurityGroupId()
                : listenerTarget.targetsSecurityGroupId().orElse(null);
        if (targetsSecurityGroupId != null) {
            serviceArgs.loadBalancer(targetGroupArn, securityGroupId, targetsSecurityGroupId);
        } else {
            serviceArgs.loadBalancer(targetGroupArn, securityGroupId);
        }
    }

    /** The component's outputs: the service, its cluster, roles and log group, the URL and the credentials. */
    private Map<String, Output<?>> outputs() {
        var outputs = new HashMap<String, Output<?>>(Map.of("serviceName", serviceName,
                "clusterName", service.clusterName(), "executionRoleArn", executionRole.arn(),
                "logGroupName", service.logGroupName()));
        url().ifPresent(u -> outputs.put("url", u));
        credentialsSecretArn().ifPresent(a -> outputs.put("credentialsSecretArn", a));
        return outputs;
    }

    /**
     * Creates the service with default component options.
     *
     * @param name the component's name
     * @param args container, credentials, network, load balancer and service options
     */
    public LoadBalancedService(String name, LoadBalancedServiceArgs args) {
        this(name, args, ComponentResourceOptions.Empty);
    }

    /** The alarms on the service's target group behind its load balancer, own or shared. */
    private DeploymentAlarms createDeploymentAlarms() {
        EcsServiceOptions serviceOptions = checked.service();
        return new DeploymentAlarms(name + "-alarms", DeploymentAlarmsArgs.builder()
                .targetGroupArnSuffix(targetGroup().arnSuffix())
                .loadBalancerArnSuffix(loadBalancer != null ? loadBalancer.loadBalancer().arnSuffix()
                        : listenerTarget.loadBalancerArnSuffix())
                .healthCheckGracePeriodSeconds(serviceOptions.healthCheckGracePeriodSeconds())
                .tags(tags)
                .build(), childOptions);
    }

    /** The service's alarms block names the deployment alarms, after any the service's options name. */
    private void withDeploymentAlarms(EcsServiceArgs.Builder serviceArgs, EcsServiceOptions serviceOptions) {
        if (deploymentAlarms == null) {
            return;
        }
        Output<List<String>> ours = deploymentAlarms.alarmNames();
        serviceArgs.deploymentAlarms(serviceOptions.deploymentAlarms().map(own -> Output.tuple(own.output(), ours)
                .applyValue(t -> {
                    var all = new ArrayList<>(t.t1);
                    all.addAll(t.t2);
                    return (List<String>) all;
                })).orElse(ours));
    }

    /** The rule that tells the topic of the service's pull failures, with a topic. */
    private PullFailureAlerts createPullFailureAlerts() {
        return args.pullFailureTopicArn().map(topic -> new PullFailureAlerts(name + "-pull-failures",
                PullFailureAlertsArgs.builder().clusterArn(service.clusterArn()).serviceName(service.serviceName())
                        // A topic of another resource carries the composite's check, under its field.
                        .topicArn(Problems.of(kind, name).check("pullFailureTopicArn", topic,
                                t -> PullFailureAlertsArgs.topicProblem(t, env)))
                        .tags(args.tags()).build(), childOptions)).orElse(null);
    }

    /**
     * The service child; it answers to the name and type token of versions before 2.0
     * ({@code <name>-fargate}, {@link FargateService#TYPE}), and so do its children.
     *
     * @param name         the child's name
     * @param args         the service's args, wired
     * @param childOptions options with this component as parent
     * @return the service
     */
    protected EcsService createService(String name, EcsServiceArgs args, ComponentResourceOptions childOptions) {
        String before = name.substring(0, name.length() - SERVICE_CHILD.length()) + LoadBalancedFargateService.SERVICE_CHILD;
        // The security groups keep their descriptions, whose change would replace them.
        return new EcsService(name, EcsServiceArgs.builder().from(args).descriptionName(before).build(),
                ComponentResourceOptions.merge(childOptions, ComponentResourceOptions.builder()
                        .aliases(Alias.builder().type(FargateService.TYPE).name(before).build()).build()));
    }

    /**
     * The problems the constructor would report for these args, found without registering anything: for a stack
     * that reports them together with its own, before it creates the component.
     *
     * @param name the component's name
     * @param args the args
     * @param env  where the component would deploy ({@link AwsEnvironment#ofDefaultProvider()} for the default
     *             provider)
     * @return the problems of plain values; values of other resources are checked when they are known
     */
    public static List<Problem> problems(String name, LoadBalancedServiceArgs args, AwsEnvironment env) {
        var problems = Problems.of("LoadBalancedService", name);
        validate(name, args, problems, env, null, "LoadBalancedService", SERVICE_CHILD);
        return problems.list();
    }

    /**
     * The main container as given and as checked, and every container of the task, the main one first.
     *
     * @param main    the main container, or null when none was given
     * @param checked the main container, checked, or null
     * @param all     the containers
     */
    private record Containers(ContainerArgs main, ContainerArgs checked, List<ContainerArgs> all) {

        /** @return the port the targets listen on: the main container's */
        int port() {
            return main == null ? ContainerArgs.DEFAULT_PORT : main.port(true).orElseThrow();
        }
    }

    /**
     * How the main image is pulled, checked.
     *
     * @param credentials     the credentials as given, or null
     * @param cache           the pull-through cache's args, or null
     * @param existing        an existing secret, checked, or null
     * @param withCredentials whether the image is pulled with credentials of the user's
     */
    private record Pulls(RegistryCredentials credentials, PullThroughCacheArgs cache,
                         RegistryCredentials.Existing.Checked existing, boolean withCredentials) {
    }

    /** Runs every part's checks under this component's field paths, then the rules between the parts. */
    static Checked validate(String name, LoadBalancedServiceArgs args, Problems problems, AwsEnvironment env,
                            Resource component, String kind, String serviceChild) {
        Containers containers = checkContainers(args, problems);
        // Without a component (problems()), the default VPC is not looked up: its values are Outputs, checked
        // when the component itself runs.
        NetworkArgs network = args.network().orElseGet(() -> component == null ? null : DefaultVpc.lookup(component));
        if (network != null) {
            network.validate(problems.at("network"));
        }
        ApplicationLoadBalancerOptions loadBalancer = checkPlacement(name, args, problems, env, component);
        TargetGroupArgs targetGroup = checkTargetGroup(args, containers.port(), problems);
        EcsServiceOptions service = checkService(args, problems, env);
        problems.add("name", EcsService.nameProblem(name, name + serviceChild));
        checkTaskRole(args, problems);
        problems.add("tags", Rules.tags(args.tags()));
        args.customizations().validate(problems);
        args.pullFailureTopicArn().flatMap(Value::plain).ifPresent(t -> problems.add("pullFailureTopicArn",
                PullFailureAlertsArgs.topicProblem(t, env)));
        Pulls pulls = checkCredentials(args, containers.main(), problems, env);
        checkInstanceAuth(args.service(), pulls, problems);
        VpcEndpointsArgs endpoints = args.vpcEndpoints().map(e -> endpointsArgs(e, network, containers.all(),
                pulls.cache() == null && pulls.withCredentials(), args.service().onEc2(), problems)).orElse(null);
        ContainerArgs main = checkMainRegistry(containers, pulls, problems);
        List<SidecarPull> sidecarPulls = new ArrayList<>();
        for (int i = 0; i < args.sidecars().size(); i++) {
            sidecarPulls.add(sidecarPull(i, args, pulls.cache(), env, problems.at(EcsService.containerField(i + 1))));
        }
        List<Optional<String>> digests = preflight(args, sidecarPulls, problems, env, component, kind + " '" + name
                + "'");
        return new Checked(network, main, sidecarPulls, digests, targetGroup, pulls.existing(), pulls.cache(),
                endpoints, service, loadBalancer);
    }

    /** The main container and the sidecars, each under its field, and the rules between them. */
    private static Containers checkContainers(LoadBalancedServiceArgs args, Problems problems) {
        ContainerArgs main = args.container().orElse(null);
        List<ContainerArgs> containers = new ArrayList<>();
        ContainerArgs mainChecked = null;
        if (main == null) {
            problems.add("container", "required: the main container, e.g. ContainerArgs.builder().image(\"ghcr.io/"
                    + "OWNER/IMAGE:TAG\").port(8080).build()");
        } else {
            mainChecked = main.validateAsMain(problems.at("container"));
            containers.add(main);
        }
        var sidecars = args.sidecars();
        for (int i = 0; i < sidecars.size(); i++) {
            sidecars.get(i).validate(problems.at("sidecars[" + i + "]"));
        }
        if (main != null) {
            containers.addAll(sidecars);
            EcsService.checkContainers(containers, problems);
        }
        return new Containers(main, mainChecked, containers);
    }

    /**
     * An own load balancer or a place on a shared one, not both.
     *
     * @return the own load balancer's options, checked; null on a shared one
     */
    private static ApplicationLoadBalancerOptions checkPlacement(String name, LoadBalancedServiceArgs args,
                                                                 Problems problems, AwsEnvironment env,
                                                                 Resource component) {
        if (args.loadBalancer().isPresent() && args.listenerRule().isPresent()) {
            problems.add("listenerRule", "give loadBalancer (an own load balancer) or listenerRule (a place on a "
                    + "shared one), not both");
        }
        if (args.listenerRule().isPresent()) {
            args.listenerRule().get().validate(problems.at("listenerRule"));
            // Placed under the name its ListenerTarget will have, which places it again, as the same rule.
            ListenerTarget.place(args.listenerRule().get(), targetName(name), problems.at("listenerRule"), component);
            return null;
        }
        // The options only: the service wires the network and the target group, whatever type was given.
        return ApplicationLoadBalancerOptions.builder().from(args.loadBalancerOrDefaults()).build()
                .validate(problems.at("loadBalancer")).checkAccountAndRegion(problems.at("loadBalancer"), env);
    }

    /**
     * The target group's options, on the container's port and with the target type of the service's network mode.
     *
     * @return the target group as the load balancer or the listener creates it
     */
    private static TargetGroupArgs checkTargetGroup(LoadBalancedServiceArgs args, int port, Problems problems) {
        args.targetGroup().port().filter(p -> p != port).ifPresent(p -> problems.add("targetGroup.port",
                p + " differs from the container's port " + port + ", where the targets listen; leave it unset",
                String.valueOf(port)));
        // The port is the container's, checked there.
        args.targetGroup().toBuilder().port(Optional.empty()).build().validate(problems.at("targetGroup"));
        EcsServiceOptions service = args.service();
        // Bridge-mode tasks are reached on their instance's dynamic host ports, awsvpc tasks on their own IP.
        String targetType = service.bridge() ? TargetGroupArgs.INSTANCE : TargetGroupArgs.IP;
        args.targetGroup().targetType().filter(t -> !t.equals(targetType)).ifPresent(t -> problems.add(
                "targetGroup.targetType", t + " does not reach tasks of network mode " + service.networkMode().value()
                        + "; leave it unset", targetType));
        return args.targetGroup().toBuilder().port(port).targetType(targetType).build();
    }

    /**
     * The execution role's and the service's options; the service's log key of the deploying region.
     *
     * @return the service's options, a log key of another resource carrying its checks
     */
    private static EcsServiceOptions checkService(LoadBalancedServiceArgs args, Problems problems, AwsEnvironment env) {
        args.executionRole().validate(problems.at("executionRole"));
        EcsServiceOptions service = args.service();
        EcsServiceOptions checked = service.validate(problems.at("service"));
        Optional<Output<String>> logKey = EcsService.logKeyInRegion(checked, problems.at("service"), env);
        if (logKey.isPresent() && !service.logKmsKeyArn().orElseThrow().isPlain()) {
            checked = checked.toBuilder().logKmsKeyArn(logKey.get()).build();
        }
        return checked;
    }

    /** A task role to create, or the service's existing one, not both; checked as it is created. */
    private static void checkTaskRole(LoadBalancedServiceArgs args, Problems problems) {
        EcsServiceOptions service = args.service();
        if (args.taskRole().isPresent() && service.taskRoleArn().isPresent()) {
            problems.add("taskRole", "create a task role here or give an existing one in service.taskRoleArn, "
                    + "not both");
        }
        // The task role as it is created: with ECS Exec on, it also allows ECS Exec's channels.
        args.taskRole().ifPresent(t -> t.toBuilder().executeCommand(t.executeCommand()
                || service.enableExecuteCommand()).build().validate(problems.at("taskRole")));
    }

    /** The main image's credentials, or the cache it comes through (whose credentials ECR reads), checked. */
    private static Pulls checkCredentials(LoadBalancedServiceArgs args, ContainerArgs main, Problems problems,
                                          AwsEnvironment env) {
        RegistryCredentials credentials = args.registryCredentials().orElse(null);
        RegistryCredentials.Existing.Checked existing = null;
        PullThroughCacheArgs cache = args.pullThroughCache().isEmpty() ? null
                : cacheArgs(args.pullThroughCache().get(), main, credentials, problems);
        if (cache != null) {
            // The credentials are the cache's, read by ECR; what is wrong with them is the cache's problem.
            cache.validate(problems.at("pullThroughCache")).checkAccountAndRegion(problems.at("pullThroughCache"), env);
        } else {
            existing = validateCredentials(credentials, problems.at("registryCredentials"), env);
        }
        boolean withCredentials = credentials != null && !(credentials instanceof RegistryCredentials.None);
        return new Pulls(credentials, cache, existing, withCredentials);
    }

    /**
     * Credentials a container pulls with: the secret to create, or the existing one, in the deploying account and
     * region.
     *
     * @param credentials the credentials, or null
     * @param problems    where problems go, under the credentials' field
     * @param env         where the component deploys
     * @return an existing secret, checked; null for any other credentials
     */
    private static RegistryCredentials.Existing.Checked validateCredentials(RegistryCredentials credentials,
                                                                        Problems problems, AwsEnvironment env) {
        if (credentials instanceof RegistryCredentials.Create create) {
            create.secretArgs(Map.of()).validate(problems).checkAccountAndRegion(problems, env);
        } else if (credentials instanceof RegistryCredentials.Existing e) {
            return e.validate(problems, env);
        }
        return null;
    }

    /** Instance registry authentication needs credentials of the user's, which the agent reads from the registry. */
    private static void checkInstanceAuth(EcsServiceOptions service, Pulls pulls, Problems problems) {
        if (!instanceAuth(service)) {
            return;
        }
        if (pulls.cache() != null) {
            problems.add("service.ec2.registryAuth", "instance, but the image comes through the pull-through cache, "
                    + "from ECR, which the execution role pulls from; use task", Ec2CapacityOptions.REGISTRY_AUTH_TASK);
        } else if (!pulls.withCredentials()) {
            problems.add("service.ec2.registryAuth", "instance, but the image needs no registry credentials; use task "
                    + "(or give registryCredentials)", Ec2CapacityOptions.REGISTRY_AUTH_TASK);
        }
    }

    /**
     * The main image's registry needs the credentials given (or none); an image of another resource is checked in
     * its apply, and the checked image is what the task definition consumes.
     *
     * @return the main container to run
     */
    private static ContainerArgs checkMainRegistry(Containers containers, Pulls pulls, Problems problems) {
        ContainerArgs main = containers.main();
        if (pulls.cache() != null || main == null || main.image().isEmpty()) {
            return main;
        }
        RegistryCredentials credentials = pulls.credentials();
        if (main.image().get().isPlain()) {
            problems.add("registryCredentials", registryProblem(main.image().get().plain().get(), credentials));
            return main;
        }
        Output<String> image = problems.check("registryCredentials", containers.checked().image().orElseThrow(),
                i -> registryProblem(i, credentials));
        return main.toBuilder().image(image).build();
    }

    /**
     * Asks each container's registry whether its credentials can pull its image, before ECS does; the main
     * container first, then the sidecars, each with the credentials it pulls with.
     *
     * @return each container's digest, where the registry answered
     */
    private static List<Optional<String>> preflight(LoadBalancedServiceArgs args, List<SidecarPull> sidecars,
                                                    Problems problems, AwsEnvironment env, Resource component,
                                                    String owner) {
        List<Optional<String>> digests = new ArrayList<>();
        ContainerArgs main = args.container().orElse(null);
        if (!args.registryPreflight() || main == null || main.image().isEmpty()) {
            return digests;
        }
        String architecture = architecture(args.service());
        RegistryCredentials mainCredentials = args.registryCredentials().orElse(null);
        digests.add(ImagePreflight.check(main.image().get(), mainCredentials, architecture,
                new ImagePreflight.Fields("container.image", credentialsField("registryCredentials", mainCredentials)),
                problems, component, owner, env));
        ImagePreflight.warnOfExpiringToken(main.image().get(), mainCredentials, component, owner,
                credentialsField("registryCredentials", mainCredentials));
        for (int i = 0; i < sidecars.size(); i++) {
            SidecarPull pull = sidecars.get(i);
            String field = EcsService.containerField(i + 1);
            // A sidecar on the main container's host pulls with its credentials.
            RegistryCredentials credentials = pull.own() != null ? pull.own()
                    : sameHostAsMain(pull.container(), main) ? mainCredentials : null;
            String credentialsField = credentialsField(pull.own() != null ? field + ".registryCredentials"
                    : "registryCredentials", credentials);
            digests.add(pull.container().image().isEmpty() ? Optional.empty() : ImagePreflight.check(
                    pull.container().image().get(), credentials, architecture, new ImagePreflight.Fields(field + ".image",
                            credentialsField), problems, component, owner, env));
        }
        return digests;
    }

    /** The field a refusal of these credentials goes under: the password, the secret, or the choice itself. */
    private static String credentialsField(String field, RegistryCredentials credentials) {
        return credentials instanceof RegistryCredentials.Create ? field + ".password"
                : credentials instanceof RegistryCredentials.Existing ? field + ".secret" : field;
    }

    private static boolean sameHostAsMain(ContainerArgs sidecar, ContainerArgs main) {
        return sidecar.image().flatMap(Value::plain).isPresent() && main.image().orElseThrow().isPlain()
                && sameHost(sidecar.image().get().plain().get(), main.image().get().plain().get());
    }

    /** Each container's image with the digest the registry answered, by container name: a handle and an export. */
    private void recordDigests(LoadBalancedServiceArgs args, List<Optional<String>> digests) {
        for (int i = 0; i < digests.size(); i++) {
            ContainerArgs c = i == 0 ? args.container().orElse(null) : args.sidecars().get(i - 1);
            int index = i;
            digests.get(i).ifPresent(d -> imageDigests.put(c.name(index == 0), ImageReference.parse(
                    c.image().orElseThrow().plain().orElseThrow()).withDigest(d)));
        }
    }

    /** A container that runs its image as {@code image@digest}, when pinned and the registry answered. */
    private static ContainerArgs pinned(ContainerArgs container, List<Optional<String>> digests, int index,
                                        boolean pin) {
        if (!pin || index >= digests.size() || digests.get(index).isEmpty()) {
            return container;
        }
        return container.toBuilder().image(ImageReference.parse(container.image().orElseThrow().plain().orElseThrow())
                .withDigest(digests.get(index).get())).build();
    }

    /** The task's CPU architecture, as the registry's index must offer it: given, the EC2 type's, or X86_64. */
    /** With registryAuth instance the container instances read the credentials, not the execution role. */
    private static boolean instanceAuth(EcsServiceOptions service) {
        return service.ec2().filter(e -> e.registryAuth() == RegistryAuth.INSTANCE).isPresent();
    }

    private static String architecture(EcsServiceOptions service) {
        return service.cpuArchitecture().map(Enum::name).orElseGet(() -> service.onEc2()
                ? Ec2InstanceType.parse(service.ec2().orElseThrow().instances().instanceType()).map(Ec2InstanceType::cpuArchitecture)
                .orElse("X86_64") : "X86_64");
    }

    /**
     * How a sidecar pulls: its own credentials (checked like the main container's), the main container's when its
     * image is on the same registry host, through the cache when it is of the cache's upstream, or none for ECR; an
     * image of any other registry without credentials is refused, as the main container's is.
     */
    private static SidecarPull sidecarPull(int index, LoadBalancedServiceArgs args, PullThroughCacheArgs cache,
                                           AwsEnvironment env, Problems problems) {
        ContainerArgs sidecar = args.sidecars().get(index);
        RegistryCredentials own = args.sidecarRegistryCredentials(index).orElse(null);
        RegistryCredentials.Existing.Checked existing = validateCredentials(own, problems.at("registryCredentials"),
                env);
        ContainerArgs main = args.container().orElse(null);
        if (sidecar.image().isEmpty() || main == null || main.image().isEmpty()) {
            return new SidecarPull(sidecar, own, existing, Output.of(false));
        }
        RegistryCredentials mainCredentials = args.registryCredentials().orElse(null);
        boolean mainHasSecret = cache == null && (mainCredentials instanceof RegistryCredentials.Create
                || mainCredentials instanceof RegistryCredentials.Existing);
        Registry cached = cache == null ? null : cache.registry().orElseThrow();
        Output<List<String>> images = problems.check("registryCredentials", Value.combine(sidecar.image().get(),
                main.image().get(), List::of), i -> sidecarRegistryProblem(i.get(0), i.get(1), own, mainHasSecret, cached));
        return new SidecarPull(sidecar, own, existing, images.applyValue(i -> own == null && mainHasSecret
                && sameHost(i.get(0), i.get(1))));
    }

    private static Optional<String> sidecarRegistryProblem(String image, String mainImage, RegistryCredentials own,
                                                           boolean mainHasSecret, Registry cached) {
        Registry registry;
        try {
            registry = Registry.of(ImageReference.parse(image));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (own != null || registry == cached || (mainHasSecret && sameHost(image, mainImage))) {
            return own == null ? Optional.empty() : registryProblem(image, own);
        }
        return registry.needsCredentials() ? Optional.of("required for a " + registry.configName() + " image on "
                + "another registry than the main container's: sidecar(container, RegistryCredentials.create(USER, "
                + "PASSWORD)) with " + registry.credentialHint() + ", or RegistryCredentials.existing(SECRET_ARN); for "
                + "a public image, RegistryCredentials.none()") : Optional.empty();
    }

    private static boolean sameHost(String image, String other) {
        try {
            return ImageReference.parse(image).host().equalsIgnoreCase(ImageReference.parse(other).host());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The cache as the composite runs it: the upstream of the image's registry, the composite's credentials and, unset,
     * the prefix {@code <stack>-<upstream>}.
     */
    private static PullThroughCacheArgs cacheArgs(PullThroughCacheOptions given, ContainerArgs main,
                                                  RegistryCredentials credentials, Problems problems) {
        Registry registry = given.registry().orElse(null);
        if (main != null && main.image().flatMap(Value::plain).isPresent()) {
            try {
                Registry inferred = Registry.of(ImageReference.parse(main.image().get().plain().get()));
                if (registry != null && registry != inferred) {
                    problems.add("pullThroughCache.registry", registry.configName() + " contradicts the image's "
                            + "registry " + inferred.configName());
                }
                registry = inferred;
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        if (registry == null) {
            problems.add("pullThroughCache.registry", "required for an image from another resource: the upstream "
                    + "registry (Registry.GHCR, DOCKERHUB, GITLAB or QUAY)");
            return null;
        }
        var b = PullThroughCacheArgs.builder().from(given).registry(registry)
                .credentials(credentials == null ? RegistryCredentials.none() : credentials);
        if (given.prefix().isEmpty()) {
            // problems() may run outside a program, without a stack; every default is a valid prefix, so any
            // stack name checks the same.
            String stack = DeploymentInstanceHolder.getInstanceOptional().map(Deployment::getStackName)
                    .orElse("stack");
            b.prefix(PullThroughCacheArgs.defaultPrefix(stack, registry));
        }
        return b.build();
    }

    /**
     * The endpoints the tasks need: ECR, S3 and logs always; Secrets Manager when a container reads a secret of it
     * (or pulls with registry credentials), SSM when one reads a parameter. A secret an Output names could be either:
     * both then.
     */
    private static VpcEndpointsArgs endpointsArgs(VpcEndpointsOptions given, NetworkArgs network,
                                                  List<ContainerArgs> containers, boolean readsRegistrySecret,
                                                  boolean ecsAgent, Problems problems) {
        if (network == null || network.privateSubnetIds().isEmpty()) {
            problems.add("vpcEndpoints", "needs a network with private subnets: endpoints replace the NAT gateway of "
                    + "tasks without a public IP");
            return null;
        }
        boolean secretsManager = readsRegistrySecret;
        boolean ssm = false;
        for (ContainerArgs c : containers) {
            for (Value<String> valueFrom : c.appSecrets().values()) {
                String service = valueFrom.plain().flatMap(io.github.fargateprivate.arn.Arn::parse)
                        .map(io.github.fargateprivate.arn.Arn::service).orElse("either");
                secretsManager |= !service.equals("ssm");
                ssm |= !service.equals("secretsmanager");
            }
        }
        var b = VpcEndpointsArgs.builder().from(given).subnetIds(network.privateSubnetIds().get());
        network.vpcId().ifPresent(b::vpcId);
        VpcEndpointsArgs.ALWAYS.forEach(b::service);
        if (secretsManager) {
            b.service("secretsmanager");
        }
        if (ssm) {
            b.service("ssm");
        }
        if (ecsAgent) {
            // The ECS agent on EC2 container instances registers, polls and reports through these.
            VpcEndpointsArgs.ECS_AGENT.forEach(b::service);
        }
        VpcEndpointsArgs built = b.build();
        built.validate(problems.at("vpcEndpoints"));
        return built;
    }

    /** Whether the credentials fit the image's registry: ECR needs none, every other registry needs a choice. */
    private static Optional<String> registryProblem(String image, RegistryCredentials credentials) {
        Registry registry;
        try {
            registry = Registry.of(ImageReference.parse(image));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!registry.needsCredentials() && (credentials instanceof RegistryCredentials.Create
                || credentials instanceof RegistryCredentials.Existing)) {
            return Optional.of((registry == Registry.ECR_PUBLIC ? "ECR Public images need no registry credentials"
                    : "ECR images need no registry credentials: the execution role pulls them") + "; use "
                    + "RegistryCredentials.none() or leave it unset");
        }
        if (registry.needsCredentials() && credentials == null) {
            return Optional.of("required for a " + registry.configName() + " image: RegistryCredentials.create(USER, "
                    + "PASSWORD) with " + registry.credentialHint() + ", or RegistryCredentials.existing(SECRET_ARN); "
                    + "for a public image, RegistryCredentials.none()");
        }
        return Optional.empty();
    }

    /**
     * The sidecars' registry credentials: a secret created for those given as {@link RegistryCredentials#create}, an
     * existing one, or the main container's for a sidecar on its registry host; the execution role reads each.
     *
     * @return the secret of each sidecar that pulls with one, by sidecar name
     */
    private Map<String, Output<String>> createSidecarCredentials() {
        boolean instanceAuth = instanceAuth(checked.service());
        Map<String, Output<String>> secrets = new TreeMap<>();
        for (SidecarPull pull : checked.sidecars()) {
            String sidecar = pull.container().name(false);
            Output<String> secret;
            Value<String> key = pull.own() == null ? null : pull.own().kmsKeyArn().orElse(null);
            if (pull.own() instanceof RegistryCredentials.Create create) {
                var created = new RegistryCredentialsSecret(name + "-" + sidecar + "-credentials",
                        create.secretArgs(tags), childOptions);
                sidecarCredentialsSecrets.add(created);
                secret = created.arn();
            } else if (pull.existing() != null) {
                secret = pull.existing().secret();
                key = pull.existing().kmsKeyArn() == null ? null : Value.of(pull.existing().kmsKeyArn());
            } else {
                // The main container's secret, which the role reads already; with registryAuth instance the agent
                // holds it for that host. An image of another host has been checked to need none.
                Output<String> shared = credentialsSecretArn == null || instanceAuth ? Output.of("")
                        : credentialsSecretArn;
                secrets.put(sidecar, Output.tuple(pull.sharesMain(), shared).applyValue(t -> t.t1 ? t.t2 : ""));
                continue;
            }
            secrets.put(sidecar, secret);
            sidecarGrants.add(new Grant(secret, key));
        }
        return secrets;
    }

    /** A sidecar of the cache's upstream registry pulls through the cache too. */
    private static ContainerArgs throughCache(ContainerArgs sidecar, PullThroughCache cache, Registry upstream) {
        Output<String> image = Output.tuple(sidecar.image().orElseThrow().output(), cache.ruleReady()).applyValue(t -> {
            ImageReference reference = ImageReference.parse(t.t1);
            return Registry.of(reference) == upstream ? cache.imageFor(reference) : t.t1;
        });
        return sidecar.toBuilder().image(image).build();
    }

    /**
     * Docker Hub allows 10 anonymous pulls per hour per IP address since 2025-04-01 (Docker's "Usage and limits"):
     * tasks that start behind one NAT address beyond that fail with {@code CannotPullContainerError}. Said for each
     * container that pulls from Docker Hub without credentials.
     */
    private void warnAnonymousDockerHub(List<ContainerArgs> containers, LoadBalancedServiceArgs args,
                                        boolean throughCache) {
        for (int i = 0; i < containers.size(); i++) {
            RegistryCredentials credentials = i == 0 ? args.registryCredentials().orElse(null)
                    : args.sidecarRegistryCredentials(i - 1).orElse(null);
            String field = EcsService.containerField(i);
            Value<String> image = (i == 0 ? args.container().orElse(null) : args.sidecars().get(i - 1)).image().orElseThrow();
            if (!(credentials instanceof RegistryCredentials.None) || (i == 0 && throughCache) || !image.isPlain()) {
                continue;
            }
            dockerHub(image.plain().get()).ifPresent(reference -> EngineLog.warn(this, owner, field + ": " + reference
                    + " is pulled from Docker Hub without credentials, which allows 10 pulls per hour per IP address "
                    + "(since 2025-04-01; https://docs.docker.com/docker-hub/usage/): more task starts behind one NAT "
                    + "address fail with CannotPullContainerError (toomanyrequests); give Docker Hub credentials (a "
                    + "read-only access token), or pull it through ECR (pullThroughCache)"));
        }
    }

    private static Optional<String> dockerHub(String image) {
        try {
            ImageReference reference = ImageReference.parse(image);
            return Registry.of(reference) == Registry.DOCKERHUB ? Optional.of(image) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String targetName(String name) {
        return name + "-target";
    }

    private static Map<String, String> merged(Map<String, String> common, Map<String, String> own) {
        var tags = new TreeMap<>(common);
        tags.putAll(own);
        return tags;
    }

    /** @return the created credentials secret; empty with an existing secret or none */
    public Optional<RegistryCredentialsSecret> credentialsSecret() {
        return Optional.ofNullable(credentialsSecret);
    }

    /**
     * @return each container's image with the digest its registry answered when the component was built
     *     ({@code ghcr.io/acme/app@sha256:...}), by container name; empty where the registry was not asked
     */
    public Map<String, String> imageDigests() {
        return Map.copyOf(imageDigests);
    }

    /** @return the secrets created for sidecars' own registry credentials, in the sidecars' order */
    public List<RegistryCredentialsSecret> sidecarCredentialsSecrets() {
        return List.copyOf(sidecarCredentialsSecrets);
    }

    /** @return the pull-through cache; empty without one */
    public Optional<PullThroughCache> pullThroughCache() {
        return Optional.ofNullable(pullThroughCache);
    }

    /** @return the VPC endpoints; empty without them */
    public Optional<VpcEndpoints> vpcEndpoints() {
        return Optional.ofNullable(vpcEndpoints);
    }

    /** @return the task execution role */
    public TaskExecutionRole executionRole() {
        return executionRole;
    }

    /** @return the created task role; empty without one, or with an existing one */
    public Optional<TaskRole> taskRole() {
        return Optional.ofNullable(taskRole);
    }

    /** @return the own load balancer; empty on a shared one */
    public Optional<ApplicationLoadBalancer> loadBalancer() {
        return Optional.ofNullable(loadBalancer);
    }

    /** @return the target group and rule on a shared load balancer; empty with an own one */
    public Optional<ListenerTarget> listenerTarget() {
        return Optional.ofNullable(listenerTarget);
    }

    /** @return the service's target group, on the own or the shared load balancer */
    public TargetGroup targetGroup() {
        return loadBalancer != null ? loadBalancer.targetGroup().orElseThrow() : listenerTarget.targetGroup();
    }

    /** @return the ECS service */
    public EcsService service() {
        return service;
    }

    /** @return the alarms that roll a deployment back; empty when turned off */
    public Optional<DeploymentAlarms> deploymentAlarms() {
        return Optional.ofNullable(deploymentAlarms);
    }

    /** @return the rule that sends pull failures to the topic; empty without a topic */
    public Optional<PullFailureAlerts> pullFailureAlerts() {
        return Optional.ofNullable(pullFailureAlerts);
    }

    /** @return the service's URL on its own load balancer; empty on a shared one, whose URL is its owner's */
    public Optional<Output<String>> url() {
        return loadBalancer().map(ApplicationLoadBalancer::url);
    }

    /** @return the credentials secret's ARN (or name); empty when the image needs no credentials */
    public Optional<Output<String>> credentialsSecretArn() {
        return Optional.ofNullable(credentialsSecretArn);
    }

    /** @return the region the service runs in: its provider's */
    public String region() {
        return region;
    }
}
