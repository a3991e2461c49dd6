package io.github.fargateprivate.lb;

import com.pulumi.core.Output;
import io.github.fargateprivate.Options;
import io.github.fargateprivate.OptionsStyle;
import io.github.fargateprivate.Problems;
import io.github.fargateprivate.Value;
import io.github.fargateprivate.ec2.NetworkArgs;

import java.util.Map;
import java.util.Optional;

/** Inputs of {@link ListenerTarget}. Immutable; build with {@link #builder()}. */
@org.immutables.value.Value.Immutable
@OptionsStyle
public abstract class ListenerTargetArgs implements Options<ListenerTargetArgs> {

    /** @return the VPC of the target group. Required */
    public abstract Optional<Value<String>> vpcId();

    /** @return where on the shared load balancer the targets go. Required */
    public abstract Optional<ListenerRuleArgs> listenerRule();

    /** @return the target group: port, health check, drain. Required (its port at least) */
    public abstract Optional<TargetGroupArgs> targetGroup();

    /** @return tags of every taggable child. Default: none */
    public abstract Map<String, String> tags();

    /**
     * Checks the args; where the rule goes among the others on its listener is the component's to check
     * ({@link ListenerTarget#place}).
     *
     * @param problems where problems go
     * @return these args, each value of another resource carrying its check
     */
    @Override
    public ListenerTargetArgs validate(Problems problems) {
        var checked = builder().from(this);
        listenerRule().ifPresentOrElse(r -> checked.listenerRule(r.validate(problems.at("listenerRule"))),
                () -> problems.add("listenerRule", "required: where on the shared load balancer the service goes"));
        targetGroup().ifPresentOrElse(t -> {
            checked.targetGroup(t.validate(problems.at("targetGroup")));
            if (t.port().isEmpty()) {
                problems.add("targetGroup.port", TargetGroupArgs.PORT_REQUIRED);
            }
        }, () -> problems.add("targetGroup", "required: at least the targets' port"));
        vpcId().ifPresentOrElse(v -> checked.vpcId(problems.checked("vpcId", v, NetworkArgs::vpcIdProblem)),
                () -> problems.add("vpcId", "required: the VPC of the target group"));
        return checked.build();
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link ListenerTargetArgs}. */
    public static final class Builder extends ImmutableListenerTargetArgs.Builder {
        Builder() {
        }

        /**
         * @param vpcId the VPC
         * @return this builder
         */
        public Builder vpcId(Output<String> vpcId) {
            return vpcId(Value.of(vpcId));
        }

        /**
         * @param vpcId the VPC
         * @return this builder
         */
        public Builder vpcId(String vpcId) {
            return vpcId(Value.of(vpcId));
        }
    }
}
