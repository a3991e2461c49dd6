package io.github.fargateprivate;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.resources.ComponentResourceOptions;
import io.github.fargateprivate.testing.OfflineMocks;
import io.github.fargateprivate.testing.OfflineRun;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the component tests check of a run under the mock engine, written once. */
public final class RunAssertions {

    /** The name of the explicit provider {@link #westProvider()} creates. */
    public static final String WEST = "west";
    /** Its region. */
    public static final String WEST_REGION = "us-west-2";

    private RunAssertions() {
    }

    /**
     * The problems the run failed with: each {@link ArgsException} once, however often the engine wrapped it.
     *
     * @param run a run
     * @return the problems, in the order the exceptions were reported
     */
    public static List<Problem> problems(OfflineRun run) {
        Set<ArgsException> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Problem> problems = new ArrayList<>();
        for (Throwable e : run.result().exceptions()) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ArgsException a && seen.add(a)) {
                    problems.addAll(a.problems());
                }
            }
        }
        return problems;
    }

    /**
     * @param run      a failed run
     * @param field    a field path, e.g. {@code container.image}
     * @param fragment part of the problem's message
     * @return the problem of that field whose message holds the fragment, after asserting there is one
     */
    public static Problem problem(OfflineRun run, String field, String fragment) {
        String failure = run.failure();
        List<Problem> problems = problems(run);
        return problems.stream().filter(p -> p.field().equals(field) && p.message().contains(fragment)).findFirst()
                .orElseThrow(() -> new AssertionError("no problem '" + field + ": ..." + fragment + "...' in "
                        + problems + "\n" + failure));
    }

    /**
     * Asserts that the run failed before it registered any AWS resource, with that problem.
     *
     * @param run      a failed run
     * @param field    a field path
     * @param fragment part of the problem's message
     * @return the problem
     */
    public static Problem refusedBeforeAnyResource(OfflineRun run, String field, String fragment) {
        Problem problem = problem(run, field, fragment);
        assertTrue(run.failure().contains("no AWS resource was registered"), run.failure());
        assertEquals(List.of(), run.mocks().awsResources());
        return problem;
    }

    /**
     * Whether a resource type takes tags: for {@code aws:<module>/<x>:<Name>}, whether
     * {@code com.pulumi.aws.<module>.<Name>Args} has a {@code tags} property.
     *
     * @param type an AWS type token
     * @return whether its args have {@code tags}
     */
    public static boolean taggable(String type) {
        String[] parts = type.split("[:/]");
        String module = parts[1].equals("index") ? "" : parts[1] + ".";
        String className = "com.pulumi.aws." + module + parts[3] + "Args";
        try {
            Class.forName(className).getMethod("tags");
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        } catch (ClassNotFoundException e) {
            throw new AssertionError("no args class " + className + " for " + type, e);
        }
    }

    /**
     * Asserts that every taggable AWS resource of the run carries exactly these tags, and returns the types that do.
     *
     * @param run  a run
     * @param tags the tags every taggable child should carry
     * @return the taggable types seen, sorted
     */
    public static Set<String> assertTaggedEverywhere(OfflineRun run, Map<String, String> tags) {
        Set<String> tagged = new TreeSet<>();
        for (var r : run.mocks().awsResources()) {
            if (taggable(r.type())) {
                assertEquals(tags, r.inputs().get("tags"), r.name() + " (" + r.type() + ")");
                tagged.add(r.type());
            } else {
                assertFalse(r.inputs().containsKey("tags"), r.name());
            }
        }
        return tagged;
    }

    /**
     * @return component options with an explicit AWS provider named {@value #WEST} in {@value #WEST_REGION}; to be
     *     called inside the program
     */
    public static ComponentResourceOptions westProvider() {
        var provider = new Provider(WEST, ProviderArgs.builder().region(WEST_REGION).build());
        return ComponentResourceOptions.builder().providers(provider).build();
    }

    /**
     * Asserts that every AWS resource and every invoke of the run went through the provider {@value #WEST}.
     *
     * @param run a run whose component got {@link #westProvider()}
     */
    public static void assertEverythingUsesWest(OfflineRun run) {
        String reference = "::" + WEST + "-provider-id";
        assertFalse(run.mocks().awsResources().isEmpty());
        assertFalse(run.mocks().calls().isEmpty());
        for (var r : run.mocks().awsResources()) {
            assertTrue(r.provider().endsWith(reference), r.name() + " uses '" + r.provider() + "'");
        }
        for (var c : run.mocks().calls()) {
            assertTrue(c.provider().endsWith(reference), c.token() + " uses '" + c.provider() + "'");
        }
    }

    /**
     * @param mocks the mocks of a run
     * @return every registration as {@code type name}, sorted: what a preview and an update must agree on
     */
    public static Set<String> resourceSet(OfflineMocks mocks) {
        return mocks.registrations().stream().map(r -> r.type() + " " + r.name())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * @param run            a run
     * @param taskDefinition the task definition's logical name
     * @return its container definitions, in order
     */
    public static List<JsonObject> containers(OfflineRun run, String taskDefinition) {
        List<JsonObject> containers = new ArrayList<>();
        for (JsonElement e : run.json(taskDefinition, "containerDefinitions").getAsJsonArray()) {
            containers.add(e.getAsJsonObject());
        }
        return containers;
    }

    /**
     * @param object a JSON object
     * @return its keys in the order they were written
     */
    public static List<String> keys(JsonObject object) {
        return new ArrayList<>(new LinkedHashSet<>(object.keySet()));
    }
}
