package io.github.fargateprivate.models;

import com.google.gson.JsonParser;
import io.github.fargateprivate.testing.OfflineMocks.Registration;
import io.github.fargateprivate.testing.OfflineRun;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks what a program registers against AWS's own descriptions of its APIs, not against this project's
 * expectations: every ECS container definition against the ECS service model ({@link EcsContainerModel}: members,
 * types, enums, required members) and every IAM policy document against the IAM JSON policy grammar
 * ({@link IamPolicyGrammar}).
 *
 * <p>The ECS model is the one AWS ships in the npm package {@value #PACKAGE} (the AWS SDK for JavaScript), pinned by
 * the registry's digest: it is read from {@code ~/.cache/fargate-private-registry/} when the copy there has that
 * digest, and downloaded from the npm registry (and cached) otherwise. Enums come from the AWS SDK for Java's ECS
 * model classes, a test dependency.
 */
public final class AwsModels {

    /** The npm package whose service models are read. */
    public static final String PACKAGE = "aws-sdk@2.1692.0";
    /** Where the package's tarball is downloaded from. */
    public static final URI TARBALL_URL = URI.create("https://registry.npmjs.org/aws-sdk/-/aws-sdk-2.1692.0.tgz");
    /** The registry's {@code dist.integrity} of that tarball; no other bytes are used. */
    public static final String TARBALL_INTEGRITY =
            "sha512-x511uiJ/57FIsbgUe5csJ13k3uzu25uWQE+XqfBis/sB0SFoiElJWXRkgEAUh0U6n40eT3ay5Ue4oPkRMu1LYw==";
    /** The ECS service model inside the tarball. */
    public static final String ECS_MODEL = "package/apis/ecs-2014-11-13.min.json";

    /** Where a policy document is attached, which decides the blocks each statement needs. */
    public enum Kind {
        /** Attached to a role, user or group: Resource (or NotResource), no Principal. */
        IDENTITY("an identity policy"),
        /** A role's trust (assume-role) policy: Principal (or NotPrincipal), no Resource. */
        TRUST("a trust policy"),
        /** Attached to a resource (bucket, key, secret): Principal and Resource. */
        RESOURCE("a resource policy");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        /** @return how problems name such a policy, e.g. {@code an identity policy} */
        public String describe() {
            return description;
        }
    }

    /**
     * One JSON document a registered resource carries.
     *
     * @param type  the resource's type token
     * @param name  the resource's logical name
     * @param input the input holding the document, e.g. {@code assumeRolePolicy}
     * @param json  the document
     * @param kind  a policy's kind; null for container definitions
     */
    public record Document(String type, String name, String input, String json, Kind kind) {

        /** @return the document's problems */
        public List<String> problems() {
            return kind == null ? containerDefinitionProblems(json) : policyProblems(json, kind);
        }

        @Override
        public String toString() {
            return type.substring(type.lastIndexOf(':') + 1) + " " + name + " " + input;
        }
    }

    /** An input that holds a document; kind null for container definitions. */
    private record DocumentInput(String type, String input, Kind kind) {
    }

    private static final List<DocumentInput> DOCUMENT_INPUTS = List.of(
            new DocumentInput("aws:ecs/taskDefinition:TaskDefinition", "containerDefinitions", null),
            new DocumentInput("aws:iam/role:Role", "assumeRolePolicy", Kind.TRUST),
            new DocumentInput("aws:iam/rolePolicy:RolePolicy", "policy", Kind.IDENTITY),
            new DocumentInput("aws:iam/policy:Policy", "policy", Kind.IDENTITY),
            new DocumentInput("aws:s3/bucketPolicy:BucketPolicy", "policy", Kind.RESOURCE),
            new DocumentInput("aws:kms/key:Key", "policy", Kind.RESOURCE),
            new DocumentInput("aws:kms/keyPolicy:KeyPolicy", "policy", Kind.RESOURCE),
            new DocumentInput("aws:secretsmanager/secret:Secret", "policy", Kind.RESOURCE),
            new DocumentInput("aws:secretsmanager/secretPolicy:SecretPolicy", "policy", Kind.RESOURCE));

    private static EcsContainerModel ecs;
    private static IllegalStateException ecsFailure;

    private AwsModels() {
    }

    /** @return the pinned tarball, cached under {@code ~/.cache/fargate-private-registry/} */
    static NpmTarball tarball() {
        return new NpmTarball(TARBALL_URL, TARBALL_INTEGRITY, Path.of(System.getProperty("user.home"), ".cache",
                "fargate-private-registry", "aws-sdk-2.1692.0.tgz"));
    }

    /**
     * @return the ECS model, loaded once per test JVM; a failure to load it is remembered, so that the tests after
     *         the first report it at once instead of each waiting for the registry again
     */
    static synchronized EcsContainerModel ecs() {
        if (ecs == null && ecsFailure == null) {
            try {
                ecs = new EcsContainerModel(JsonParser.parseString(new String(tarball().entry(ECS_MODEL),
                        StandardCharsets.UTF_8)).getAsJsonObject());
            } catch (IllegalStateException e) {
                ecsFailure = e;
            }
        }
        if (ecsFailure != null) {
            throw new IllegalStateException("the ECS model of " + PACKAGE + " could not be loaded: "
                    + ecsFailure.getMessage(), ecsFailure);
        }
        return ecs;
    }

    /**
     * @param containerDefinitionsJson a task definition's {@code containerDefinitions}: a JSON array
     * @return every problem against ECS's {@code RegisterTaskDefinition} model, each starting with its JSON path
     *         ({@code $[0].portMappings[0].protocol: "sctp" is not a TransportProtocol (tcp, udp)}); empty if none
     */
    public static List<String> containerDefinitionProblems(String containerDefinitionsJson) {
        return ecs().problems(containerDefinitionsJson);
    }

    /**
     * @param policyJson a policy document
     * @param kind       where it is attached
     * @return every problem against the IAM policy grammar, each starting with its JSON path
     *         ({@code $.Statement[0].Effect: "Permit" is neither Allow nor Deny}); empty if none
     */
    public static List<String> policyProblems(String policyJson, Kind kind) {
        return IamPolicyGrammar.problems(policyJson, kind);
    }

    /**
     * The documents a run registered: container definitions of task definitions; trust and inline policies of
     * roles; policies of role policies, managed policies, bucket policies, KMS keys and secrets. An input that is not
     * there (unset, or unknown in a preview) has no document.
     *
     * @param run a program's run
     * @return its documents, in registration order
     */
    public static List<Document> documents(OfflineRun run) {
        List<Document> documents = new ArrayList<>();
        for (Registration r : run.mocks().registrations()) {
            for (DocumentInput d : DOCUMENT_INPUTS) {
                if (d.type().equals(r.type())) {
                    r.input(d.input()).ifPresent(json -> documents.add(new Document(r.type(), r.name(), d.input(),
                            String.valueOf(json), d.kind())));
                }
            }
            if (r.type().equals("aws:iam/role:Role") && r.input("inlinePolicies").isPresent()) {
                List<Map<String, Object>> inline = OfflineRun.blocks(r.inputs(), "inlinePolicies");
                for (int i = 0; i < inline.size(); i++) {
                    Object policy = inline.get(i).get("policy");
                    if (policy != null) {
                        documents.add(new Document(r.type(), r.name(), "inlinePolicies[" + i + "].policy",
                                String.valueOf(policy), Kind.IDENTITY));
                    }
                }
            }
        }
        return documents;
    }

    /**
     * Asserts that every document of a run is well formed.
     *
     * @param run a program's run
     * @throws AssertionError naming each problem's resource, input and JSON path
     */
    public static void assertWellFormed(OfflineRun run) {
        List<String> problems = new ArrayList<>();
        for (Document d : documents(run)) {
            d.problems().forEach(p -> problems.add(d + " " + p));
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("not what AWS's models accept:\n  " + String.join("\n  ", problems));
        }
    }
}
