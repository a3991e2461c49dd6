package io.github.fargateprivate.s3;

import io.github.fargateprivate.Options;
import io.github.fargateprivate.OptionsStyle;
import io.github.fargateprivate.Problems;
import io.github.fargateprivate.Rules;
import org.immutables.value.Value;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Inputs of {@link AccessLogsBucket}. Immutable; build with {@link #builder()}. */
@Value.Immutable
@OptionsStyle
public abstract class AccessLogsBucketArgs implements Options<AccessLogsBucketArgs> {

    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9!_.*'()-]+(/[A-Za-z0-9!_.*'()-]+)*");

    /** @return the key prefix the load balancer writes under (ELB adds {@code AWSLogs/<account>/...}). Required */
    public abstract Optional<String> prefix();

    /**
     * @return days after which log objects expire, 1-36500. Default: 90, long enough for an incident review; Security
     *     Hub's ELB.5 asks for logging, not for a retention
     */
    @Value.Default
    public int expirationDays() {
        return 90;
    }

    /**
     * @return whether {@code pulumi destroy} may delete the bucket with its logs in it. Default: false, so that logs
     *     outlive the stack unless asked
     */
    @Value.Default
    public boolean forceDestroy() {
        return false;
    }

    /** @return tags of every taggable child. Default: none */
    public abstract Map<String, String> tags();

    /**
     * Checks the prefix against what ELB accepts, and the expiry.
     *
     * @param problems where problems go
     * @return these args
     */
    @Override
    public AccessLogsBucketArgs validate(Problems problems) {
        String prefix = prefix().orElse(null);
        if (prefix == null || !PREFIX.matcher(prefix).matches() || prefix.startsWith("AWSLogs")) {
            problems.add("prefix", "'" + prefix + "' is not a key prefix ELB accepts (letters, digits, !_.*'()- "
                    + "and '/' between parts, not starting with AWSLogs)");
        }
        problems.add("expirationDays", Rules.between(expirationDays(), 1, 36500));
        return this;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these args, to change some of them */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builder of {@link AccessLogsBucketArgs}. */
    public static final class Builder extends ImmutableAccessLogsBucketArgs.Builder {
        Builder() {
        }
    }
}
