package io.github.fargateprivate.lb;

import com.pulumi.core.Output;
import com.pulumi.resources.ResourceArgs;
import io.github.fargateprivate.Value;

import java.util.Map;

/** Inputs of {@link ListenerTarget}. Immutable; build with {@link #builder()}. */
public final class ListenerTargetArgs extends ResourceArgs {

    /** The VPC of the target group. Required. */
    private Value<String> vpcId;

    /** Where on the shared load balancer the targets go. Required. */
    private ListenerRuleArgs listenerRule;

    /** The target group: port, health check, drain. Required (its port at least). */
    private TargetGroupArgs targetGroup;

    /** Tags of every taggable child. Default: none. */
    private Map<String, String> tags = Map.of();

    private ListenerTargetArgs() {
    }

    /** @return the VPC */
    public Value<String> vpcId() {
        return vpcId;
    }

    /** @return the rule */
    public ListenerRuleArgs listenerRule() {
        return listenerRule;
    }

    /** @return the target group */
    public TargetGroupArgs targetGroup() {
        return targetGroup;
    }

    /** @return the tags */
    public Map<String, String> tags() {
        return tags;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link ListenerTargetArgs}. */
    public static final class Builder {
        private ListenerTargetArgs args = new ListenerTargetArgs();

        private Builder() {
        }

        private ListenerTargetArgs args() {
            if (args == null) {
                throw new IllegalStateException("ListenerTargetArgs.Builder: build() was called already; start a new builder");
            }
            return args;
        }

        /**
         * @param vpcId the VPC
         * @return this builder
         */
        public Builder vpcId(Output<String> vpcId) {
            args().vpcId = Value.of(vpcId);
            return this;
        }

        /**
         * @param vpcId the VPC
         * @return this builder
         */
        public Builder vpcId(String vpcId) {
            args().vpcId = Value.of(vpcId);
            return this;
        }

        /**
         * @param rule where on the shared load balancer the targets go
         * @return this builder
         */
        public Builder listenerRule(ListenerRuleArgs rule) {
            args().listenerRule = rule;
            return this;
        }

        /**
         * @param targetGroup the target group
         * @return this builder
         */
        public Builder targetGroup(TargetGroupArgs targetGroup) {
            args().targetGroup = targetGroup;
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
        public ListenerTargetArgs build() {
            ListenerTargetArgs built = args();
            args = null;
            return built;
        }
    }
}
