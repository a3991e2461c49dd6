package io.github.fargateprivate;

import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;

/**
 * How a component registers its children: each with the component as its parent and, where the AWS resource takes
 * tags, the component's tags. This is the one place tags are applied: a component builds each child's args without
 * them.
 */
public final class Children {

    private final Resource parent;
    private final Map<String, String> tags;

    /**
     * A constructor of a child resource, e.g. {@code LogGroup::new}.
     *
     * @param <A> the resource's args
     * @param <R> the resource
     */
    @FunctionalInterface
    public interface Constructor<A, R> {
        /**
         * @param name    the child's name
         * @param args    its args
         * @param options its options
         * @return the child
         */
        R create(String name, A args, CustomResourceOptions options);
    }

    /**
     * A constructor of a child component, e.g. {@code TaskRole::new}.
     *
     * @param <A> the component's args
     * @param <R> the component
     */
    @FunctionalInterface
    public interface ComponentConstructor<A, R> {
        /**
         * @param name    the child's name
         * @param args    its args
         * @param options its options
         * @return the child
         */
        R create(String name, A args, ComponentResourceOptions options);
    }

    private Children(Resource parent, Map<String, String> tags) {
        this.parent = parent;
        this.tags = Map.copyOf(tags);
    }

    /**
     * @param parent the component
     * @param tags   its tags, or an empty map
     * @return its children's registrar
     */
    public static Children of(Resource parent, Map<String, String> tags) {
        return new Children(parent, tags);
    }

    /** @return options that make a resource this component's child */
    public CustomResourceOptions options() {
        return CustomResourceOptions.builder().parent(parent).build();
    }

    /** @return options that make a component this component's child */
    public ComponentResourceOptions componentOptions() {
        return ComponentResourceOptions.builder().parent(parent).build();
    }

    /**
     * Registers an AWS resource as a child, tagged.
     *
     * @param constructor the resource's constructor
     * @param name        its name
     * @param args        its args, without tags
     * @param <A>         its args' type
     * @param <R>         its type
     * @return the resource
     */
    public <A, R> R create(Constructor<A, R> constructor, String name, A args) {
        return create(constructor, name, args, CustomResourceOptions.Empty);
    }

    /**
     * Registers an AWS resource as a child, tagged, with more options.
     *
     * @param constructor the resource's constructor
     * @param name        its name
     * @param args        its args, without tags
     * @param options     options besides the parent, e.g. {@code dependsOn} or {@code ignoreChanges}
     * @param <A>         its args' type
     * @param <R>         its type
     * @return the resource
     */
    public <A, R> R create(Constructor<A, R> constructor, String name, A args, CustomResourceOptions options) {
        return constructor.create(name, tagged(args, tags), CustomResourceOptions.merge(options, options()));
    }

    /**
     * Registers a component as a child.
     *
     * @param constructor the component's constructor
     * @param name        its name
     * @param args        its args
     * @param <A>         its args' type
     * @param <R>         its type
     * @return the component
     */
    public <A, R> R component(ComponentConstructor<A, R> constructor, String name, A args) {
        return constructor.create(name, args, componentOptions());
    }

    /**
     * The args with the tags, when the resource takes tags and its args set none of their own: every AWS provider
     * args type has {@code builder(defaults)}, and the taggable ones {@code tags(Map)} on their builder.
     *
     * @param args the args
     * @param tags the tags
     * @param <A>  the args' type
     * @return the args, tagged
     */
    public static <A> A tagged(A args, Map<String, String> tags) {
        if (tags.isEmpty() || ownTags(args).isPresent()) {
            return args;
        }
        Object builder = builder(args);
        Method setter;
        try {
            setter = builder.getClass().getMethod("tags", Map.class);
        } catch (NoSuchMethodException untaggable) {
            return args;
        }
        try {
            setter.invoke(builder, tags);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot tag " + args.getClass().getName(), e);
        }
        return build(builder);
    }

    /**
     * @param args AWS provider args
     * @return their generated {@code builder(defaults)}, holding the same values
     */
    static Object builder(Object args) {
        try {
            return args.getClass().getMethod("builder", args.getClass()).invoke(null, args);
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot rebuild " + args.getClass().getName(), e);
        }
    }

    /**
     * @param builder a builder of AWS provider args
     * @param <A>     the args' type
     * @return its args
     */
    @SuppressWarnings("unchecked")
    static <A> A build(Object builder) {
        try {
            return (A) builder.getClass().getMethod("build").invoke(builder);
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot build " + builder.getClass().getName(), e);
        }
    }

    private static Optional<?> ownTags(Object args) {
        try {
            return (Optional<?>) args.getClass().getMethod("tags").invoke(args);
        } catch (NoSuchMethodException e) {
            return Optional.empty();
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read the tags of " + args.getClass().getName(), e);
        }
    }
}
