package io.github.fargateprivate.iam;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

import io.github.fargateprivate.OrderedJson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An IAM policy document built from typed values and serialised with Gson, never by string concatenation.
 */
public final class PolicyDocument {

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private final List<Map<String, Object>> statements = new ArrayList<>();

    /**
     * Adds an Allow statement on resources.
     *
     * @param sid       statement id (letters and digits)
     * @param actions   the actions allowed
     * @param resources the exact resource ARNs: not empty, no {@code *} anywhere, and no {@code ?} but the
     *                  {@code -??????} suffix that stands for Secrets Manager's random characters
     * @param condition an IAM condition block, or an empty map
     * @return this document
     */
    public PolicyDocument allow(String sid, List<String> actions, List<String> resources,
                                Map<String, Map<String, Object>> condition) {
        if (resources.isEmpty() || !resources.stream().allMatch(PolicyDocument::isExact)) {
            throw new IllegalArgumentException("statement " + sid + " must name exact resource ARNs (no * and no ? "
                    + "but a secret name's -?????? suffix), got " + resources);
        }
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
        String withoutSuffix = resource.endsWith("-??????") ? resource.substring(0, resource.length() - 7) : resource;
        return resource.startsWith("arn:") && !withoutSuffix.contains("*") && !withoutSuffix.contains("?");
    }

    /**
     * A trust policy that lets one AWS service principal assume a role, and nothing else.
     *
     * @param servicePrincipal e.g. {@code ecs-tasks.amazonaws.com}
     * @return the policy JSON
     */
    public static String assumeRoleBy(String servicePrincipal) {
        var s = new LinkedHashMap<String, Object>();
        s.put("Effect", "Allow");
        s.put("Principal", Map.of("Service", servicePrincipal));
        s.put("Action", "sts:AssumeRole");
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
