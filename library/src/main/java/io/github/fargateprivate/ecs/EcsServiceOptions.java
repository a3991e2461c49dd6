package io.github.fargateprivate.ecs;

import com.pulumi.core.Output;
import io.github.fargateprivate.Customizations;
import io.github.fargateprivate.Options;
import io.github.fargateprivate.OptionsStyle;
import io.github.fargateprivate.Problems;
import io.github.fargateprivate.Rules;
import io.github.fargateprivate.Value;
import io.github.fargateprivate.arn.Arn;
import io.github.fargateprivate.AwsName;
import org.immutables.value.Value.Default;
import org.immutables.value.Value.Immutable;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a user sets on an ECS service: where and how large its tasks run, how many, how they roll out, log and
 * network limits. What a parent wires (the network, the containers, the roles, the load balancer) is in
 * {@link EcsServiceArgs}, which implements these options; a load-balanced service takes these options only.
 * Immutable; build with {@link #builder()}.
 *
 * <p>An interface, not an abstract class, so that {@link EcsServiceArgs} can have a {@code builder()} of its own:
 * Java lets a class's static method hide another's only with a compatible return type, and an interface's static
 * methods are not inherited.
 */
@Immutable
@OptionsStyle
public interface EcsServiceOptions extends Options<EcsServiceOptions> {

    /** Default of {@link #cpu()}. */
    int DEFAULT_CPU = 256;
    /** Default of {@link #memory()}. */
    int DEFAULT_MEMORY = 512;

    /**
     * @return an existing ECS cluster's ARN, e.g. one that several services share. Default: none; a cluster with
     *     Container Insights (Security Hub ECS.12) is created for the service
     */
    Optional<Value<String>> clusterArn();

    /**
     * @return where the tasks run: {@link Launch#fargate()} (with its Spot mix, storage and platform version) or
     *     {@link Launch#ec2()} (container instances of the service's own, with their network mode and registry
     *     authentication). Default: Fargate
     */
    @Default
    default Launch launch() {
        return Launch.fargate();
    }

    /** @return task CPU units (1024 = 1 vCPU). Default: {@value #DEFAULT_CPU}, the smallest Fargate size */
    @Default
    default int cpu() {
        return DEFAULT_CPU;
    }

    /** @return task memory in MiB; must pair with {@link #cpu()} as Fargate allows. Default: {@value #DEFAULT_MEMORY} */
    @Default
    default int memory() {
        return DEFAULT_MEMORY;
    }

    /**
     * @return the CPU architecture (ARM64 is Graviton, about 20 % cheaper; the image must be built for it, and Fargate
     *     Spot runs X86_64 only). Default: not set, which Fargate runs as X86_64
     */
    Optional<CpuArchitecture> cpuArchitecture();

    /** @return the number of tasks, 0-5000. Default: 2, one per availability zone for the common two-subnet case */
    @Default
    default int desiredCount() {
        return 2;
    }

    /** @return autoscaling of the task count. Default: none, a fixed {@link #desiredCount()} */
    Optional<AutoScalingArgs> autoScaling();

    /**
     * @return whether ECS Exec ({@code aws ecs execute-command}) may open a shell in the containers. Needs a task role
     *     that allows ECS Exec's channel actions; each container then gets writable volumes at {@code /var/lib/amazon}
     *     and {@code /var/log/amazon}, where the SSM agent writes despite the read-only root file system. Default: false
     */
    @Default
    default boolean enableExecuteCommand() {
        return false;
    }

    /**
     * @return whether ECS moves tasks back into an Availability Zone that recovered, starting tasks in the zones with
     *     the fewest and stopping them in the zones with the most (the service's {@code availabilityZoneRebalancing};
     *     "Balancing an Amazon ECS service across Availability Zones", ECS developer guide,
     *     https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-rebalancing.html). ECS rebalances
     *     replica services whose first placement strategy spreads across zones; this service is one on Fargate, and on
     *     EC2 its first strategy is that spread. Default: true
     */
    @Default
    default boolean availabilityZoneRebalancing() {
        return true;
    }

    /**
     * @return the Container Insights level of the cluster the service creates: {@link ContainerInsights#ENHANCED}
     *     adds task- and container-level metrics, billed per metric at their own rate;
     *     {@link ContainerInsights#DISABLED} fails Security Hub ECS.12. Only for a created cluster. Default:
     *     {@link ContainerInsights#ENABLED}
     */
    @Default
    default ContainerInsights containerInsights() {
        return ContainerInsights.ENABLED;
    }

    /**
     * @return a bucket of the stack's account where the cluster the service creates also writes ECS Exec sessions,
     *     below {@code ecs-exec/<family>/}, next to the session log group it always gets with
     *     {@link #enableExecuteCommand()}; the task role may put objects there. Default: none, the log group only
     */
    Optional<String> executeCommandLogBucket();

    /**
     * @return a customer managed KMS key that encrypts ECS Exec's channel between the client and the container (the
     *     cluster's {@code executeCommandConfiguration.kmsKeyId}); the task role may decrypt with it, and the user who
     *     runs {@code aws ecs execute-command} needs {@code kms:GenerateDataKey} on it. Only for a created cluster.
     *     Default: none, TLS only
     */
    Optional<Value<String>> executeCommandKmsKeyArn();

    /**
     * @return a customer managed KMS key of the stack's region that encrypts the Fargate tasks' ephemeral storage (the
     *     cluster's {@code managedStorageConfiguration.fargateEphemeralStorageKmsKeyId}); a single-Region key given by
     *     its key ARN, whose key policy lets Fargate use it (docs/security.md). Only on Fargate, for a created cluster.
     *     Default: none, Fargate's AES-256 with a key AWS owns
     */
    Optional<Value<String>> ephemeralStorageKmsKeyArn();

    /**
     * @return whether {@code pulumi up} waits until the service is stable: a rollout that the circuit breaker rolls
     *     back then fails the update instead of reporting success. Default: true
     */
    @Default
    default boolean waitForSteadyState() {
        return true;
    }

    /** @return seconds ECS ignores failing load-balancer health checks of a new task. Default: 90 s, a Spring Boot start */
    @Default
    default int healthCheckGracePeriodSeconds() {
        return 90;
    }

    /** @return days the log group keeps container logs; one of CloudWatch's values (CloudWatch.16). Default: 30 */
    @Default
    default int logRetentionDays() {
        return 30;
    }

    /**
     * @return the task definition family, under which ECS numbers revisions: 1-255 letters, digits, '-' and '_' (ECS's
     *     rule). Default: the component's name; stacks that share an account and region need different families, e.g.
     *     {@code <project>-<stack>}
     */
    Optional<String> family();

    /** @return the task role, the application's own AWS identity. Default: none */
    Optional<Value<String>> taskRoleArn();

    /**
     * @return a customer managed KMS key in the stack's region that encrypts the log group. Its key policy must let
     *     CloudWatch Logs use it (docs/security.md: the statement for {@code logs.<region>.amazonaws.com}). Default:
     *     none, CloudWatch Logs' own encryption
     */
    Optional<Value<String>> logKmsKeyArn();

    /**
     * @return where the tasks may connect: only TCP 443 to these IPv4 CIDR blocks (and to the VPC endpoints the stack
     *     creates), instead of anywhere. AWS's DNS resolver is always reachable. Default: anywhere
     */
    Optional<Value<List<String>>> taskEgressCidrBlocks();

    /**
     * @return whether a rotated app secret makes the next {@code pulumi up} start a new deployment: the current version
     *     of every app secret given as a plain ARN of the stack's region feeds the service's {@code triggers}.
     *     Default: true
     */
    @Default
    default boolean redeployOnSecretRotation() {
        return true;
    }

    /** @return more values whose change starts a new deployment (the service's {@code triggers}). Default: none */
    Map<String, Value<String>> redeployTriggers();

    /**
     * @return CloudWatch alarms whose {@code ALARM} state fails a deployment, which ECS then rolls back (the service's
     *     {@code alarms} block; "How CloudWatch alarms detect Amazon ECS deployment failures", ECS developer guide),
     *     e.g. {@code cloudwatch.DeploymentAlarms#alarmNames()}. Default: none; the deployment circuit breaker alone
     */
    Optional<Value<List<String>>> deploymentAlarms();

    /** @return tags of every taggable child; the service propagates them to its tasks. Default: none */
    Map<String, String> tags();

    /**
     * @return functions over the args of the AWS resources the service creates, checked against the library's
     *     security controls; see {@link Customizations}. Default: none
     */
    @Default
    default Customizations customizations() {
        return Customizations.none();
    }

    /** @return whether the service runs on EC2 container instances */
    default boolean onEc2() {
        return launch() instanceof Launch.Ec2;
    }

    /** @return {@code FARGATE} or {@code EC2} */
    default String launchType() {
        return onEc2() ? "EC2" : "FARGATE";
    }

    /** @return the tasks' network mode: awsvpc on Fargate */
    default NetworkMode networkMode() {
        return launch() instanceof Launch.Ec2 ec2 ? ec2.networkMode() : NetworkMode.AWSVPC;
    }

    /** @return whether the containers share the instance's Docker bridge */
    default boolean bridge() {
        return networkMode() == NetworkMode.BRIDGE;
    }

    /** @return the Fargate choice, or empty on EC2 */
    default Optional<Launch.Fargate> fargate() {
        return launch() instanceof Launch.Fargate f ? Optional.of(f) : Optional.empty();
    }

    /** @return the EC2 choice, or empty on Fargate */
    default Optional<Launch.Ec2> ec2() {
        return launch() instanceof Launch.Ec2 e ? Optional.of(e) : Optional.empty();
    }

    /**
     * @param componentName the component's name, the default
     * @return the task definition family
     */
    default String family(String componentName) {
        return family().orElse(componentName);
    }

    /**
     * Checks the options; values of other resources in the apply that consumes them. The log key's region, which
     * needs the deploying region, is {@link EcsService}'s rule.
     *
     * @param problems where problems go
     * @return these options, each value of another resource replaced by the checked one; of {@link EcsServiceArgs},
     *     only their options ({@link EcsServiceArgs#validate} keeps the wiring)
     */
    @Override
    default EcsServiceOptions validate(Problems problems) {
        validateOwnOptions(problems);
        return checkedValues(problems);
    }

    /** The plain options' rules. */
    private void validateOwnOptions(Problems problems) {
        if (launch() instanceof Launch.Fargate fargate) {
            FargateTaskSize.problem(cpu(), memory()).ifPresent(p -> problems.add(p.field(), p.message(),
                    p.suggested()));
            validateFargate(fargate, problems);
        } else {
            validateEc2((Launch.Ec2) launch(), problems);
        }
        problems.add("desiredCount", Rules.between(desiredCount(), 0, 5000));
        autoScaling().ifPresent(a -> a.validate(problems.at("autoScaling")));
        problems.add("healthCheckGracePeriodSeconds", Rules.between(healthCheckGracePeriodSeconds(), 0,
                2_147_483_647));
        problems.add("tags", Rules.tags(tags()));
        LogRetention.problem(logRetentionDays()).ifPresent(p -> problems.add("logRetentionDays", p,
                String.valueOf(LogRetention.nearest(logRetentionDays()))));
        family().filter(f -> !f.matches("[A-Za-z0-9_-]{1,255}")).ifPresent(f -> problems.add("family", "'" + f
                + "' is not a task definition family (1-255 letters, digits, '-', '_')"));
        validateClusterOptions(problems);
        customizations().validate(problems);
    }

    /** The options that configure the cluster the service creates: none with a given cluster. */
    private void validateClusterOptions(Problems problems) {
        Map<String, Boolean> given = new java.util.LinkedHashMap<>();
        given.put("containerInsights", containerInsights() != ContainerInsights.ENABLED);
        given.put("executeCommandLogBucket", executeCommandLogBucket().isPresent());
        given.put("executeCommandKmsKeyArn", executeCommandKmsKeyArn().isPresent());
        given.put("ephemeralStorageKmsKeyArn", ephemeralStorageKmsKeyArn().isPresent());
        given.forEach((field, set) -> {
            if (set && clusterArn().isPresent()) {
                problems.add(field, "configures the cluster the service creates, but clusterArn names an existing "
                        + "one; set it on that cluster, or leave clusterArn unset");
            }
        });
        for (String field : List.of("executeCommandLogBucket", "executeCommandKmsKeyArn")) {
            if (given.get(field) && !enableExecuteCommand()) {
                problems.add(field, "configures ECS Exec, which is off; turn on enableExecuteCommand or leave it unset");
            }
        }
        // S3's bucket naming rules (general purpose buckets; Amazon S3 user guide, "Bucket naming rules").
        executeCommandLogBucket().filter(b -> !b.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]") || b.contains(".."))
                .ifPresent(b -> problems.add("executeCommandLogBucket", "'" + b + "' is not an S3 bucket name (3-63 "
                        + "lower-case letters, digits, '.' and '-', starting and ending with a letter or digit)"));
        if (ephemeralStorageKmsKeyArn().isPresent() && onEc2()) {
            problems.add("ephemeralStorageKmsKeyArn", "encrypts Fargate's ephemeral storage, but the service runs on "
                    + "EC2, whose instances' volumes the launch template encrypts");
        }
    }

    /** Fargate's own options: storage, platform version, the Spot mix. */
    private void validateFargate(Launch.Fargate fargate, Problems problems) {
        Optional.ofNullable(fargate.ephemeralStorageGiB()).ifPresent(g -> problems.add("ephemeralStorageGiB",
                Rules.between(g, 21, 200)));
        Optional.ofNullable(fargate.platformVersion()).filter(v -> !v.matches("LATEST|\\d+\\.\\d+\\.\\d+"))
                .ifPresent(v -> problems.add("platformVersion", "'" + v + "' is not a Fargate platform version "
                        + "(LATEST, or e.g. 1.4.0)"));
        var strategy = fargate.capacityProviders();
        if (strategy.isEmpty()) {
            return;
        }
        for (var line : strategy) {
            if (!CapacityProviderStrategy.FARGATE_PROVIDERS.contains(line.capacityProvider())) {
                problems.add("capacityProviderStrategy", "'" + line.capacityProvider() + "' is not one of "
                        + CapacityProviderStrategy.FARGATE_PROVIDERS);
            }
            problems.add("capacityProviderStrategy", Rules.between(line.base(), 0, 100000).map(p -> "base " + p));
            problems.add("capacityProviderStrategy", Rules.between(line.weight(), 0, 1000).map(p -> "weight " + p));
        }
        if (strategy.stream().filter(l -> l.base() > 0).count() > 1) {
            problems.add("capacityProviderStrategy", "only one capacity provider may have a base (ECS's rule)");
        }
        if (strategy.stream().noneMatch(l -> l.weight() > 0)) {
            problems.add("capacityProviderStrategy", "at least one capacity provider needs a weight above 0");
        }
        if (strategy.stream().map(CapacityProviderStrategy::capacityProvider).distinct().count() != strategy.size()) {
            problems.add("capacityProviderStrategy", "names a capacity provider twice");
        }
        if (cpuArchitecture().filter(a -> a == CpuArchitecture.ARM64).isPresent() && strategy.stream()
                .anyMatch(l -> l.capacityProvider().equals(CapacityProviderStrategy.FARGATE_SPOT))) {
            problems.add("capacityProviderStrategy", "Fargate Spot runs X86_64 tasks only (ECS developer guide, "
                    + "\"Fargate capacity provider considerations\"); drop FARGATE_SPOT or use cpuArchitecture X86_64");
        }
    }

    /** What ECS needs of a service on its own container instances. */
    private void validateEc2(Launch.Ec2 ec2, Problems problems) {
        // ECS's task size limits on EC2 (task definition parameters, "Task size").
        problems.add("cpu", Rules.between(cpu(), 128, 196608));
        problems.add("memory", Rules.between(memory(), 128, 1_048_576));
        Ec2InstanceType.parse(ec2.instances().instanceType()).ifPresent(type -> {
            type.memoryMiB().filter(m -> memory() > m - EcsService.RESERVED_MIB).ifPresent(m -> problems.add(
                    "memory", memory() + " MiB do not fit on a " + type + " (" + m + " MiB, of which the OS and the "
                            + "ECS agent keep about " + EcsService.RESERVED_MIB + "): ECS would never place the task; "
                            + "choose a larger instanceType or less memory",
                    String.valueOf(m - EcsService.RESERVED_MIB)));
            type.cpuUnits().filter(c -> cpu() > c).ifPresent(c -> problems.add("cpu", cpu() + " CPU units "
                    + "do not fit on a " + type + " (" + c + "): ECS would never place the task; choose a larger "
                    + "instanceType or fewer units", String.valueOf(c)));
            cpuArchitecture().map(Enum::name).filter(a -> !a.equals(type.cpuArchitecture())).ifPresent(a ->
                    problems.add("cpuArchitecture", a + " does not match the instance type " + type
                            + ", which runs " + type.cpuArchitecture(), type.cpuArchitecture()));
        });
        if (clusterArn().isPresent()) {
            problems.add("clusterArn", "an EC2 service needs the cluster it creates: its instances' capacity "
                    + "provider is associated with the cluster, and that association (ClusterCapacityProviders) "
                    + "replaces a cluster's whole list; leave clusterArn unset, or use Ec2Capacity with your own "
                    + "association");
        }
    }

    /** The values of other resources, each checked in the apply that consumes it, with the plain values' message. */
    private EcsServiceOptions checkedValues(Problems problems) {
        var checked = builder().from(this);
        ec2().ifPresent(ec2 -> checked.launch(ec2.instances(checkedInstances(ec2, problems))));
        logKmsKeyArn().ifPresent(k -> checked.logKmsKeyArn(problems.checked("logKmsKeyArn", k,
                Arn::kmsKeyArnProblem)));
        taskEgressCidrBlocks().ifPresent(c -> checked.taskEgressCidrBlocks(problems.checked("taskEgressCidrBlocks", c,
                blocks -> blocks.isEmpty() ? Optional.of("empty, so the tasks could reach nothing, not even the "
                        + "registry; leave it unset to allow anywhere")
                        : blocks.stream().map(Rules::cidr).flatMap(Optional::stream).findFirst())));
        clusterArn().ifPresent(c -> checked.clusterArn(problems.checked("clusterArn", c,
                a -> EcsService.CLUSTER_ARN.matcher(a).matches() ? Optional.empty() : Optional.of("'" + a
                        + "' is not an ECS cluster ARN (arn:aws:ecs:REGION:ACCOUNT:cluster/NAME)"))));
        executeCommandKmsKeyArn().ifPresent(k -> checked.executeCommandKmsKeyArn(problems.checked(
                "executeCommandKmsKeyArn", k, Arn::kmsKeyArnProblem)));
        ephemeralStorageKmsKeyArn().ifPresent(k -> checked.ephemeralStorageKmsKeyArn(problems.checked(
                "ephemeralStorageKmsKeyArn", k, EcsServiceOptions::ephemeralStorageKeyProblem)));
        deploymentAlarms().ifPresent(a -> checked.deploymentAlarms(problems.checked("deploymentAlarms", a,
                EcsServiceOptions::alarmNamesProblem)));
        return checked.build();
    }


    /**
     * The instances' options, checked with the launch's registry authentication; an AMI of another resource carries
     * its check.
     */
    private static Ec2CapacityOptions checkedInstances(Launch.Ec2 ec2, Problems problems) {
        return Ec2CapacityOptions.builder().from(ec2.instances()).registryAuth(ec2.registryAuth().value()).build()
                .validate(problems.at("ec2"));
    }

    /**
     * A key ARN of a single-Region key: Fargate takes neither aliases nor multi-Region keys ({@code mrk-} ids; "Create
     * an encryption key for Fargate ephemeral storage for Amazon ECS", ECS developer guide,
     * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-create-storage-key.html).
     */
    private static Optional<String> ephemeralStorageKeyProblem(String key) {
        return Arn.kmsKeyArnProblem(key).or(() -> key.contains(":key/mrk-") ? Optional.of("'" + key + "' is a "
                + "multi-Region key, which Fargate ephemeral storage does not take; use a single-Region key")
                : Optional.empty());
    }

    /** PutMetricAlarm (CloudWatch API reference): an alarm's name has 1-255 characters, no ASCII control character. */
    private static Optional<String> alarmNamesProblem(List<String> names) {
        if (names.isEmpty()) {
            return Optional.of("empty; leave it unset for the circuit breaker alone");
        }
        return names.stream().filter(n -> n.isEmpty() || n.length() > AwsName.METRIC_ALARM.max()
                        || n.chars().anyMatch(c -> c < 0x20 || c == 0x7F)).findFirst()
                .map(n -> "'" + n + "' is not a CloudWatch alarm name (1-" + AwsName.METRIC_ALARM.max()
                        + " characters, no control characters)");
    }

    /**
     * The overloads of the options that another resource may produce, shared by this type's builder and
     * {@link EcsServiceArgs}'s.
     *
     * @param <B> the builder
     */
    interface Setters<B> {

        /**
         * @param clusterArn the cluster, checked in the apply that consumes it
         * @return this builder
         */
        B clusterArn(Value<String> clusterArn);

        /**
         * @param keyArn the log group's key
         * @return this builder
         */
        B logKmsKeyArn(Value<String> keyArn);

        /**
         * @param cidrBlocks the blocks the tasks may reach
         * @return this builder
         */
        B taskEgressCidrBlocks(Value<List<String>> cidrBlocks);

        /**
         * @param keyArn the key of ECS Exec's channel
         * @return this builder
         */
        B executeCommandKmsKeyArn(Value<String> keyArn);

        /**
         * @param keyArn the key of the Fargate tasks' ephemeral storage
         * @return this builder
         */
        B ephemeralStorageKmsKeyArn(Value<String> keyArn);

        /**
         * @param keyArn a customer managed key of ECS Exec's channel
         * @return this builder
         */
        default B executeCommandKmsKeyArn(String keyArn) {
            return executeCommandKmsKeyArn(Value.of(keyArn));
        }

        /**
         * @param keyArn a customer managed key of ECS Exec's channel, from another resource
         * @return this builder
         */
        default B executeCommandKmsKeyArn(Output<String> keyArn) {
            return executeCommandKmsKeyArn(Value.of(keyArn));
        }

        /**
         * @param keyArn a single-Region customer managed key of the stack's region
         * @return this builder
         */
        default B ephemeralStorageKmsKeyArn(String keyArn) {
            return ephemeralStorageKmsKeyArn(Value.of(keyArn));
        }

        /**
         * @param keyArn a single-Region customer managed key of the stack's region, from another resource
         * @return this builder
         */
        default B ephemeralStorageKmsKeyArn(Output<String> keyArn) {
            return ephemeralStorageKmsKeyArn(Value.of(keyArn));
        }

        /**
         * @param alarmNames the alarms that roll a deployment back
         * @return this builder
         */
        B deploymentAlarms(Value<List<String>> alarmNames);

        /**
         * @param roleArn the task role
         * @return this builder
         */
        B taskRoleArn(Value<String> roleArn);

        /**
         * @param name  the trigger's name
         * @param value a value whose change starts a new deployment
         * @return this builder
         */
        B redeployTrigger(String name, Value<String> value);

        /**
         * @param launch where the tasks run
         * @return this builder
         */
        B launch(Launch launch);

        /**
         * @param clusterArn an existing cluster's ARN
         * @return this builder
         */
        default B clusterArn(String clusterArn) {
            return clusterArn(Value.of(clusterArn));
        }

        /**
         * @param clusterArn an existing cluster's ARN, from another resource
         * @return this builder
         */
        default B clusterArn(Output<String> clusterArn) {
            return clusterArn(Value.of(clusterArn));
        }

        /**
         * @param keyArn a customer managed key of the stack's region
         * @return this builder
         */
        default B logKmsKeyArn(String keyArn) {
            return logKmsKeyArn(Value.of(keyArn));
        }

        /**
         * @param keyArn a customer managed key of the stack's region, from another resource
         * @return this builder
         */
        default B logKmsKeyArn(Output<String> keyArn) {
            return logKmsKeyArn(Value.of(keyArn));
        }

        /**
         * @param cidrBlocks IPv4 CIDR blocks the tasks may reach on 443
         * @return this builder
         */
        default B taskEgressCidrBlocks(List<String> cidrBlocks) {
            return taskEgressCidrBlocks(Value.of(List.copyOf(cidrBlocks)));
        }

        /**
         * @param cidrBlocks IPv4 CIDR blocks the tasks may reach on 443, from another resource
         * @return this builder
         */
        default B taskEgressCidrBlocks(Output<List<String>> cidrBlocks) {
            return taskEgressCidrBlocks(Value.of(cidrBlocks));
        }

        /**
         * @param alarmNames names of CloudWatch alarms
         * @return this builder
         */
        default B deploymentAlarms(List<String> alarmNames) {
            return deploymentAlarms(Value.of(List.copyOf(alarmNames)));
        }

        /**
         * @param alarmNames names of CloudWatch alarms, from another resource
         * @return this builder
         */
        default B deploymentAlarms(Output<List<String>> alarmNames) {
            return deploymentAlarms(Value.of(alarmNames));
        }

        /**
         * @param roleArn the task role's ARN
         * @return this builder
         */
        default B taskRoleArn(String roleArn) {
            return taskRoleArn(Value.of(roleArn));
        }

        /**
         * @param roleArn the task role's ARN, from another resource
         * @return this builder
         */
        default B taskRoleArn(Output<String> roleArn) {
            return taskRoleArn(Value.of(roleArn));
        }

        /**
         * @param name  the trigger's name
         * @param value a value of another resource whose change starts a new deployment
         * @return this builder
         */
        default B redeployTrigger(String name, Output<String> value) {
            return redeployTrigger(name, Value.of(value));
        }
    }

    /** @return a new builder */
    static Builder builder() {
        return new Builder();
    }

    /**
     * @return a builder holding these options, to change some of them; of {@link EcsServiceArgs}, only their options
     *     (change those with {@code EcsServiceArgs.builder().from(args)})
     */
    default Builder toBuilder() {
        return builder().from(this);
    }

    /** Builder of {@link EcsServiceOptions}. */
    final class Builder extends ImmutableEcsServiceOptions.Builder implements Setters<Builder> {
        Builder() {
        }
    }
}
