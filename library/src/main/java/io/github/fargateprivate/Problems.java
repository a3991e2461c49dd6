package io.github.fargateprivate;

import com.pulumi.core.Output;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Collects the problems of a component's args under field paths, so that a component reports all of them at once,
 * before it registers any child. A view {@link #at(String)} adds a prefix: the composite validates each part's args
 * under the field that holds them ({@code container.image}, {@code loadBalancer.certificateArn}).
 */
public final class Problems {

    private final String owner;
    private final String prefix;
    private final List<Problem> problems;

    private Problems(String owner, String prefix, List<Problem> problems) {
        this.owner = owner;
        this.prefix = prefix;
        this.problems = problems;
    }

    /**
     * @param type the component's type, e.g. {@code FargateService}
     * @param name the component's name
     * @return an empty collection for that component
     */
    public static Problems of(String type, String name) {
        return new Problems(type + " '" + name + "'", "", new ArrayList<>());
    }

    /**
     * @param field a field holding nested args, e.g. {@code container} or {@code sidecars[0]}
     * @return a view that prefixes every field with it
     */
    public Problems at(String field) {
        return new Problems(owner, path(field) + ".", problems);
    }

    /**
     * @param field a field of this view
     * @return its full path
     */
    public String path(String field) {
        return prefix + field;
    }

    /**
     * @param field   the field
     * @param message what is wrong and how to fix it
     */
    public void add(String field, String message) {
        problems.add(new Problem(path(field), message));
    }

    /**
     * @param field     the field
     * @param message   what is wrong and how to fix it
     * @param suggested a value that would fix it
     */
    public void add(String field, String message, String suggested) {
        problems.add(new Problem(path(field), message, suggested));
    }

    /**
     * @param field   the field
     * @param problem what a rule returned
     */
    public void add(String field, Optional<String> problem) {
        problem.ifPresent(p -> add(field, p));
    }

    /**
     * Checks a value with a rule: a plain value now (the problem is collected), an Output inside the apply that
     * consumes it (the problem fails the program with the same message).
     *
     * @param field the field
     * @param value the value
     * @param rule  what is wrong with a value, or empty
     * @param <T>   the value's type
     * @return the value as an Output that carries the check
     */
    public <T> Output<T> check(String field, Value<T> value, Function<T, Optional<String>> rule) {
        if (value.isPlain()) {
            add(field, rule.apply(value.plain().orElseThrow()));
            return value.output();
        }
        String path = path(field);
        return value.output().applyValue(v -> {
            rule.apply(v).ifPresent(p -> {
                throw new ArgsException(owner, List.of(new Problem(path, p)), false);
            });
            return v;
        });
    }

    /**
     * Checks a value with a validator that may report several problems, each under its own field of this view (the
     * entries of a list, {@code allowedCidrBlocks[2]}), with suggestions: a plain value now, an Output inside the
     * apply that consumes it, where its problems fail the program together, under the same fields.
     *
     * @param value     the value
     * @param validator adds the value's problems to the view it is given
     * @param <T>       the value's type
     * @return the value as an Output that carries the check
     */
    public <T> Output<T> checkAll(Value<T> value, BiConsumer<Problems, T> validator) {
        if (value.isPlain()) {
            validator.accept(this, value.plain().orElseThrow());
            return value.output();
        }
        return value.output().applyValue(v -> {
            var found = new Problems(owner, prefix, new ArrayList<>());
            validator.accept(found, v);
            if (!found.isEmpty()) {
                throw new ArgsException(owner, found.problems, false);
            }
            return v;
        });
    }

    /**
     * Checks a value as {@link #check} does, for options that return themselves checked ({@link Options#validate}):
     * a plain value stays plain, so that a component still knows it now.
     *
     * @param field the field
     * @param value the value
     * @param rule  what is wrong with a value, or empty
     * @param <T>   the value's type
     * @return the plain value, or the Output that carries the check
     */
    public <T> Value<T> checked(String field, Value<T> value, Function<T, Optional<String>> rule) {
        Output<T> checked = check(field, value, rule);
        return value.isPlain() ? value : Value.of(checked);
    }

    /**
     * Checks a value as {@link #checkAll} does, keeping a plain value plain.
     *
     * @param value     the value
     * @param validator adds the value's problems to the view it is given
     * @param <T>       the value's type
     * @return the plain value, or the Output that carries the check
     */
    public <T> Value<T> checkedAll(Value<T> value, BiConsumer<Problems, T> validator) {
        Output<T> checked = checkAll(value, validator);
        return value.isPlain() ? value : Value.of(checked);
    }

    /** @return whether no problem was found */
    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /** @return the problems so far */
    public List<Problem> list() {
        return List.copyOf(problems);
    }

    /**
     * Runs a component's checks of its args and throws every problem they found at once, before the component
     * registers any child.
     *
     * @param type   the component's kind, e.g. {@code VpcEndpoints}
     * @param name   the component's name
     * @param checks the checks, adding their problems to the given ones
     * @param <T>    what the checks return, e.g. the args with values of other resources checked
     * @return what the checks returned, when they found no problem
     * @throws ArgsException listing every problem
     */
    public static <T> T validated(String type, String name, Function<Problems, T> checks) {
        var problems = of(type, name);
        T checked = checks.apply(problems);
        problems.throwIfAny();
        return checked;
    }

    /** @throws ArgsException when there is a problem */
    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new ArgsException(owner, problems, true);
        }
    }
}
