package io.github.fargateprivate;

/**
 * What every options and args type of the library does: checks itself. One signature for all of them, so that a
 * composite checks each part the same way, under the part's field.
 *
 * @param <O> the type itself
 */
public interface Options<O extends Options<O>> {

    /**
     * Checks these options: every plain value now, every value of another resource in the apply that consumes it,
     * with the same message.
     *
     * @param problems where problems go, under this type's field
     * @return these options with each value of another resource replaced by the checked one, which the component
     *     consumes
     */
    O validate(Problems problems);
}
