package io.github.fargateprivate;

import java.util.Optional;

/**
 * One thing wrong with a component's args.
 *
 * @param field     the field's path in the args, e.g. {@code container.image} or {@code service.memory}
 * @param message   what is wrong and how to fix it
 * @param suggested a value that would fix it, when one follows from the others (e.g. the nearest Fargate memory
 *                  size); null when none does
 */
public record Problem(String field, String message, String suggested) {

    /**
     * @param field   the field's path
     * @param message what is wrong and how to fix it
     */
    public Problem(String field, String message) {
        this(field, message, null);
    }

    /** @return the suggested value, if any */
    public Optional<String> suggestion() {
        return Optional.ofNullable(suggested);
    }

    @Override
    public String toString() {
        return field + ": " + message + (suggested == null ? "" : " (suggested: " + suggested + ")");
    }
}
