package io.github.fargateprivate.iam;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import io.github.fargateprivate.OrderedJson;
import io.github.fargateprivate.arn.Arn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An IAM policy document built from typed values and serialised with Gson, never by string concatenation.
 *
 * <p>Statements name exact resources. The only exceptions are the actions for which IAM offers no resource-level
 * permission at all ({@link #NO_RESOURCE_LEVEL}), which {@link #allowOnAnyResource} grants on {@code *}; the streams
 * of one log group ({@code ...:log-group:NAME:log-stream:*}: ECS names a stream at each task start) and the
 * repositories below one ECR pull-through cache prefix ({@code ...:repository/PREFIX/*}: the cache creates them on
 * first pull), which {@link #allow} accepts; and the scoped statements of a task role ({@link #allowScoped}), whose
 * resource part may hold a wildcard (an S3 prefix).
 */
public final class PolicyDocument {

    /**
     * Actions that IAM evaluates against {@code *} only (Service Authorization Reference: no resource types):
     * the ECR login token and the four channel actions of ECS Exec's SSM agent.
     */
    public static final Set<String> NO_RESOURCE_LEVEL = Set.of("ecr:GetAuthorizationToken",
            "ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel", "ssmmessages:OpenControlChannel",
            "ssmmessages:OpenDataChannel");

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();
    /** The streams of one log group: the streams' names are made by ECS at each task start. */
    private static final java.util.regex.Pattern LOG_STREAMS = java.util.regex.Pattern.compile(
            "arn:[a-z-]+:logs:[a-z0-9-]+:\\d{12}:log-group:[^*?:]+:log-stream:\\*");
    /** The repositories below one ECR prefix: a pull-through cache creates them on first pull. */
    private static final java.util.regex.Pattern ECR_PREFIX = java.util.regex.Pattern.compile(
            "arn:[a-z-]+:ecr:[a-z0-9-]+:\\d{12}:repository/[^*?]+/\\*");

    private final List<Map<String, Object>> statements = new ArrayList<>();

    /**
     * Adds an Allow statement on resources.
     *
     * @param sid       statement id (letters and digits)
     * @param actions   the actions allowed
     * @param resources the exact resource ARNs: not empty, no {@code *} anywhere, and no {@code ?} but the
     *                  {@code -??????} suffix that stands for Secrets Manager's random characters, the streams of one
     *                  log group and the repositories below one ECR prefix
     * @param condition an IAM condition block, or an empty map
     * @return this document
     */
    public PolicyDocument allow(String sid, List<String> actions, List<String> resources,
                                Map<String, Map<String, Object>> condition) {
        if (resources.isEmpty() || !resources.stream().allMatch(PolicyDocument::isExact)) {
            throw new IllegalArgumentException("statement " + sid + " must name exact resource ARNs (no * and no ? "
                    + "but a secret name's -?????? suffix), got " + resources);
        }
        return add(sid, actions, resources, condition);
    }

    /**
     * Adds {@code kms:Decrypt} on exactly one key, only when one of the given services asks on the principal's behalf
     * ({@code kms:ViaService}), not for direct use of the key.
     *
     * @param sid         statement id
     * @param keyArn      the key's ARN
     * @param viaServices the services' endpoints, e.g. {@code secretsmanager.eu-central-1.amazonaws.com}
     * @return this document
     */
    public PolicyDocument allowDecryptVia(String sid, String keyArn, List<String> viaServices) {
        return allow(sid, List.of("kms:Decrypt"), List.of(keyArn), Map.of("StringEquals", Map.of("kms:ViaService",
                viaServices.size() == 1 ? viaServices.get(0) : viaServices)));
    }

    /**
     * Adds an Allow statement on {@code *} for actions IAM offers no resource level for.
     *
     * @param sid     statement id
     * @param actions actions of {@link #NO_RESOURCE_LEVEL} only
     * @return this document
     */
    public PolicyDocument allowOnAnyResource(String sid, List<String> actions) {
        if (!NO_RESOURCE_LEVEL.containsAll(actions)) {
            throw new IllegalArgumentException("statement " + sid + ": only " + NO_RESOURCE_LEVEL
                    + " may name Resource *, got " + actions);
        }
        return add(sid, actions, List.of("*"), Map.of());
    }

    /**
     * Adds a Deny statement on {@code *}: it takes nothing away that another statement grants on purpose.
     *
     * @param sid     statement id
     * @param actions the actions denied
     * @return this document
     */
    public PolicyDocument denyOnAnyResource(String sid, List<String> actions) {
        var s = new LinkedHashMap<String, Object>();
        s.put("Sid", sid);
        s.put("Effect", "Deny");
        s.put("Action", actions.size() == 1 ? actions.get(0) : actions);
        s.put("Resource", "*");
        statements.add(s);
        return this;
    }

    /**
     * Adds an Allow statement whose resources were checked with {@link #scopedResourceProblem}.
     *
     * @param sid       statement id
     * @param actions   the actions allowed
     * @param resources ARNs, possibly with a wildcard in their resource part
     * @return this document
     */
    public PolicyDocument allowScoped(String sid, List<String> actions, List<String> resources) {
        resources.forEach(r -> scopedResourceProblem(r).ifPresent(p -> {
            throw new IllegalArgumentException("statement " + sid + ": " + p);
        }));
        return add(sid, actions, resources, Map.of());
    }

    private PolicyDocument add(String sid, List<String> actions, List<String> resources,
                               Map<String, Map<String, Object>> condition) {
        var s = new LinkedHashMap<String, Object>();
        s.put("Sid", sid);
        s.put("Effect", "Allow");
        s.put("Action", actions.size() == 1 ? actions.get(0) : actions);
        s.put("Resource", resources.size() == 1 ? resources.get(0) : resources);
        if (!condition.isEmpty()) {
            s.put("Condition", condition);
        }
        statements.add(s);
        return this;
    }

    private static boolean isExact(String resource) {
        if (LOG_STREAMS.matcher(resource).matches() || ECR_PREFIX.matcher(resource).matches()) {
            return true;
        }
        String withoutSuffix = resource.endsWith("-??????") ? resource.substring(0, resource.length() - 7) : resource;
        return resource.startsWith("arn:") && !withoutSuffix.contains("*") && !withoutSuffix.contains("?");
    }

    /**
     * A task role's resource: an ARN whose partition, service, region and account are spelled out (no wildcard
     * there), and whose resource part is more than a wildcard. {@code arn:aws:s3:::reports/*} passes,
     * {@code *} and {@code arn:aws:s3:::*} do not.
     *
     * @param resource the resource
     * @return what is wrong, or empty
     */
    public static Optional<String> scopedResourceProblem(String resource) {
        if (resource == null || resource.equals("*")) {
            return Optional.of("Resource * grants the action on every resource of the account; name the ARNs");
        }
        Optional<Arn> arn = Arn.parse(resource);
        if (arn.isEmpty()) {
            return Optional.of("'" + resource + "' is not an ARN (arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE)");
        }
        String head = resource.substring(0, resource.length() - arn.get().resource().length());
        if (head.contains("*") || head.contains("?")) {
            return Optional.of("'" + resource + "' has a wildcard in its service, region or account");
        }
        String part = arn.get().resource();
        if (part.replace("*", "").replace("/", "").replace(":", "").isEmpty()) {
            return Optional.of("'" + resource + "' names every resource of " + arn.get().service()
                    + "; name the resources");
        }
        return Optional.empty();
    }

    /**
     * A trust policy that lets one AWS service principal assume a role, and nothing else.
     *
     * @param servicePrincipal e.g. {@code ecs-tasks.amazonaws.com}
     * @return the policy JSON
     */
    public static String assumeRoleBy(String servicePrincipal) {
        return assumeRoleBy(servicePrincipal, Map.of());
    }

    /**
     * A trust policy that lets one AWS service principal assume a role under a condition.
     *
     * @param servicePrincipal e.g. {@code ecs-tasks.amazonaws.com}
     * @param condition        an IAM condition block, or an empty map
     * @return the policy JSON
     */
    public static String assumeRoleBy(String servicePrincipal, Map<String, Map<String, Object>> condition) {
        var s = new LinkedHashMap<String, Object>();
        s.put("Effect", "Allow");
        s.put("Principal", Map.of("Service", servicePrincipal));
        s.put("Action", "sts:AssumeRole");
        if (!condition.isEmpty()) {
            s.put("Condition", condition);
        }
        return GSON.toJson(OrderedJson.object("Version", "2012-10-17", "Statement", List.of(s)));
    }

    /** @return whether the document has no statement */
    public boolean isEmpty() {
        return statements.isEmpty();
    }

    /** @return the policy JSON */
    public String toJson() {
        var doc = new LinkedHashMap<String, Object>();
        doc.put("Version", "2012-10-17");
        doc.put("Statement", statements);
        return GSON.toJson(doc);
    }
}
