package io.github.fargateprivate.models;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The IAM JSON policy grammar (IAM user guide, "IAM JSON policy grammar" and "IAM JSON policy elements reference"),
 * as a check of policy documents.
 *
 * <pre>
 * policy    = { Version?, Id?, Statement }                 Version: "2012-10-17" | "2008-10-17"
 * Statement = statement | [ statement, ... ]
 * statement = { Sid?, Principal|NotPrincipal?, Effect, Action|NotAction, Resource|NotResource?, Condition? }
 * Effect    = "Allow" | "Deny"
 * Action    = "*" | "service:action" | [ ... ]              Resource = "*" | "arn:..." | [ ... ]
 * Principal = "*" | { ("AWS"|"Federated"|"Service"|"CanonicalUser"): string | [ string, ... ] }
 * Condition = { operator: { key: value | [ value, ... ] } }   value: string | boolean | number
 * operator  = [ForAllValues:|ForAnyValue:] (String*|Numeric*|Date*|Bool|BinaryEquals|IpAddress|NotIpAddress|Arn*)
 *             [IfExists] | Null
 * </pre>
 *
 * <p>Where a policy lives decides which blocks a statement needs ({@link AwsModels.Kind}). Stricter than the grammar
 * in one place: Version is required, because without it IAM reads the document as 2008-10-17, in which policy
 * variables are plain text.
 */
final class IamPolicyGrammar {

    private static final Set<String> POLICY_ELEMENTS = Set.of("Version", "Id", "Statement");
    private static final Set<String> VERSIONS = Set.of("2012-10-17", "2008-10-17");
    private static final List<String> STATEMENT_ELEMENTS = List.of("Sid", "Effect", "Principal", "NotPrincipal",
            "Action", "NotAction", "Resource", "NotResource", "Condition");
    private static final Set<String> PRINCIPAL_TYPES = Set.of("AWS", "Federated", "Service", "CanonicalUser");
    /** IAM (not every service's resource policy) allows only letters and digits in a Sid. */
    private static final Pattern IAM_SID = Pattern.compile("[A-Za-z0-9]*");
    /** {@code service:action}; IAM matches both case-insensitively and allows {@code *} and {@code ?} in them. */
    private static final Pattern ACTION = Pattern.compile("[A-Za-z0-9*?-]+:[A-Za-z0-9*?_-]+");
    private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{12}");
    private static final Pattern CONDITION_KEY = Pattern.compile("[A-Za-z0-9*?-]+:\\S+");
    /** The grammar's condition operators; each but Null also takes the IfExists suffix and a set prefix. */
    static final List<String> OPERATORS = List.of(
            "StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase", "StringLike",
            "StringNotLike",
            "NumericEquals", "NumericNotEquals", "NumericLessThan", "NumericLessThanEquals", "NumericGreaterThan",
            "NumericGreaterThanEquals",
            "DateEquals", "DateNotEquals", "DateLessThan", "DateLessThanEquals", "DateGreaterThan",
            "DateGreaterThanEquals",
            "Bool", "BinaryEquals", "IpAddress", "NotIpAddress",
            "ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike",
            "Null");
    private static final List<String> SET_PREFIXES = List.of("ForAllValues:", "ForAnyValue:");
    private static final String IF_EXISTS = "IfExists";

    private IamPolicyGrammar() {
    }

    /**
     * @param json a policy document
     * @param kind where it is attached
     * @return every problem, each starting with its JSON path ({@code $.Statement[0].Effect})
     */
    static List<String> problems(String json, AwsModels.Kind kind) {
        List<String> problems = new ArrayList<>();
        JsonElement parsed = ModelText.parse(json, problems);
        if (parsed == null) {
            return problems;
        }
        if (!parsed.isJsonObject()) {
            problems.add("$: a policy is an object, got " + ModelText.describe(parsed));
            return problems;
        }
        JsonObject policy = parsed.getAsJsonObject();
        for (String key : policy.keySet()) {
            if (!POLICY_ELEMENTS.contains(key)) {
                problems.add("$." + key + ": not a policy element (Version, Id, Statement)"
                        + ModelText.didYouMean(key, POLICY_ELEMENTS));
            }
        }
        JsonElement version = policy.get("Version");
        if (version == null) {
            problems.add("$.Version: missing; without it IAM reads the policy as 2008-10-17, which has no policy "
                    + "variables: give \"2012-10-17\"");
        } else if (!isString(version) || !VERSIONS.contains(version.getAsString())) {
            problems.add("$.Version: " + version + " is not \"2012-10-17\" or \"2008-10-17\"");
        }
        if (policy.has("Id") && !isString(policy.get("Id"))) {
            problems.add("$.Id: expected a string, got " + ModelText.describe(policy.get("Id")));
        }
        JsonElement statement = policy.get("Statement");
        Map<String, String> sids = new HashMap<>();
        if (statement == null) {
            problems.add("$.Statement: missing");
        } else if (statement.isJsonArray()) {
            JsonArray statements = statement.getAsJsonArray();
            if (statements.isEmpty()) {
                problems.add("$.Statement: empty; a policy has at least one statement");
            }
            for (int i = 0; i < statements.size(); i++) {
                statement(statements.get(i), "$.Statement[" + i + "]", kind, sids, problems);
            }
        } else {
            statement(statement, "$.Statement", kind, sids, problems);
        }
        return problems;
    }

