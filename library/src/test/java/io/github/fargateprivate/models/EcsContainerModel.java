package io.github.fargateprivate.models;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The ECS API's {@code ContainerDefinition} shape, as two artifacts AWS publishes describe it, and a check of
 * container-definition JSON against it.
 *
 * <p>The service model of the AWS SDK for JavaScript ({@code apis/ecs-2014-11-13.min.json}) gives the members, their
 * types and which are required. It carries no enum values: those come from the AWS SDK for Java's model classes,
 * whose getter of an enum member returns an enum with {@code knownValues()} (e.g. {@code PortMapping::protocol},
 * {@code TransportProtocol}). A member that only the newer Java SDK knows (an API addition after the JavaScript
 * SDK's last model) is taken from its model class, with its type and no required members.
 */
final class EcsContainerModel {

    /** A JSON type of the model; the SDK for JavaScript writes a string member as {@code {}}. */
    enum Kind {
        STRING("a string"), INTEGER("an integer"), LONG("an integer"), DOUBLE("a number"), FLOAT("a number"),
        BOOLEAN("a boolean"), TIMESTAMP("a timestamp"), BLOB("base64 text"), LIST("an array"), MAP("an object"),
        STRUCTURE("an object");

        private final String expected;

        Kind(String expected) {
            this.expected = expected;
        }

        static Kind of(String modelType) {
            return modelType == null ? STRING : valueOf(modelType.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /**
     * One shape.
     *
     * @param name       the SDK's name of a structure ({@code PortMapping}) or enum; the kind's name otherwise
     * @param kind       its JSON type
     * @param members    a structure's members, in the model's order
     * @param required   a structure's required members
     * @param element    a list's element, a map's value
     * @param enumValues a string's allowed values; empty when any string goes
     */
    record Shape(String name, Kind kind, Map<String, Shape> members, Set<String> required, Shape element,
                 List<String> enumValues) {
    }

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final JsonObject shapes;
    private final Shape containerDefinitions;

    /**
     * @param model the SDK for JavaScript's ECS service model
     */
    EcsContainerModel(JsonObject model) {
        this.shapes = model.getAsJsonObject("shapes");
        JsonObject input = model.getAsJsonObject("operations").getAsJsonObject("RegisterTaskDefinition")
                .getAsJsonObject("input");
        JsonObject definitions = resolve(input.getAsJsonObject("members").getAsJsonObject("containerDefinitions"));
        this.containerDefinitions = new Shape("ContainerDefinitions", Kind.LIST, Map.of(), Set.of(),
                fromModel(resolve(definitions.getAsJsonObject("member")), ContainerDefinition.class, 0), List.of());
    }

    /** @return the shape of {@code RegisterTaskDefinition}'s {@code containerDefinitions}: a list */
    Shape containerDefinitions() {
        return containerDefinitions;
    }

    /**
     * @param json container definitions as a task definition's {@code containerDefinitions} takes them
     * @return every problem, each starting with its JSON path ({@code $[0].portMappings[0].protocol})
     */
    List<String> problems(String json) {
        List<String> problems = new ArrayList<>();
        JsonElement parsed = ModelText.parse(json, problems);
        if (parsed != null) {
            check(parsed, containerDefinitions, "$", problems);
        }
        return problems;
    }

    private JsonObject resolve(JsonObject definition) {
        return definition.has("shape") ? shapes.getAsJsonObject(definition.get("shape").getAsString()) : definition;
    }

    /** A shape of the JavaScript model, with the Java SDK's enums and extra members; javaType may be null. */
    private Shape fromModel(JsonObject definition, Type javaType, int depth) {
        if (depth > 32) {
            throw new IllegalStateException("the ECS model nests deeper than 32 shapes");
        }
        Kind kind = Kind.of(definition.has("type") ? definition.get("type").getAsString() : null);
        return switch (kind) {
            case STRUCTURE -> {
                Class<?> pojo = javaType instanceof Class<?> c && SdkPojo.class.isAssignableFrom(c) ? c : null;
                Map<String, Method> getters = pojo == null ? Map.of() : getters(pojo);
                var members = new LinkedHashMap<String, Shape>();
                definition.getAsJsonObject("members").entrySet().forEach(m -> members.put(m.getKey(), fromModel(
                        resolve(m.getValue().getAsJsonObject()), genericType(getters.get(m.getKey())), depth + 1)));
                getters.forEach((member, getter) -> members.computeIfAbsent(member,
                        k -> fromJava(getter.getGenericReturnType(), depth + 1)));
                var required = new LinkedHashSet<String>();
                if (definition.has("required")) {
                    definition.getAsJsonArray("required").forEach(r -> required.add(r.getAsString()));
                }
                yield new Shape(pojo == null ? "structure" : pojo.getSimpleName(), kind, members, required, null,
                        List.of());
            }
            case LIST -> new Shape(kind.name(), kind, Map.of(), Set.of(), fromModel(resolve(
                    definition.getAsJsonObject("member")), typeArgument(javaType, 0), depth + 1), List.of());
            case MAP -> new Shape(kind.name(), kind, Map.of(), Set.of(), fromModel(resolve(
                    definition.getAsJsonObject("value")), typeArgument(javaType, 1), depth + 1), List.of());
            case STRING -> enumShape(javaType);
            default -> new Shape(kind.name(), kind, Map.of(), Set.of(), null, List.of());
        };
    }

    /** A member only the Java SDK knows: its type from the getter's return type; required is unknown there. */
    private static Shape fromJava(Type type, int depth) {
        if (depth > 32) {
            throw new IllegalStateException("the ECS model classes nest deeper than 32 shapes");
        }
        Class<?> raw = raw(type);
        if (List.class.isAssignableFrom(raw)) {
            return new Shape("LIST", Kind.LIST, Map.of(), Set.of(), fromJava(typeArgument(type, 0), depth + 1),
                    List.of());
        }
        if (Map.class.isAssignableFrom(raw)) {
            return new Shape("MAP", Kind.MAP, Map.of(), Set.of(), fromJava(typeArgument(type, 1), depth + 1),
                    List.of());
        }
        if (SdkPojo.class.isAssignableFrom(raw)) {
            var members = new LinkedHashMap<String, Shape>();
            getters(raw).forEach((member, getter) -> members.put(member,
                    fromJava(getter.getGenericReturnType(), depth + 1)));
            return new Shape(raw.getSimpleName(), Kind.STRUCTURE, members, Set.of(), null, List.of());
        }
        Kind kind = raw == Integer.class ? Kind.INTEGER : raw == Long.class ? Kind.LONG
                : raw == Boolean.class ? Kind.BOOLEAN : raw == Double.class ? Kind.DOUBLE
                : raw == Float.class ? Kind.FLOAT : raw == Instant.class ? Kind.TIMESTAMP
                : raw == SdkBytes.class ? Kind.BLOB : Kind.STRING;
        return kind == Kind.STRING ? enumShape(type) : new Shape(kind.name(), kind, Map.of(), Set.of(), null,
                List.of());
    }

    /** A string member whose Java getter returns an SDK enum takes that enum's known values only. */
    private static Shape enumShape(Type javaType) {
        if (javaType instanceof Class<?> c && c.isEnum()) {
            try {
                Collection<?> known = (Collection<?>) c.getMethod("knownValues").invoke(null);
                return new Shape(c.getSimpleName(), Kind.STRING, Map.of(), Set.of(), null,
                        known.stream().map(String::valueOf).sorted().toList());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(c + " is an SDK enum without knownValues()", e);
            }
        }
        return new Shape(Kind.STRING.name(), Kind.STRING, Map.of(), Set.of(), null, List.of());
    }

    /**
     * The getter of each member, by its name on the wire: {@code SdkField.locationName()} names the member,
     * {@code memberName()} the getter (case aside); an enum member's getter returns the enum, its
     * {@code ...AsString} twin the raw string.
     */
    private static Map<String, Method> getters(Class<?> pojo) {
        List<SdkField<?>> fields;
        try {
            fields = ((SdkPojo) pojo.getMethod("builder").invoke(null)).sdkFields();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(pojo + " has no SDK builder", e);
        }
        var getters = new LinkedHashMap<String, Method>();
        for (SdkField<?> field : fields) {
            Arrays.stream(pojo.getMethods())
                    .filter(m -> m.getParameterCount() == 0 && m.getName().equalsIgnoreCase(field.memberName()))
                    .findFirst()
                    .ifPresent(m -> getters.put(field.locationName(), m));
        }
        return getters;
    }

    private static Type genericType(Method getter) {
        return getter == null ? null : getter.getGenericReturnType();
    }

    private static Type typeArgument(Type type, int index) {
        return type instanceof ParameterizedType p ? p.getActualTypeArguments()[index] : null;
    }

    private static Class<?> raw(Type type) {
        return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    }

    private static void check(JsonElement value, Shape shape, String path, List<String> problems) {
        if (value.isJsonNull()) {
            problems.add(path + ": expected " + shape.kind().expected + ", got null");
            return;
        }
        switch (shape.kind()) {
            case STRUCTURE -> {
                if (!value.isJsonObject()) {
                    problems.add(path + ": expected " + shape.kind().expected + " (" + shape.name() + "), got "
                            + ModelText.describe(value));
                    return;
                }
                JsonObject object = value.getAsJsonObject();
                for (var member : object.entrySet()) {
                    Shape memberShape = shape.members().get(member.getKey());
                    if (memberShape == null) {
                        problems.add(member(path, member.getKey()) + ": " + shape.name() + " has no member "
                                + member.getKey() + ModelText.didYouMean(member.getKey(), shape.members().keySet()));
                    } else if (!member.getValue().isJsonNull()) {
                        // The JSON protocol reads null as an absent member; required members are checked below.
                        check(member.getValue(), memberShape, member(path, member.getKey()), problems);
                    }
                }
                for (String required : shape.required()) {
                    if (!object.has(required) || object.get(required).isJsonNull()) {
                        problems.add(member(path, required) + ": missing, required by " + shape.name());
                    }
                }
            }
            case LIST -> {
                if (!value.isJsonArray()) {
                    problems.add(path + ": expected an array, got " + ModelText.describe(value));
                    return;
                }
                var array = value.getAsJsonArray();
                for (int i = 0; i < array.size(); i++) {
                    check(array.get(i), shape.element(), path + "[" + i + "]", problems);
                }
            }
            case MAP -> {
                if (!value.isJsonObject()) {
                    problems.add(path + ": expected an object, got " + ModelText.describe(value));
                    return;
                }
                value.getAsJsonObject().entrySet().forEach(e -> check(e.getValue(), shape.element(),
                        member(path, e.getKey()), problems));
            }
            default -> checkScalar(value, shape, path, problems);
        }
    }

    private static void checkScalar(JsonElement value, Shape shape, String path, List<String> problems) {
        JsonPrimitive p = value.isJsonPrimitive() ? value.getAsJsonPrimitive() : null;
        boolean ok = switch (shape.kind()) {
            case STRING, BLOB -> p != null && p.isString();
            case BOOLEAN -> p != null && p.isBoolean();
            case INTEGER -> p != null && p.isNumber() && isIntegral(p.getAsBigDecimal(), Integer.MIN_VALUE,
                    Integer.MAX_VALUE);
            case LONG -> p != null && p.isNumber() && isIntegral(p.getAsBigDecimal(), Long.MIN_VALUE,
                    Long.MAX_VALUE);
            case DOUBLE, FLOAT -> p != null && p.isNumber();
            case TIMESTAMP -> p != null && (p.isNumber() || p.isString());
            default -> throw new IllegalStateException("not a scalar: " + shape);
        };
        if (!ok) {
            problems.add(path + ": expected " + shape.kind().expected + ", got " + ModelText.describe(value));
        } else if (!shape.enumValues().isEmpty() && !shape.enumValues().contains(p.getAsString())) {
            problems.add(path + ": \"" + p.getAsString() + "\" is not a " + shape.name() + " ("
                    + String.join(", ", shape.enumValues()) + ")");
        }
    }

    private static boolean isIntegral(BigDecimal number, long min, long max) {
        return number.stripTrailingZeros().scale() <= 0 && number.compareTo(BigDecimal.valueOf(min)) >= 0
                && number.compareTo(BigDecimal.valueOf(max)) <= 0;
    }

    private static String member(String path, String name) {
        return IDENTIFIER.matcher(name).matches() ? path + "." + name
                : path + "[\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
    }
}
