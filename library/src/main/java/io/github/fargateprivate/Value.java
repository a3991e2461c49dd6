package io.github.fargateprivate;

import com.pulumi.core.Output;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * An argument that is either a plain value, known when the program is written, or an {@link Output} of another
 * resource (an ECR repository's URL, a KMS key's ARN, a stack reference's subnets).
 *
 * <p>Components check a plain value when they are constructed, before they register any child, and an Output inside
 * the apply that consumes it, with the same message ({@link Problems#check}). The args builders take both forms, the
 * overload pattern of Pulumi's generated Java args.
 *
 * @param <T> the value's type
 */
public final class Value<T> {

    private final T plain;
    private final Output<T> output;

    private Value(T plain, Output<T> output) {
        this.plain = plain;
        this.output = output;
    }

    /**
     * @param plain a value known now
     * @param <T>   its type
     * @return the argument
     * @throws NullPointerException when the value is null
     */
    public static <T> Value<T> of(T plain) {
        return new Value<>(Objects.requireNonNull(plain, "value"), null);
    }

    /**
     * @param output a value another resource produces
     * @param <T>    its type
     * @return the argument
     * @throws NullPointerException when the output is null
     */
    public static <T> Value<T> of(Output<T> output) {
        return new Value<>(null, Objects.requireNonNull(output, "output"));
    }

    /** @return the value when it is plain; empty for an Output */
    public Optional<T> plain() {
        return Optional.ofNullable(plain);
    }

    /** @return whether the value is known now */
    public boolean isPlain() {
        return output == null;
    }

    /** @return the value as an Output (a plain value as a known one) */
    public Output<T> output() {
        return output == null ? Output.of(plain) : output;
    }

    /**
     * @param f   a function of the value
     * @param <R> its result's type
     * @return the function applied now to a plain value, or inside an apply to an Output
     */
    public <R> Value<R> map(Function<T, R> f) {
        return output == null ? Value.of(f.apply(plain)) : Value.of(output.applyValue(f::apply));
    }

    /**
     * @param a   one value
     * @param b   another value
     * @param f   combines them
     * @param <A> the first's type
     * @param <B> the second's type
     * @param <R> the result's type
     * @return the combination: plain when both are plain, else an Output
     */
    public static <A, B, R> Value<R> combine(Value<A> a, Value<B> b, java.util.function.BiFunction<A, B, R> f) {
        if (a.isPlain() && b.isPlain()) {
            return Value.of(f.apply(a.plain, b.plain));
        }
        return Value.of(Output.tuple(a.output(), b.output()).applyValue(t -> f.apply(t.t1, t.t2)));
    }

    @Override
    public String toString() {
        return output == null ? String.valueOf(plain) : "Output";
    }
}
