package io.github.fargateprivate;

import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.ResourceOptions;
import com.pulumi.resources.ResourceTransformation;
import io.github.fargateprivate.testing.OfflineRun;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The resource options a component gives its descendants. The mocks are not sent options (dependsOn,
 * ignoreChanges); a transformation on the component sees them.
 */
public final class ChildOptions {

    private ChildOptions() {
    }

    /**
     * @param factory creates the component with the given options
     * @return the options of every descendant, by logical name, after asserting the run succeeded
     */
    public static Map<String, ResourceOptions> of(Function<ComponentResourceOptions, ? extends ComponentResource>
                                                          factory) {
        Map<String, ResourceOptions> options = new ConcurrentHashMap<>();
        ResourceTransformation capture = t -> {
            options.put(t.resource().pulumiResourceName(), t.options());
            return Optional.empty();
        };
        ComponentHarness.create(o -> factory.apply(ComponentResourceOptions.builder()
                .resourceTransformations(capture).build())).ok();
        return options;
    }

    /**
     * @param options a resource's options
     * @return the logical names of the resources it depends on
     */
    public static Set<String> dependencies(ResourceOptions options) {
        return OfflineRun.value(options.getDependsOn()).stream().map(r -> r.pulumiResourceName())
                .collect(Collectors.toSet());
    }
}
