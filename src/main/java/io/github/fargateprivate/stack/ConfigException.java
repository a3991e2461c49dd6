package io.github.fargateprivate.stack;

import com.pulumi.exceptions.RunException;

import java.util.List;

/**
 * Every problem of a stack's config, found before any resource is registered, reported together. A
 * {@link RunException}, so that {@code pulumi up} shows the message alone, without a stack trace.
 */
public class ConfigException extends RunException {

    /** The problems, one line each, starting with the config key; part of the serialised form. */
    private final List<String> problems;

    /**
     * @param stackName the stack whose config is wrong
     * @param problems  one line each, starting with the config key
     */
    public ConfigException(String stackName, List<String> problems) {
        super(message(stackName, problems));
        this.problems = List.copyOf(problems);
    }

    private static String message(String stackName, List<String> problems) {
        var b = new StringBuilder("Stack '" + stackName + "' has " + problems.size() + " configuration problem"
                + (problems.size() == 1 ? "" : "s") + " (Pulumi." + stackName + ".yaml); nothing was deployed:");
        problems.forEach(p -> b.append("\n  - ").append(p));
        return b.toString();
    }

    /** @return the problems, one line each */
    public List<String> problems() {
        return problems;
    }
}
