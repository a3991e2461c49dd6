package io.github.fargateprivate;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.pulumi.aws.ecs.ClusterArgs;
import com.pulumi.aws.ecs.ServiceArgs;
import com.pulumi.aws.ecs.TaskDefinitionArgs;
import com.pulumi.aws.ecs.inputs.ClusterSettingArgs;
import com.pulumi.aws.ecs.inputs.ServiceDeploymentCircuitBreakerArgs;
import com.pulumi.aws.ecs.inputs.ServiceNetworkConfigurationArgs;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.iam.RolePolicyAttachmentArgs;
import com.pulumi.aws.lb.ListenerArgs;
import com.pulumi.aws.lb.LoadBalancerArgs;
import com.pulumi.aws.secretsmanager.SecretArgs;
import com.pulumi.aws.vpc.SecurityGroupEgressRuleArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.core.internal.Internal;

import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The security controls of docs/security.md, checked on a child's args after a {@link Customizations customization}
 * against the args the library built: a customization may add what the library does not surface, not undo a control.
 */
final class SecurityControls {

    /** A customization's effect on one field: what it weakens, or empty. */
    @FunctionalInterface
    private interface Check {
        /**
         * @param library    the library's value, null when unset
         * @param customized the customized value, null when unset
         * @return what the customized value weakens, naming the control
         */
        Optional<String> weakened(Object library, Object customized);
    }

    /**
     * One control on one field of one args type.
     *
     * @param argsType the AWS provider args
     * @param field    the field
     * @param check    what a changed value weakens; null when only the library's value keeps the control
     * @param control  the control, for fields only the library sets
     * @param how      how to get what the customization wanted without weakening it
     * @param alone    whether the check decides without the library's value (so a customization can be checked
     *                 before the library builds the child)
     */
    private record Control(Class<?> argsType, String field, Check check, String control, String how, boolean alone) {

        Control(Class<?> argsType, String field, Check check, String control, String how) {
            this(argsType, field, check, control, how, check == null);
        }

        /** @return this control, its check deciding on the customized value alone */
        Control decidedAlone() {
            return new Control(argsType, field, check, control, how, true);
        }
    }

    private static final String NETWORK = "network isolation (the tasks admit only the load balancer's security "
            + "group, which sends only to them)";
    private static final String NETWORK_HOW = "leave the security groups' rules to the library; its options "
            + "(allowedCidrBlocks, taskEgressCidrBlocks, internalLoadBalancer) set who may connect";
    private static final String LEAST_PRIVILEGE = "least privilege (the roles hold only the library's statements, "
            + "on exact ARNs)";
    private static final String PRIVILEGE_HOW = "grant more through the library's options (the task role's "
            + "statements, managedExecutionPolicy), not by customization";

