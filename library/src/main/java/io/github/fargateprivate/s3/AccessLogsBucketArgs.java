package io.github.fargateprivate.s3;

import com.pulumi.resources.ResourceArgs;
import io.github.fargateprivate.Problems;
import io.github.fargateprivate.Rules;

import java.util.Map;
import java.util.regex.Pattern;

/** Inputs of {@link AccessLogsBucket}. Immutable; build with {@link #builder()}. */
public final class AccessLogsBucketArgs extends ResourceArgs {

    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9!_.*'()-]+(/[A-Za-z0-9!_.*'()-]+)*");

    /** The key prefix the load balancer writes under (ELB adds {@code AWSLogs/<account>/...}). Required. */
    private String prefix;

    /**
     * Days after which log objects expire. Default: 90, long enough for an incident review; Security Hub's ELB.5
     * asks for logging, not for a retention.
     */
    private Integer expirationDays;

    /**
     * Whether {@code pulumi destroy} may delete the bucket with its logs in it. Default: false, so that logs outlive
     * the stack unless asked.
     */
    private Boolean forceDestroy;

    /** Tags of every taggable child. Default: none. */
    private Map<String, String> tags = Map.of();

    private AccessLogsBucketArgs() {
    }

    /** @return the key prefix */
    public String prefix() {
        return prefix;
    }

    /** @return the expiry in days */
    public int expirationDays() {
        return expirationDays == null ? 90 : expirationDays;
    }

    /** @return whether destroy deletes the logs */
    public boolean forceDestroy() {
        return forceDestroy != null && forceDestroy;
    }

    /** @return the tags */
    public Map<String, String> tags() {
        return tags;
    }

    /**
     * Checks the args.
     *
     * @param problems where problems go
     */
    public void validate(Problems problems) {
        if (prefix == null || !PREFIX.matcher(prefix).matches() || prefix.startsWith("AWSLogs")) {
            problems.add("prefix", "'" + prefix + "' is not a key prefix ELB accepts (letters, digits, !_.*'()- "
                    + "and '/' between parts, not starting with AWSLogs)");
        }
        problems.add("expirationDays", Rules.between(expirationDays(), 1, 36500));
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link AccessLogsBucketArgs}. */
    public static final class Builder {
        private AccessLogsBucketArgs args = new AccessLogsBucketArgs();

        private Builder() {
        }

        private AccessLogsBucketArgs args() {
            if (args == null) {
                throw new IllegalStateException("AccessLogsBucketArgs.Builder: build() was called already");
            }
            return args;
        }

        /**
         * @param prefix the key prefix the load balancer writes under
         * @return this builder
         */
        public Builder prefix(String prefix) {
            args().prefix = prefix;
            return this;
        }

        /**
         * @param days days after which log objects expire
         * @return this builder
         */
        public Builder expirationDays(int days) {
            args().expirationDays = days;
            return this;
        }

        /**
         * @param on whether destroy deletes the logs
         * @return this builder
         */
        public Builder forceDestroy(boolean on) {
            args().forceDestroy = on;
            return this;
        }

        /**
         * @param tags tags of every taggable child
         * @return this builder
         */
        public Builder tags(Map<String, String> tags) {
            args().tags = Map.copyOf(tags);
            return this;
        }

        /** @return the immutable args */
        public AccessLogsBucketArgs build() {
            AccessLogsBucketArgs built = args();
            args = null;
            return built;
        }
    }
}
