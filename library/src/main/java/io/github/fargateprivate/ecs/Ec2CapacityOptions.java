package io.github.fargateprivate.ecs;

import com.pulumi.core.Output;
import io.github.fargateprivate.Options;
import io.github.fargateprivate.OptionsStyle;
import io.github.fargateprivate.Problems;
import io.github.fargateprivate.Rules;
import org.immutables.value.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a user sets of the container instances a service runs on with launch type EC2 ({@link Ec2Capacity}): their
 * type, count, AMI, registry authentication, Session Manager, root volume and tags. The cluster, network, security
 * groups and registry credentials they serve are wiring, which the service (or a stack that uses {@link Ec2Capacity}
 * on its own) adds in {@link Ec2CapacityArgs}. Immutable; build with {@link #builder()}.
 *
 * <p>An interface, not an abstract class: Java lets {@link Ec2CapacityArgs} declare its own static {@code builder()}
 * only when it does not hide this one (JLS 8.4.8.3), and an interface's static methods are not inherited.
 */
@Value.Immutable
@OptionsStyle
public interface Ec2CapacityOptions extends Options<Ec2CapacityOptions> {

    /** Default of {@link #instanceType()}: 2 vCPUs (burstable) and 2 GiB, the smallest that fits two default tasks. */
    String DEFAULT_INSTANCE_TYPE = "t3.small";
    /** Default of {@link #rootVolumeGiB()}: the ECS-optimized AMI's own size. */
    int DEFAULT_ROOT_VOLUME_GIB = 30;
    /** Registry credentials per task: {@code repositoryCredentials}, read by the execution role. The default. */
    String REGISTRY_AUTH_TASK = "task";
    /** Registry credentials for the instance: the ECS agent's {@code ECS_ENGINE_AUTH_DATA}, read at boot. */
    String REGISTRY_AUTH_INSTANCE = "instance";
    /** The public SSM parameter of the ECS-optimized Amazon Linux 2023 AMI (x86_64). */
    String AMI_PARAMETER = "/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id";
    /** Its arm64 twin, for Graviton instance types. */
    String AMI_PARAMETER_ARM64 =
            "/aws/service/ecs/optimized-ami/amazon-linux-2023/arm64/recommended/image_id";

    /** @return the instance type, {@code family.size}. Default: {@value #DEFAULT_INSTANCE_TYPE} */
    @Value.Default
    default String instanceType() {
        return DEFAULT_INSTANCE_TYPE;
    }

    /** @return the fewest instances, 0-1000. Default: 1 */
    @Value.Default
    default int minInstances() {
        return 1;
    }

    /** @return the most instances, 1-1000, at least {@link #minInstances()}; managed scaling stays within. Default: 3 */
    @Value.Default
    default int maxInstances() {
        return 3;
    }

    /**
     * @return the AMI, {@code ami-} and 8 or 17 hex digits; it must be ECS-ready (agent, Docker). Default: the
     *     ECS-optimized Amazon Linux 2023 AMI of the region, read from {@value #AMI_PARAMETER} (or its arm64 twin for
     *     a Graviton type) on every {@code pulumi up}, so a newer AMI reaches new instances
     */
    Optional<io.github.fargateprivate.Value<String>> amiId();

    /**
     * @return how images are pulled with registry credentials: {@value #REGISTRY_AUTH_TASK} (per task) or
     *     {@value #REGISTRY_AUTH_INSTANCE} (the agent's {@code ECS_ENGINE_AUTH_DATA}, which every task on the
     *     instance then pulls with). Default: {@value #REGISTRY_AUTH_TASK}
     */
    @Value.Default
    default String registryAuth() {
        return REGISTRY_AUTH_TASK;
    }

    /** @return whether the instances may be reached with SSM Session Manager (AmazonSSMManagedInstanceCore). Default: false */
    @Value.Default
    default boolean sessionManager() {
        return false;
    }

    /** @return the encrypted gp3 root volume's size in GiB, 30-16384. Default: {@value #DEFAULT_ROOT_VOLUME_GIB} */
    @Value.Default
    default int rootVolumeGiB() {
        return DEFAULT_ROOT_VOLUME_GIB;
    }

    /** @return tags of every taggable child, propagated to the instances. Default: none */
    Map<String, String> tags();

    /** @return whether the agent holds the registry credentials */
    default boolean instanceRegistryAuth() {
        return REGISTRY_AUTH_INSTANCE.equals(registryAuth());
    }

    /** @return the options that differ from their defaults, by field name: what a Fargate service refuses */
    default List<String> changedOptions() {
        List<String> changed = new ArrayList<>();
        addIf(changed, "instanceType", !instanceType().equals(DEFAULT_INSTANCE_TYPE));
        addIf(changed, "minInstances", minInstances() != 1);
        addIf(changed, "maxInstances", maxInstances() != 3);
        addIf(changed, "amiId", amiId().isPresent());
        addIf(changed, "registryAuth", !registryAuth().equals(REGISTRY_AUTH_TASK));
        addIf(changed, "sessionManager", sessionManager());
        addIf(changed, "rootVolumeGiB", rootVolumeGiB() != DEFAULT_ROOT_VOLUME_GIB);
        return changed;
    }

    private static void addIf(List<String> fields, String field, boolean changed) {
        if (changed) {
            fields.add(field);
        }
    }

    /**
     * Checks the instances' options.
     *
     * @param problems where problems go
     * @return these options with an AMI of another resource replaced by the checked one
     */
    @Override
    default Ec2CapacityOptions validate(Problems problems) {
        checkOptions(problems);
        return builder().from(this).amiId(checkedAmi(problems)).build();
    }

    private void checkOptions(Problems problems) {
        problems.add("instanceType", Ec2InstanceType.problem(instanceType()));
        problems.add("minInstances", Rules.between(minInstances(), 0, 1000));
        problems.add("maxInstances", Rules.between(maxInstances(), 1, 1000));
        if (minInstances() > maxInstances()) {
            problems.add("minInstances", minInstances() + " is above maxInstances " + maxInstances()
                    + "; lower minInstances or raise maxInstances", String.valueOf(maxInstances()));
        }
        problems.add("rootVolumeGiB", Rules.between(rootVolumeGiB(), 30, 16384)
                .map(p -> p + " (the ECS-optimized AMI's snapshot is 30 GiB)"));
        if (!List.of(REGISTRY_AUTH_TASK, REGISTRY_AUTH_INSTANCE).contains(registryAuth())) {
            problems.add("registryAuth", "'" + registryAuth() + "' is not " + REGISTRY_AUTH_TASK
                    + " (repositoryCredentials per task) or " + REGISTRY_AUTH_INSTANCE + " (the ECS agent's "
                    + "ECS_ENGINE_AUTH_DATA)", registryAuth().toLowerCase(Locale.ROOT));
        }
        problems.add("tags", Rules.tags(tags()));
    }

    private Optional<io.github.fargateprivate.Value<String>> checkedAmi(Problems problems) {
        return amiId().map(ami -> problems.checked("amiId", ami, Ec2CapacityOptions::amiProblem));
    }


    /**
     * @param ami an AMI id
     * @return what is wrong with it, or empty
     */
    static Optional<String> amiProblem(String ami) {
        return ami.matches("ami-(?:[0-9a-f]{8}|[0-9a-f]{17})") ? Optional.empty() : Optional.of("'" + ami + "' is not an AMI id (ami- "
                + "and 8 or 17 lower-case hex digits, e.g. ami-0abcdef1234567890)");
    }

    /** @return a new builder */
    static Builder builder() {
        return new Builder();
    }

    /**
     * The overloads of the instances' options, shared by this type's builder and {@link Ec2CapacityArgs}'s.
     *
     * @param <B> the builder
     */
    interface Setters<B> {

        /**
         * @param ami an ECS-ready AMI
         * @return this builder
         */
        B amiId(io.github.fargateprivate.Value<String> ami);

        /**
         * @param auth {@value #REGISTRY_AUTH_TASK} or {@value #REGISTRY_AUTH_INSTANCE}
         * @return this builder
         */
        B registryAuth(String auth);

        /**
         * @param ami an ECS-ready AMI instead of the ECS-optimized Amazon Linux 2023 one
         * @return this builder
         */
        default B amiId(String ami) {
            return amiId(io.github.fargateprivate.Value.of(ami));
        }

        /**
         * @param ami an ECS-ready AMI, e.g. from another stack's image pipeline
         * @return this builder
         */
        default B amiId(Output<String> ami) {
            return amiId(io.github.fargateprivate.Value.of(ami));
        }

        /**
         * @param auth how images are pulled with registry credentials
         * @return this builder
         */
        default B registryAuth(RegistryAuth auth) {
            return registryAuth(auth.value());
        }
    }

    /** Builder of {@link Ec2CapacityOptions}; the AMI also takes an Output. */
    final class Builder extends ImmutableEc2CapacityOptions.Builder implements Setters<Builder> {
        Builder() {
        }
    }
}