    private static final List<Control> CONTROLS = List.of(
            new Control(TaskDefinitionArgs.class, "containerDefinitions", SecurityControls::containers, null,
                    "keep readonlyRootFilesystem true and privileged false in every container").decidedAlone(),
            new Control(TaskDefinitionArgs.class, "pidMode", (l, c) -> "host".equals(c) && !"host".equals(l)
                    ? Optional.of("'host' shares the host's process namespace, which Security Hub ECS.3 (no host "
                    + "PID namespace) forbids") : Optional.empty(), null, "use 'task' or leave pidMode unset")
                    .decidedAlone(),
            owned(SecurityGroupArgs.class, "ingress", NETWORK, NETWORK_HOW),
            owned(SecurityGroupArgs.class, "egress", NETWORK, NETWORK_HOW),
            owned(SecurityGroupIngressRuleArgs.class, "referencedSecurityGroupId", NETWORK, NETWORK_HOW),
            owned(SecurityGroupIngressRuleArgs.class, "cidrIpv4", NETWORK, NETWORK_HOW),
            owned(SecurityGroupIngressRuleArgs.class, "cidrIpv6", NETWORK, NETWORK_HOW),
            owned(SecurityGroupIngressRuleArgs.class, "prefixListId", NETWORK, NETWORK_HOW),
            same(SecurityGroupIngressRuleArgs.class, "fromPort", NETWORK, NETWORK_HOW),
            same(SecurityGroupIngressRuleArgs.class, "toPort", NETWORK, NETWORK_HOW),
            same(SecurityGroupIngressRuleArgs.class, "ipProtocol", NETWORK, NETWORK_HOW),
            owned(SecurityGroupEgressRuleArgs.class, "referencedSecurityGroupId", NETWORK, NETWORK_HOW),
            owned(SecurityGroupEgressRuleArgs.class, "cidrIpv4", NETWORK, NETWORK_HOW),
            owned(SecurityGroupEgressRuleArgs.class, "cidrIpv6", NETWORK, NETWORK_HOW),
            owned(SecurityGroupEgressRuleArgs.class, "prefixListId", NETWORK, NETWORK_HOW),
            same(SecurityGroupEgressRuleArgs.class, "fromPort", NETWORK, NETWORK_HOW),
            same(SecurityGroupEgressRuleArgs.class, "toPort", NETWORK, NETWORK_HOW),
            same(SecurityGroupEgressRuleArgs.class, "ipProtocol", NETWORK, NETWORK_HOW),
            owned(LoadBalancerArgs.class, "securityGroups", NETWORK, NETWORK_HOW),
            new Control(LoadBalancerArgs.class, "dropInvalidHeaderFields", kept(true, "Security Hub ELB.4 (drop "
                    + "invalid header fields)"), null, "leave dropInvalidHeaderFields true"),
            same(ListenerArgs.class, "sslPolicy", "Security Hub ELB.17 (recommended TLS policy)",
                    "set the load balancer's sslPolicy option instead, which the library checks"),
            same(LogGroupArgs.class, "kmsKeyId", "CloudWatch log encryption (the customer managed key of "
                    + "logKmsKeyArn)", "set the service's logKmsKeyArn instead"),
            same(SecretArgs.class, "kmsKeyId", "the registry credentials' customer managed key",
                    "set the credentials' kmsKeyArn instead"),
            owned(RolePolicyArgs.class, "policy", LEAST_PRIVILEGE, PRIVILEGE_HOW),
            owned(RoleArgs.class, "assumeRolePolicy", LEAST_PRIVILEGE, PRIVILEGE_HOW),
            owned(RoleArgs.class, "managedPolicyArns", LEAST_PRIVILEGE, PRIVILEGE_HOW),
            owned(RoleArgs.class, "inlinePolicies", LEAST_PRIVILEGE, PRIVILEGE_HOW),
            owned(RolePolicyAttachmentArgs.class, "policyArn", LEAST_PRIVILEGE, PRIVILEGE_HOW),
            new Control(ServiceArgs.class, "deploymentCircuitBreaker", SecurityControls::circuitBreaker, null,
                    "keep enable and rollback true").decidedAlone(),
            new Control(ServiceArgs.class, "waitForSteadyState", kept(true, "failed rollouts (pulumi up waits for "
                    + "a steady state)"), null, "set the service's waitForSteadyState option instead"),
            new Control(ServiceArgs.class, "networkConfiguration", SecurityControls::publicIp, null,
                    "set the network's assignPublicIp option instead"),
            new Control(ClusterArgs.class, "settings", SecurityControls::containerInsights, null,
                    "keep the containerInsights setting enabled or enhanced"));

    private SecurityControls() {
    }

    /** A field only the library sets: any other value weakens the control. */
    private static Control owned(Class<?> argsType, String field, String control, String how) {
        return new Control(argsType, field, null, control, how);
    }

    /** A plain field: a customization may set the library's value again, nothing else. */
    private static Control same(Class<?> argsType, String field, String control, String how) {
        return new Control(argsType, field, (l, c) -> l == null || Objects.equals(l, c) ? Optional.empty()
                : Optional.of((c == null ? "removes " + l : c + " replaces " + l) + ", which " + control
                + " requires"), control, how);
    }

