package io.github.fargateprivate.ecs;

import io.github.fargateprivate.Options;
import io.github.fargateprivate.OptionsStyle;
import io.github.fargateprivate.Problems;
import org.immutables.value.Value.Immutable;


/**
 * What a user sets on an ECS service: where and how large its tasks run, how many, how they roll out, log and
 * network limits. What a parent wires (the network, the containers, the roles, the load balancer) is in
 * {@link EcsServiceArgs}, which has the same options; a load-balanced service takes these options only.
 * Immutable; build with {@link #builder()}.
 */
@Immutable
@OptionsStyle
public abstract class EcsServiceOptions extends BaseEcsServiceOptions implements Options<EcsServiceOptions> {

    /**
     * Checks the options; values of other resources in the apply that consumes them. The log key's region, which
     * needs the deploying region, is {@link EcsService}'s rule.
     *
     * @param problems where problems go
     * @return these options, each value of another resource replaced by the checked one
     */
    @Override
    public EcsServiceOptions validate(Problems problems) {
        validateOwnOptions(problems);
        return checkedValues(problems, builder().from(this)).build();
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these options, to change some of them */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builder of {@link EcsServiceOptions}. */
    public static final class Builder extends ImmutableEcsServiceOptions.Builder implements Setters<Builder> {
        Builder() {
        }
    }
}
