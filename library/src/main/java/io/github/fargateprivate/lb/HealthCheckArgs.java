package io.github.fargateprivate.lb;

import io.github.fargateprivate.Options;
import io.github.fargateprivate.OptionsStyle;
import org.immutables.value.Value;
import io.github.fargateprivate.Problems;
import io.github.fargateprivate.Rules;

import java.util.regex.Pattern;

/**
 * The target group's health check: what the load balancer asks a task before it sends it traffic, and how often.
 * The defaults are tuned for a Spring Boot service: a new task serves after 20 s of health instead of AWS's 150 s.
 * Immutable; build with {@link #builder()}.
 */
@Value.Immutable
@OptionsStyle
public abstract class HealthCheckArgs implements Options<HealthCheckArgs> {

    /** Default of {@link #path()}. */
    public static final String DEFAULT_PATH = "/actuator/health";

    private static final Pattern MATCHER = Pattern.compile("\\d{3}(-\\d{3})?(,\\d{3}(-\\d{3})?)*");

    /** @return the HTTP path checked. Default: {@value #DEFAULT_PATH}, Spring Boot Actuator's health endpoint */
    @Value.Default
    public String path() {
        return DEFAULT_PATH;
    }

    /** @return seconds between checks, 5-300. Default: 10, a third of AWS's 30, so that a new task serves sooner */
    @Value.Default
    public int intervalSeconds() {
        return 10;
    }

    /** @return consecutive successes before a target is healthy, 2-10. Default: 2 (AWS: 5) */
    @Value.Default
    public int healthyThreshold() {
        return 2;
    }

    /** @return consecutive failures before a target is unhealthy, 2-10. Default: 3, tolerating one slow GC pause */
    @Value.Default
    public int unhealthyThreshold() {
        return 3;
    }

    /** @return seconds a check may take, 2-120 and less than the interval. Default: 5 */
    @Value.Default
    public int timeoutSeconds() {
        return 5;
    }

    /**
     * @return HTTP codes of a healthy answer: a code, a range or a comma-separated list of either, within 200-499.
     *     Default: {@code 200}: Actuator answers 200 when UP and 503 when DOWN
     */
    @Value.Default
    public String matcher() {
        return "200";
    }

    /**
     * Checks the values against the ELB API's limits.
     *
     * @param problems where problems go
     * @return these options
     */
    @Override
    public HealthCheckArgs validate(Problems problems) {
        Rules.healthCheckPath(path()).ifPresent(p -> problems.add("path", p, pathSuggestion(path())));
        problems.add("intervalSeconds", Rules.between(intervalSeconds(), 5, 300));
        problems.add("healthyThreshold", Rules.between(healthyThreshold(), 2, 10));
        problems.add("unhealthyThreshold", Rules.between(unhealthyThreshold(), 2, 10));
        problems.add("timeoutSeconds", Rules.between(timeoutSeconds(), 2, 120));
        if (timeoutSeconds() >= intervalSeconds()) {
            problems.add("timeoutSeconds", timeoutSeconds() + " is not less than intervalSeconds " + intervalSeconds()
                    + "; a check must end before the next one starts", String.valueOf(intervalSeconds() / 2));
        }
        if (!MATCHER.matcher(matcher()).matches() || !codesWithin(matcher())) {
            problems.add("matcher", "'" + matcher() + "' is not a list of HTTP codes or ranges within 200-499 "
                    + "(e.g. 200, 200,202 or 200-299)");
        }
        return this;
    }

    /** A path that passes the rule, made from the given one by trimming it and adding the leading '/'; or null. */
    private static String pathSuggestion(String path) {
        String trimmed = path.strip();
        String fixed = trimmed.startsWith("/") ? trimmed : "/" + trimmed;
        return trimmed.isEmpty() || fixed.equals(path) || Rules.healthCheckPath(fixed).isPresent() ? null : fixed;
    }

    private static boolean codesWithin(String matcher) {
        for (String code : matcher.split("[,-]")) {
            int c = Integer.parseInt(code);
            if (c < 200 || c > 499) {
                return false;
            }
        }
        return true;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these options, to change some of them */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builder of {@link HealthCheckArgs}. */
    public static final class Builder extends ImmutableHealthCheckArgs.Builder {
        Builder() {
        }
    }
}
