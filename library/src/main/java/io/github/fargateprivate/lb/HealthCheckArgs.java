package io.github.fargateprivate.lb;

import com.pulumi.resources.ResourceArgs;
import io.github.fargateprivate.Problems;
import io.github.fargateprivate.Rules;

import java.util.regex.Pattern;

/**
 * The target group's health check: what the load balancer asks a task before it sends it traffic, and how often.
 * The defaults are tuned for a Spring Boot service: a new task serves after 20 s of health instead of AWS's 150 s.
 * Immutable; build with {@link #builder()}.
 */
public final class HealthCheckArgs extends ResourceArgs {

    /** Default of {@link #path()}. */
    public static final String DEFAULT_PATH = "/actuator/health";

    private static final Pattern MATCHER = Pattern.compile("\\d{3}(-\\d{3})?(,\\d{3}(-\\d{3})?)*");

    /** The HTTP path checked. Default: {@value #DEFAULT_PATH}, Spring Boot Actuator's health endpoint. */
    private String path;

    /** Seconds between checks, 5-300. Default: 10, a third of AWS's 30, so that a new task serves sooner. */
    private Integer intervalSeconds;

    /** Consecutive successes before a target is healthy, 2-10. Default: 2 (AWS: 5). */
    private Integer healthyThreshold;

    /** Consecutive failures before a target is unhealthy, 2-10. Default: 3, tolerating one slow GC pause. */
    private Integer unhealthyThreshold;

    /** Seconds a check may take, 2-120 and less than the interval. Default: 5. */
    private Integer timeoutSeconds;

    /**
     * HTTP codes of a healthy answer: a code, a range or a comma-separated list of either, within 200-499.
     * Default: {@code 200}: Actuator answers 200 when UP and 503 when DOWN.
     */
    private String matcher;

    private HealthCheckArgs() {
    }

    /** @return the path checked */
    public String path() {
        return path == null ? DEFAULT_PATH : path;
    }

    /** @return seconds between checks */
    public int intervalSeconds() {
        return intervalSeconds == null ? 10 : intervalSeconds;
    }

    /** @return successes before healthy */
    public int healthyThreshold() {
        return healthyThreshold == null ? 2 : healthyThreshold;
    }

    /** @return failures before unhealthy */
    public int unhealthyThreshold() {
        return unhealthyThreshold == null ? 3 : unhealthyThreshold;
    }

    /** @return seconds a check may take */
    public int timeoutSeconds() {
        return timeoutSeconds == null ? 5 : timeoutSeconds;
    }

    /** @return the healthy HTTP codes */
    public String matcher() {
        return matcher == null ? "200" : matcher;
    }

    /**
     * Checks the values against the ELB API's limits.
     *
     * @param problems where problems go
     */
    public void validate(Problems problems) {
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

    /** Builder of {@link HealthCheckArgs}. */
    public static final class Builder {
        private HealthCheckArgs args = new HealthCheckArgs();

        private Builder() {
        }

        private HealthCheckArgs args() {
            if (args == null) {
                throw new IllegalStateException("HealthCheckArgs.Builder: build() was called already; start a new builder");
            }
            return args;
        }

        /**
         * @param path the HTTP path checked
         * @return this builder
         */
        public Builder path(String path) {
            args().path = path;
            return this;
        }

        /**
         * @param seconds seconds between checks
         * @return this builder
         */
        public Builder intervalSeconds(int seconds) {
            args().intervalSeconds = seconds;
            return this;
        }

        /**
         * @param count successes before healthy
         * @return this builder
         */
        public Builder healthyThreshold(int count) {
            args().healthyThreshold = count;
            return this;
        }

        /**
         * @param count failures before unhealthy
         * @return this builder
         */
        public Builder unhealthyThreshold(int count) {
            args().unhealthyThreshold = count;
            return this;
        }

        /**
         * @param seconds seconds a check may take
         * @return this builder
         */
        public Builder timeoutSeconds(int seconds) {
            args().timeoutSeconds = seconds;
            return this;
        }

        /**
         * @param matcher healthy HTTP codes, e.g. {@code 200-299}
         * @return this builder
         */
        public Builder matcher(String matcher) {
            args().matcher = matcher;
            return this;
        }

        /** @return the immutable args */
        public HealthCheckArgs build() {
            HealthCheckArgs built = args();
            args = null;
            return built;
        }
    }
}