    /** A flag the library sets: where it set it, it stays set. */
    private static Check kept(boolean value, String control) {
        return (l, c) -> Objects.equals(l, value) && !Objects.equals(c, value)
                ? Optional.of(c + " instead of " + value + " weakens " + control) : Optional.empty();
    }

    /**
     * @param owner      the child, e.g. {@code aws:ecs/taskDefinition:TaskDefinition 'app-ecs-task'}
     * @param library    its args as the library built them
     * @param customized its args after the customizations
     * @param <A>        their type
     * @return the customized args, each changed value of another resource checked when it is known
     * @throws ArgsException when a customization weakens a control
     */
    static <A> A checked(String owner, A library, A customized) {
        var problems = new ArrayList<Problem>();
        Object builder = null;
        for (Control control : CONTROLS) {
            if (control.argsType() != library.getClass()) {
                continue;
            }
            Optional<Output<?>> ours = field(library, control.field());
            Optional<Output<?>> theirs = field(customized, control.field());
            if (ours.map(o -> (Object) o).orElse(null) == theirs.map(o -> (Object) o).orElse(null)) {
                continue;
            }
            Known l = known(ours);
            Known c = known(theirs);
            if (control.check() == null || (l.known() && c.known()) || theirs.isEmpty()) {
                problem(control, l, c).ifPresent(problems::add);
            } else {
                // A value of another resource: checked in the apply that the child's registration waits for.
                builder = builder == null ? Children.builder(customized) : builder;
                set(builder, control.field(), Output.tuple(ours.isPresent() ? ours.get() : Output.ofNullable(null),
                        theirs.get()).applyValue(t -> {
                            problem(control, new Known(true, t.t1), new Known(true, t.t2)).ifPresent(p -> {
                                throw refused(owner, List.of(p), false);
                            });
                            return t.t2;
                        }));
            }
        }
        if (!problems.isEmpty()) {
            throw refused(owner, problems, true);
        }
        return builder == null ? customized : Children.build(builder);
    }

    /**
     * The controls a customization weakens whatever the library builds, checked on what it sets on an empty builder:
     * a field only the library sets, or a value a control refuses on its own (a privileged or writable container, the
     * host's PID namespace, the circuit breaker without rollback). The controls that compare with the library's value
     * wait for the child ({@link #checked}); so do values not known yet.
     *
     * @param customized the args a customization set on an empty builder, nothing else
     * @return what it weakens, each under its field
     */
    static List<Problem> weakenedAlone(Object customized) {
        var problems = new ArrayList<Problem>();
        for (Control control : CONTROLS) {
            if (control.argsType() != customized.getClass() || !control.alone()) {
                continue;
            }
            Optional<Output<?>> theirs = field(customized, control.field());
            Known c = known(theirs);
            if (theirs.isPresent() && c.known()) {
                problem(control, new Known(true, null), c).ifPresent(problems::add);
            }
        }
        return problems;
    }

    private static Optional<Problem> problem(Control control, Known library, Known customized) {
        Optional<String> weakened = control.check() == null
                ? Optional.of("the customization changes what only the library sets, for " + control.control())
                : library.known() && customized.known()
                ? control.check().weakened(library.value(), customized.value())
                : Optional.of("the customization removes or replaces a value the library checks when it is known"
                + (control.control() == null ? "" : ", for " + control.control()));
        return weakened.map(w -> new Problem(control.field(), w + "; " + control.how()));
    }

    private static ArgsException refused(String owner, List<Problem> problems, boolean now) {
        return new ArgsException("Customizations of " + owner + " weaken " + problems.size() + " security control"
                + (problems.size() == 1 ? "" : "s") + " of the library" + (now ? "" : " once its values were known")
                + "; it was not registered:", problems);
    }

    /** A value as far as it is known now: a plain value is, a value of another resource usually not yet. */
    private record Known(boolean known, Object value) {
    }

    private static Known known(Optional<Output<?>> output) {
        return output.map(SecurityControls::known).orElse(new Known(true, null));
    }