    private static void statement(JsonElement element, String path, AwsModels.Kind kind, Map<String, String> sids,
                                  List<String> problems) {
        if (!element.isJsonObject()) {
            problems.add(path + ": a statement is an object, got " + ModelText.describe(element));
            return;
        }
        JsonObject s = element.getAsJsonObject();
        for (String key : s.keySet()) {
            if (!STATEMENT_ELEMENTS.contains(key)) {
                problems.add(path + "." + key + ": not a statement element (" + String.join(", ", STATEMENT_ELEMENTS)
                        + ")" + ModelText.didYouMean(key, STATEMENT_ELEMENTS));
            }
        }
        sid(s.get("Sid"), path, kind, sids, problems);
        JsonElement effect = s.get("Effect");
        if (effect == null) {
            problems.add(path + ": a statement needs Effect (Allow or Deny)");
        } else if (!isString(effect) || !Set.of("Allow", "Deny").contains(effect.getAsString())) {
            problems.add(path + ".Effect: " + effect + " is neither Allow nor Deny");
        }
        String action = exactlyOne(s, path, "Action", "NotAction", true, "", problems);
        if (action != null) {
            strings(s.get(action), path + "." + action, problems, a -> a.equals("*") || ACTION.matcher(a).matches()
                    ? null : "\"" + a + "\" is not service:action or *");
        }
        boolean resourceWanted = kind != AwsModels.Kind.TRUST;
        String resource = exactlyOne(s, path, "Resource", "NotResource", resourceWanted, kind.describe(), problems);
        if (resource != null) {
            if (resourceWanted) {
                strings(s.get(resource), path + "." + resource, problems, r -> r.equals("*") || r.startsWith("arn:")
                        ? null : "\"" + r + "\" is neither an ARN (arn:...) nor *");
            } else {
                problems.add(path + "." + resource + ": " + kind.describe() + " names no resource: the role it "
                        + "belongs to is the resource");
            }
        }
        boolean principalWanted = kind != AwsModels.Kind.IDENTITY;
        String principal = exactlyOne(s, path, "Principal", "NotPrincipal", principalWanted, kind.describe(),
                problems);
        if (principal != null) {
            if (principalWanted) {
                principal(s.get(principal), path + "." + principal, problems);
            } else {
                problems.add(path + "." + principal + ": " + kind.describe() + " names no principal: the identity "
                        + "it is attached to is the principal");
            }
        }
        if (s.has("Condition")) {
            condition(s.get("Condition"), path + ".Condition", problems);
        }
    }

    private static void sid(JsonElement sid, String path, AwsModels.Kind kind, Map<String, String> sids,
                            List<String> problems) {
        if (sid == null) {
            return;
        }
        if (!isString(sid)) {
            problems.add(path + ".Sid: expected a string, got " + ModelText.describe(sid));
            return;
        }
        String value = sid.getAsString();
        if (kind != AwsModels.Kind.RESOURCE && !IAM_SID.matcher(value).matches()) {
            problems.add(path + ".Sid: " + sid + " has other characters than ASCII letters and digits");
        }
        String first = sids.putIfAbsent(value, path);
        if (first != null) {
            problems.add(path + ".Sid: " + sid + " is the Sid of " + first + " already; Sids are unique in a policy");
        }
    }

    /**
     * @return the one of the two elements the statement has; null when it has none (a problem if wanted) or both
     */
    private static String exactlyOne(JsonObject s, String path, String element, String negated, boolean wanted,
                                     String where, List<String> problems) {
        boolean has = s.has(element);
        boolean hasNegated = s.has(negated);
        if (has && hasNegated) {
            problems.add(path + ": both " + element + " and " + negated + "; give exactly one");
            return null;
        }
        if (!has && !hasNegated) {
            if (wanted) {
                problems.add(path + ": " + (where.isEmpty() ? "a statement" : where) + " needs " + element + " or "
                        + negated);
            }
            return null;
        }
        return has ? element : negated;
    }

    /** A string or a non-empty array of strings, each checked. */
    private static void strings(JsonElement value, String path, List<String> problems,
                                java.util.function.Function<String, String> check) {
        if (isString(value)) {
            addIfAny(problems, path, check.apply(value.getAsString()));
        } else if (value.isJsonArray() && !value.getAsJsonArray().isEmpty()) {
            JsonArray array = value.getAsJsonArray();
            for (int i = 0; i < array.size(); i++) {
                if (isString(array.get(i))) {
                    addIfAny(problems, path + "[" + i + "]", check.apply(array.get(i).getAsString()));
                } else {
                    problems.add(path + "[" + i + "]: expected a string, got "
                            + ModelText.describe(array.get(i)));
                }
            }
        } else {
            problems.add(path + ": expected a string or a non-empty array of strings, got "
                    + ModelText.describe(value));
        }
    }

