package io.github.fargateprivate.ec2;

import com.pulumi.core.Output;
import io.github.fargateprivate.Options;
import io.github.fargateprivate.OptionsStyle;
import io.github.fargateprivate.Problems;
import io.github.fargateprivate.Rules;
import io.github.fargateprivate.Value;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a user sets of the {@link VpcEndpoints} of a service in private subnets: the route tables of the S3 gateway
 * endpoint and the tags. The VPC, the subnets and the interface endpoints are wiring ({@link VpcEndpointsArgs}),
 * which a load-balanced service derives from its network and containers. Immutable; build with {@link #builder()}.
 *
 * <p>An interface, not an abstract class, so that {@link VpcEndpointsArgs} can have a {@code builder()} of its own:
 * Java lets a class's static method hide another's only with a compatible return type, and an interface's static
 * methods are not inherited.
 */
@org.immutables.value.Value.Immutable
@OptionsStyle
public interface VpcEndpointsOptions extends Options<VpcEndpointsOptions> {

    /**
     * @return the private subnets' route tables, which the S3 gateway endpoint (where ECR keeps image layers) joins.
     *     Default: looked up from the subnets
     */
    Optional<Value<List<String>>> routeTableIds();

    /** @return tags of every taggable child. Default: none */
    Map<String, String> tags();

    /**
     * Checks the tags and the route tables.
     *
     * @param problems where problems go
     * @return these options, route tables of another resource carrying their check
     */
    @Override
    default VpcEndpointsOptions validate(Problems problems) {
        problems.add("tags", Rules.tags(tags()));
        var checked = builder().from(this);
        routeTableIds().ifPresent(r -> checked.routeTableIds(problems.checked("routeTableIds", r,
                VpcEndpointsOptions::routeTablesProblem)));
        return checked.build();
    }

    private static Optional<String> routeTablesProblem(List<String> ids) {
        Pattern routeTableId = Pattern.compile("rtb-(?:[0-9a-f]{8}|[0-9a-f]{17})");
        return ids.isEmpty() ? Optional.of("empty; leave it unset to look the route tables up from the subnets")
                : ids.stream().filter(id -> id == null || !routeTableId.matcher(id).matches()).findFirst()
                .map(id -> "'" + id + "' is not a route table id (rtb- and 8 or 17 hex digits)");
    }

    /** @return a new builder */
    static Builder builder() {
        return new Builder();
    }

    /**
     * @return a builder holding these options, to change some of them; of {@link VpcEndpointsArgs}, only their options
     *     (change those with {@code VpcEndpointsArgs.builder().from(args)})
     */
    default Builder toBuilder() {
        return builder().from(this);
    }

    /** Builder of {@link VpcEndpointsOptions}. */
    final class Builder extends ImmutableVpcEndpointsOptions.Builder {
        Builder() {
        }

        /**
         * @param routeTableIds the private subnets' route tables
         * @return this builder
         */
        public Builder routeTableIds(List<String> routeTableIds) {
            return routeTableIds(Value.of(List.copyOf(routeTableIds)));
        }

        /**
         * @param routeTableIds the private subnets' route tables, e.g. from a stack reference
         * @return this builder
         */
        public Builder routeTableIds(Output<List<String>> routeTableIds) {
            return routeTableIds(Value.of(routeTableIds));
        }
    }
}
