package com.example.consumer;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.pulumi.Context;
import io.github.fargateprivate.testing.OfflineMocks;
import io.github.fargateprivate.testing.OfflineRun;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** What the example's tests read from a run of a program under the library's mocks. */
final class Runs {

    /** The project of {@code Pulumi.yaml}; config keys are qualified with it. */
    static final String PROJECT = "consumer-example";
    /** The stack the tests run. */
    static final String STACK = "test";

    private static final Gson GSON = new Gson();

    private Runs() {
    }

    /**
     * @param program    the program
     * @param config     config key to value
     * @param secretKeys keys whose values are secrets
     * @param mocks      the mocks to answer with
     * @return the outcome, successful or not
     */
    static OfflineRun run(Consumer<Context> program, Map<String, String> config, Set<String> secretKeys,
                          OfflineMocks mocks) {
        return OfflineRun.of(program, PROJECT, STACK, config, secretKeys, mocks);
    }

    /**
     * The inputs a program sends the engine marked secret, which the engine stores encrypted. The mocks cannot tell:
     * they see every secret input unwrapped; the run keeps what the engine was told ({@code Registered#secretInputs}).
     *
     * @param program    the program
     * @param config     config key to value
     * @param secretKeys keys whose values are secrets
     * @param mocks      the mocks to answer with
     * @return the secret inputs, as {@code resource.input}, after asserting the program succeeded
     */
    static Set<String> secretInputs(Consumer<Context> program, Map<String, String> config, Set<String> secretKeys,
                                    OfflineMocks mocks) {
        return run(program, config, secretKeys, mocks).ok().registrations().stream()
                .flatMap(r -> r.secretInputs().stream().map(input -> r.name() + "." + input))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * A value the mocks made up for a resource's output: the ARN, name or id AWS would assign.
     *
     * @param run      the run
     * @param resource the resource's logical name
     * @param output   the output, e.g. {@code arn}
     * @return the value
     */
    static String madeUp(OfflineRun run, String resource, String output) {
        String origin = resource + "." + output;
        List<String> values = run.mocks().generated().entrySet().stream()
                .filter(e -> e.getValue().equals(origin))
                .map(Map.Entry::getKey)
                .toList();
        if (values.size() != 1) {
            // Two candidates: the mocks recorded a value the resource does not report, so neither can be trusted.
            throw new AssertionError("the mocks made up " + values.size() + " values for " + origin + ": " + values);
        }
        return values.get(0);
    }

    /**
     * @param run    the run
     * @param bucket an S3 bucket's logical name
     * @return the bucket's ARN: S3 bucket ARNs name neither region nor account
     */
    static String bucketArn(OfflineRun run, String bucket) {
        return "arn:aws:s3:::" + madeUp(run, bucket, "bucket");
    }

    /**
     * @param run            the run
     * @param taskDefinition a task definition's logical name
     * @return its container definitions, in order
     */
    static List<JsonObject> containers(OfflineRun run, String taskDefinition) {
        JsonArray array = run.json(taskDefinition, "containerDefinitions").getAsJsonArray();
        List<JsonObject> containers = new ArrayList<>();
        array.forEach(e -> containers.add(e.getAsJsonObject()));
        return containers;
    }

    /**
     * @param run  the run
     * @param type a type token
     * @return the logical names of the registrations of that type
     */
    static Set<String> namesOf(OfflineRun run, String type) {
        return run.mocks().ofType(type).stream().map(OfflineMocks.Registration::name).collect(Collectors.toSet());
    }

    /**
     * @param value a value built from maps, lists, strings and numbers
     * @return it as JSON, to compare with a parsed document
     */
    static JsonElement json(Object value) {
        return GSON.toJsonTree(value);
    }

    /**
     * @param run      the run
     * @param logGroup a log group's logical name
     * @return the statement with which the library lets an execution role write exactly that group's streams
     */
    static JsonObject writeLogs(OfflineRun run, String logGroup) {
        return allow("WriteLogs", List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                madeUp(run, logGroup, "arn") + ":log-stream:*", null);
    }

    /**
     * An IAM Allow statement as the library writes it.
     *
     * @param sid       the statement id
     * @param action    one action or a list
     * @param resource  one resource or a list
     * @param condition the condition block, or null
     * @return the statement
     */
    static JsonObject allow(String sid, Object action, Object resource, Map<String, Object> condition) {
        var statement = new LinkedHashMap<String, Object>();
        statement.put("Sid", sid);
        statement.put("Effect", "Allow");
        statement.put("Action", action);
        statement.put("Resource", resource);
        if (condition != null) {
            statement.put("Condition", condition);
        }
        return json(statement).getAsJsonObject();
    }
}