    private static void addIfAny(List<String> problems, String path, String problem) {
        if (problem != null) {
            problems.add(path + ": " + problem);
        }
    }

    private static void principal(JsonElement value, String path, List<String> problems) {
        if (isString(value)) {
            if (!value.getAsString().equals("*")) {
                problems.add(path + ": " + value + " is neither * nor an object such as {\"Service\": ...}");
            }
            return;
        }
        if (!value.isJsonObject() || value.getAsJsonObject().isEmpty()) {
            problems.add(path + ": expected * or an object of AWS, Federated, Service, CanonicalUser, got "
                    + ModelText.describe(value));
            return;
        }
        for (var entry : value.getAsJsonObject().entrySet()) {
            String type = entry.getKey();
            if (!PRINCIPAL_TYPES.contains(type)) {
                problems.add(path + "." + type + ": not a principal type (AWS, Federated, Service, CanonicalUser)"
                        + ModelText.didYouMean(type, PRINCIPAL_TYPES));
                continue;
            }
            strings(entry.getValue(), path + "." + type, problems, p -> !type.equals("AWS") || p.equals("*")
                    || p.startsWith("arn:") || ACCOUNT_ID.matcher(p).matches() ? null
                    : "\"" + p + "\" is neither an ARN, an account id nor *");
        }
    }

    private static void condition(JsonElement value, String path, List<String> problems) {
        if (!value.isJsonObject()) {
            problems.add(path + ": expected an object of condition operators, got "
                    + ModelText.describe(value));
            return;
        }
        for (var block : value.getAsJsonObject().entrySet()) {
            String operator = block.getKey();
            String at = path + "." + operator;
            String base = baseOperator(operator);
            if (base == null) {
                problems.add(at + ": not a condition operator" + ModelText.didYouMean(operator, OPERATORS));
                continue;
            }
            if (base.equals("Null") && operator.endsWith(IF_EXISTS)) {
                problems.add(at + ": Null takes no IfExists suffix: it tests whether the key is there at all");
                continue;
            }
            if (!block.getValue().isJsonObject() || block.getValue().getAsJsonObject().isEmpty()) {
                problems.add(at + ": expected an object of condition keys, got "
                        + ModelText.describe(block.getValue()));
                continue;
            }
            for (var test : block.getValue().getAsJsonObject().entrySet()) {
                String key = at + "[\"" + test.getKey() + "\"]";
                if (!CONDITION_KEY.matcher(test.getKey()).matches()) {
                    problems.add(key + ": not a condition key (service:name, e.g. aws:SourceAccount)");
                }
                conditionValues(test.getValue(), key, base, problems);
            }
        }
    }

    /** @return the operator without its set prefix and IfExists suffix; null when that is none of the grammar's */
    private static String baseOperator(String operator) {
        String base = operator;
        for (String prefix : SET_PREFIXES) {
            if (base.startsWith(prefix)) {
                base = base.substring(prefix.length());
                break;
            }
        }
        if (base.endsWith(IF_EXISTS)) {
            base = base.substring(0, base.length() - IF_EXISTS.length());
        }
        return OPERATORS.contains(base) ? base : null;
    }

    private static void conditionValues(JsonElement value, String path, String operator, List<String> problems) {
        List<JsonElement> values = new ArrayList<>();
        if (value.isJsonArray()) {
            if (value.getAsJsonArray().isEmpty()) {
                problems.add(path + ": an empty list of values matches nothing");
            }
            value.getAsJsonArray().forEach(values::add);
        } else {
            values.add(value);
        }
        for (JsonElement v : values) {
            if (!v.isJsonPrimitive()) {
                problems.add(path + ": a condition value is a string, boolean or number, got "
                        + ModelText.describe(v));
            } else if ((operator.equals("Bool") || operator.equals("Null")) && !isBoolean(v.getAsJsonPrimitive())) {
                problems.add(path + ": " + operator + " compares with true or false, got " + v);
            } else if (operator.startsWith("Numeric") && !isNumber(v.getAsJsonPrimitive())) {
                problems.add(path + ": " + operator + " compares with a number, got " + v);
            }
        }
    }

    private static boolean isBoolean(JsonPrimitive p) {
        return p.isBoolean() || (p.isString() && (p.getAsString().equalsIgnoreCase("true")
                || p.getAsString().equalsIgnoreCase("false")));
    }

    private static boolean isNumber(JsonPrimitive p) {
        if (p.isNumber()) {
            return true;
        }
        try {
            new java.math.BigDecimal(p.getAsString());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isString(JsonElement e) {
        return e.isJsonPrimitive() && e.getAsJsonPrimitive().isString();
    }
}