    private static Known known(Output<?> output) {
        var data = Internal.of(output).getDataAsync();
        if (!data.isDone() || data.isCompletedExceptionally() || !data.join().isKnown()) {
            return new Known(false, null);
        }
        return new Known(true, data.join().getValueNullable());
    }

    /** A nested value, or null when it is not known now. */
    private static Object plain(Optional<? extends Output<?>> output) {
        return output.map(o -> known(o).value()).orElse(null);
    }

    @SuppressWarnings("unchecked")
    private static Optional<Output<?>> field(Object args, String field) {
        try {
            Object value = args.getClass().getMethod(field).invoke(args);
            return value instanceof Optional<?> optional ? (Optional<Output<?>>) optional
                    : Optional.ofNullable((Output<?>) value);
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + field + " of " + args.getClass().getName(), e);
        }
    }

    private static void set(Object builder, String field, Output<?> value) {
        try {
            builder.getClass().getMethod(field, Output.class).invoke(builder, value);
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot set " + field + " of " + builder.getClass().getName(), e);
        }
    }

    /** Security Hub ECS.4 and ECS.5 in every container definition. */
    private static Optional<String> containers(Object library, Object customized) {
        List<String> weakened = new ArrayList<>();
        for (JsonElement element : JsonParser.parseString(String.valueOf(customized)).getAsJsonArray()) {
            JsonObject container = element.getAsJsonObject();
            String name = container.has("name") ? container.get("name").getAsString() : "?";
            if (container.has("privileged") && container.get("privileged").getAsBoolean()) {
                weakened.add("container '" + name + "' sets privileged true, which Security Hub ECS.4 "
                        + "(non-privileged containers) forbids");
            }
            if (!container.has("readonlyRootFilesystem") || !container.get("readonlyRootFilesystem").getAsBoolean()) {
                weakened.add("container '" + name + "' has a writable root file system, which Security Hub ECS.5 "
                        + "(read-only root file system) forbids");
            }
        }
        return weakened.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", weakened));
    }

    /** Failed rollouts roll back: the circuit breaker stays on, with rollback. */
    private static Optional<String> circuitBreaker(Object library, Object customized) {
        if (customized instanceof ServiceDeploymentCircuitBreakerArgs breaker
                && Boolean.TRUE.equals(plain(Optional.of(breaker.enable())))
                && Boolean.TRUE.equals(plain(Optional.of(breaker.rollback())))) {
            return Optional.empty();
        }
        return Optional.of("the deployment circuit breaker is no longer on with rollback, which failed rollouts "
                + "(a failed deployment rolls back) requires");
    }

    /** Security Hub ECS.2: tasks the library gives no public IP get none. */
    private static Optional<String> publicIp(Object library, Object customized) {
        boolean ours = library instanceof ServiceNetworkConfigurationArgs n
                && Boolean.TRUE.equals(plain(n.assignPublicIp()));
        boolean theirs = customized instanceof ServiceNetworkConfigurationArgs n
                && !Boolean.FALSE.equals(plain(n.assignPublicIp())) && n.assignPublicIp().isPresent();
        return !ours && theirs ? Optional.of("assignPublicIp gives the tasks a public IP, which Security Hub ECS.2 "
                + "(tasks get no public IP) forbids") : Optional.empty();
    }

    /** Security Hub ECS.12: the cluster the library creates keeps Container Insights. */
    private static Optional<String> containerInsights(Object library, Object customized) {
        if (insights(library).isEmpty() || insights(customized).filter(v -> !v.equals("disabled")).isPresent()) {
            return Optional.empty();
        }
        return Optional.of("Container Insights is no longer on, which Security Hub ECS.12 (Container Insights) "
                + "requires");
    }

    @SuppressWarnings("unchecked")
    private static Optional<String> insights(Object settings) {
        Stream<ClusterSettingArgs> all = settings instanceof List<?> list
                ? ((List<ClusterSettingArgs>) list).stream() : Stream.empty();
        return all.filter(s -> "containerInsights".equals(plain(Optional.of(s.name()))))
                .map(s -> String.valueOf(plain(Optional.of(s.value())))).findFirst();
    }
}
