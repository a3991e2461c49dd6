package io.github.fargateprivate;

import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.github.fargateprivate.testing.OfflineMocks;
import io.github.fargateprivate.testing.OfflineRun;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs one component under the mock engine and checks what every component owes: its children are parented to it,
 * bad args register nothing, and an explicit provider carries every child and every invoke.
 */
public final class ComponentHarness {

    /** Name of the explicit provider {@link #createWithProvider} gives the component. */
    public static final String PROVIDER = "west";
    /** Region of that provider; the mocks' default provider is in {@code eu-central-1}. */
    public static final String PROVIDER_REGION = "us-west-2";

    /** The invokes of {@link AwsEnvironment#of}, sorted. */
    public static final List<String> ENVIRONMENT_INVOKES = List.of("aws:index/getCallerIdentity:getCallerIdentity",
            "aws:index/getPartition:getPartition", "aws:index/getRegion:getRegion");

    private ComponentHarness() {
    }

    /**
     * A run and the component it created.
     *
     * @param run       the run
     * @param component the component; null when its constructor threw
     * @param <C>       the component's type
     */
    public record Created<C extends ComponentResource>(OfflineRun run, C component) {

        /** @return this, after asserting the program succeeded */
        public Created<C> ok() {
            run.ok();
            return this;
        }

        /**
         * @param child a resource name
         * @return its inputs
         */
        public Map<String, Object> inputs(String child) {
            return run.inputs(child);
        }

        /**
         * @param output one of the component's outputs
         * @param <T>    its type
         * @return its value
         */
        public <T> T value(Function<C, Output<T>> output) {
            return OfflineRun.value(output.apply(component));
        }
    }

    /**
     * @param factory creates the component with the given options
     * @param <C>     the component's type
     * @return the run, with default component options and the default provider
     */
    public static <C extends ComponentResource> Created<C> create(Function<ComponentResourceOptions, C> factory) {
        return create(factory, new OfflineMocks(), false);
    }

    /**
     * @param factory creates the component with the given options
     * @param <C>     the component's type
     * @return the run, the component given an explicit provider {@value #PROVIDER} in {@value #PROVIDER_REGION}
     */
    public static <C extends ComponentResource> Created<C> createWithProvider(
            Function<ComponentResourceOptions, C> factory) {
        return create(factory, new OfflineMocks(), true);
    }

    /**
     * @param factory     creates the component with the given options
     * @param mocks       the mocks
     * @param ownProvider whether the component gets the explicit provider
     * @param <C>         the component's type
     * @return the run
     */
    public static <C extends ComponentResource> Created<C> create(Function<ComponentResourceOptions, C> factory,
                                                                  OfflineMocks mocks, boolean ownProvider) {
        var component = new AtomicReference<C>();
        OfflineRun run = OfflineRun.of(ctx -> {
            var options = ownProvider
                    ? ComponentResourceOptions.builder().providers(new Provider(PROVIDER,
                    ProviderArgs.builder().region(PROVIDER_REGION).build())).build()
                    : ComponentResourceOptions.Empty;
            component.set(factory.apply(options));
        }, mocks);
        return new Created<>(run, component.get());
    }

    /**
     * @param run a failed run
     * @return the {@link ArgsException} it failed with
     */
    public static ArgsException argsException(OfflineRun run) {
        run.failure();
        for (Throwable e : run.result().exceptions()) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ArgsException args) {
                    return args;
                }
            }
        }
        throw new AssertionError("no ArgsException among " + run.errorText());
    }

    /**
     * The engine answers invokes concurrently, so their order is not the program's.
     *
     * @param run a run
     * @return the tokens of its invokes, sorted
     */
    public static List<String> sortedInvokes(OfflineRun run) {
        return run.mocks().invokes().stream().sorted().toList();
    }

    /**
     * Asserts the run failed on its args before any AWS resource was registered.
     *
     * @param run the run
     * @return the problems
     */
    public static List<Problem> refusedBeforeAnyChild(OfflineRun run) {
        ArgsException e = argsException(run);
        assertTrue(e.getMessage().contains("; no AWS resource was registered:"), e.getMessage());
        assertEquals(List.of(), run.mocks().awsResources());
        return e.problems();
    }

    /**
     * Asserts the component's children are exactly the given ones and every AWS resource is one of them.
     *
     * @param created  the run
     * @param children the children's names
     */
    public static void assertChildren(Created<?> created, Set<String> children) {
        String urn = OfflineRun.value(created.component().urn());
        Set<String> parented = created.run().registrations().stream().filter(r -> urn.equals(r.parentUrn()))
                .map(OfflineRun.Registered::name).collect(Collectors.toSet());
        assertEquals(children, parented);
        Set<String> aws = created.run().mocks().awsResources().stream().map(OfflineMocks.Registration::name)
                .collect(Collectors.toSet());
        assertTrue(children.containsAll(aws), "AWS resources outside the component: " + aws);
    }

    /**
     * Asserts that an output resolves only once the given resources exist.
     *
     * @param output    an output of a component
     * @param resources the names of the resources it must wait for
     */
    public static void assertWaitsFor(Output<?> output, String... resources) {
        Set<String> dependencies = OfflineRun.dependencies(output);
        assertTrue(dependencies.containsAll(Set.of(resources)), "waits only for " + dependencies);
    }

    /**
     * Asserts that every AWS resource and every invoke of the run went through the explicit provider.
     *
     * @param run a run of {@link #createWithProvider}
     */
    public static void assertEverythingThroughProvider(OfflineRun run) {
        String suffix = "::" + PROVIDER + "::" + PROVIDER + "-provider-id";
        var resources = run.mocks().awsResources();
        assertFalse(resources.isEmpty(), "no AWS resource registered");
        resources.forEach(r -> assertTrue(r.provider().endsWith(suffix), r.name() + " uses " + r.provider()));
        run.mocks().calls().forEach(c -> assertTrue(c.provider().endsWith(suffix), c.token() + " uses " + c.provider()));
    }
}
