package io.github.fargateprivate;

import com.pulumi.exceptions.RunException;

import java.util.List;

/**
 * Every problem of a component's args, reported together. A {@link RunException}, so that {@code pulumi up} and
 * {@code pulumi preview} show the message alone, without a stack trace.
 */
public class ArgsException extends RunException {

    /** The problems, each with its field path; part of the serialised form. */
    private final List<Problem> problems;

    /**
     * @param owner          the component, e.g. {@code LoadBalancedFargateService 'app'}
     * @param problems       what is wrong
     * @param beforeChildren whether the problems were found before any child was registered (plain values), or
     *                       later, inside an apply (values of other resources)
     */
    public ArgsException(String owner, List<Problem> problems, boolean beforeChildren) {
        this(owner + " has " + problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
                + (beforeChildren ? "; no AWS resource was registered:" : " in a value of another resource:"), problems);
    }

    /**
     * @param headline what the problems stop, ending with a colon
     * @param problems what is wrong
     */
    ArgsException(String headline, List<Problem> problems) {
        super(message(headline, problems));
        this.problems = List.copyOf(problems);
    }

    private static String message(String headline, List<Problem> problems) {
        var b = new StringBuilder(headline);
        problems.forEach(p -> b.append("\n  - ").append(p));
        return b.toString();
    }

    /** @return the problems */
    public List<Problem> problems() {
        return problems;
    }
}
