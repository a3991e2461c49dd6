package io.github.fargateprivate;

import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.ResourceArgs;
import com.pulumi.resources.ResourceTransformation;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A way past the options: functions over the generated args builder of the AWS resources a component creates, for a
 * field the library does not surface. Each applies to every child whose args have that builder, or to the one child of
 * a given name; they run in the order given, on the args as the library built them (tags included), just before the
 * child is registered.
 *
 * <pre>{@code
 * Customizations.builder()
 *     .customize(TaskDefinitionArgs.Builder.class, b -> b.pidMode("task"))
 *     .customize(SecurityGroupArgs.Builder.class, "app-ecs-task-sg", b -> b.revokeRulesOnDelete(true))
 *     .build();
 * }</pre>
 *
 * <p>The library's security controls hold on the final args: a customization that weakens one (a privileged or
 * writable container, the host's PID namespace, another ingress of a security group, a broader role policy, the load
 * balancer's invalid header fields or TLS policy, the log group's or the secret's key, the deployment circuit
 * breaker) fails with an {@link ArgsException} naming the field and the control. One that weakens a control whatever
 * the library builds is refused with the component's other problems, before any child is registered
 * ({@link #validate}); one that depends on the library's value, when its child is registered, naming the child, which
 * is not registered (siblings registered before it are: {@code pulumi preview} shows the refusal first). A component
 * applies its customizations to all its descendants, those of its parts included, through a Pulumi resource
 * transformation; {@link #addedTo} gives those options to any component.
 */
public final class Customizations {

    private static final Customizations NONE = new Customizations(List.of());

    /** One customization: its builder type, the child it is narrowed to (or null), the function. */
    private record Entry(Class<?> builderType, String child, Consumer<Object> customization) {

        boolean applies(Class<?> argsType, String childName) {
            return builderType.getDeclaringClass() == argsType && (child == null || child.equals(childName));
        }

        /**
         * What the customization sets on an empty builder: the args the builder holds, read before {@code build()},
         * which would refuse the missing required fields. Empty when the builder is not the generated kind or the
         * customization cannot run without the library's values; then the child's registration checks it alone.
         */
        Optional<Object> probe() {
            try {
                Object builder = builderType.getConstructor().newInstance();
                customization.accept(builder);
                Field held = builderType.getDeclaredField("$");
                held.setAccessible(true);
                return Optional.ofNullable(held.get(builder));
            } catch (ReflectiveOperationException | RuntimeException e) {
                return Optional.empty();
            }
        }

        String named() {
            return builderType.getDeclaringClass().getSimpleName() + (child == null ? "" : " '" + child + "'");
        }
    }

    private final List<Entry> entries;

    private Customizations(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** @return no customization: every child as the library builds it */
    public static Customizations none() {
        return NONE;
    }

    /** @return a builder of customizations */
    public static Builder builder() {
        return new Builder();
    }

    /** @return whether there is none */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /**
     * Refuses, with the component's other problems and so before it registers any child, each customization that
     * weakens a security control whatever the library builds: one that sets a field only the library sets (a
     * security group's rules, a role's policies) or a value a control refuses on its own (a privileged or writable
     * container, the host's PID namespace, the circuit breaker without rollback). A customization whose effect depends
     * on the library's value (a key, the TLS policy, a public IP) is checked when its child is registered.
     *
     * @param problems where problems go, each under {@code customizations[i].FIELD}
     */
    public void validate(Problems problems) {
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            String at = "customizations[" + i + "].";
            entry.probe().ifPresent(args -> SecurityControls.weakenedAlone(args).forEach(p -> problems.add(
                    at + p.field(), entry.named() + ": " + p.message())));
        }
    }

    /**
     * @param options a component's options
     * @return those options and a transformation that applies these customizations to each of the component's
     *     descendants; the options themselves when there is none
     */
    public ComponentResourceOptions addedTo(ComponentResourceOptions options) {
        if (isEmpty()) {
            return options;
        }
        return ComponentResourceOptions.merge(options, ComponentResourceOptions.builder()
                .resourceTransformations(transformation()).build());
    }

    /** @return a Pulumi resource transformation that applies these customizations, checked */
    public ResourceTransformation transformation() {
        return t -> {
            ResourceArgs args = t.args();
            String name = t.resource().pulumiResourceName();
            if (entries.stream().noneMatch(e -> e.applies(args.getClass(), name))) {
                return Optional.empty();
            }
            return Optional.of(new ResourceTransformation.Result(
                    customized(t.resource().pulumiResourceType(), name, args), t.options()));
        };
    }

    /**
     * The customization step: the args through every customization that applies to the child, then checked against
     * the library's security controls.
     *
     * @param type the child's type token, e.g. {@code aws:ecs/taskDefinition:TaskDefinition}
     * @param name the child's name
     * @param args its args, as the library built them
     * @param <A>  their type
     * @return the customized args; values of other resources that a control needs are checked when they are known
     * @throws ArgsException when a customization weakens a security control, naming the child, field and control
     */
    public <A> A customized(String type, String name, A args) {
        A result = args;
        for (Entry entry : entries) {
            if (entry.applies(args.getClass(), name)) {
                Object builder = Children.builder(result);
                entry.customization().accept(builder);
                result = Children.build(builder);
            }
        }
        return result == args ? args : SecurityControls.checked(type + " '" + name + "'", args, result);
    }

    /** Builder of {@link Customizations}. */
    public static final class Builder {

        private final List<Entry> entries = new ArrayList<>();

        private Builder() {
        }

        /**
         * @param builderType   the generated builder of the children's args, e.g.
         *                      {@code com.pulumi.aws.ecs.TaskDefinitionArgs.Builder.class}
         * @param customization what to set on it, for every child with those args
         * @param <B>           the builder's type
         * @return this builder
         */
        public <B> Builder customize(Class<B> builderType, Consumer<? super B> customization) {
            return add(builderType, null, customization);
        }

        /**
         * @param builderType   the generated builder of the child's args
         * @param childName     the child's name, e.g. {@code app-ecs-task-sg}
         * @param customization what to set on it, for that child only
         * @param <B>           the builder's type
         * @return this builder
         */
        public <B> Builder customize(Class<B> builderType, String childName, Consumer<? super B> customization) {
            return add(builderType, Objects.requireNonNull(childName, "childName"), customization);
        }

        /**
         * @param more customizations to apply after these
         * @return this builder
         */
        public Builder from(Customizations more) {
            entries.addAll(more.entries);
            return this;
        }

        private <B> Builder add(Class<B> builderType, String child, Consumer<? super B> customization) {
            if (builderType.getDeclaringClass() == null || !ResourceArgs.class.isAssignableFrom(
                    builderType.getDeclaringClass())) {
                throw new IllegalArgumentException(builderType.getName() + " is not the builder of AWS provider "
                        + "args (e.g. TaskDefinitionArgs.Builder.class)");
            }
            Objects.requireNonNull(customization, "customization");
            entries.add(new Entry(builderType, child, b -> customization.accept(builderType.cast(b))));
            return this;
        }

        /** @return the customizations */
        public Customizations build() {
            return entries.isEmpty() ? NONE : new Customizations(entries);
        }
    }
}
