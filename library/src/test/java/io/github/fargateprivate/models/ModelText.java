package io.github.fargateprivate.models;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;

import java.io.IOException;
import java.io.StringReader;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** What the model checks share: reading a document as AWS does, and wording what they find. */
final class ModelText {

    private ModelText() {
    }

    /**
     * Parses strictly, as AWS's JSON readers do: no comments, single quotes, unquoted names or trailing text (Gson's
     * default leniency would let those pass).
     *
     * @param json     a document
     * @param problems where a syntax error goes, at path {@code $}
     * @return the document; null when it is not JSON
     */
    static JsonElement parse(String json, List<String> problems) {
        try (JsonReader reader = new JsonReader(new StringReader(json))) {
            reader.setStrictness(Strictness.STRICT);
            JsonElement parsed = JsonParser.parseReader(reader);
            // A strict reader refuses any text after the document when asked what comes next.
            reader.peek();
            return parsed;
        } catch (JsonParseException | IOException e) {
            // Gson's first line says where; its advice to parse leniently is no advice here.
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            problems.add("$: not JSON: " + cause.getMessage().lines().findFirst().orElse("")
                    .replace("Use JsonReader.setStrictness(Strictness.LENIENT) to accept malformed", "malformed"));
            return null;
        }
    }

    /**
     * @param value a JSON value
     * @return how it reads in a problem: {@code the string "yes"}, {@code the number 1}, {@code an array}
     */
    static String describe(JsonElement value) {
        if (value.isJsonNull()) {
            return "null";
        }
        if (value.isJsonArray()) {
            return "an array";
        }
        if (value.isJsonObject()) {
            return "an object";
        }
        JsonPrimitive p = value.getAsJsonPrimitive();
        return p.isString() ? "the string " + p : p.isBoolean() ? p.toString() : "the number " + p;
    }

    /**
     * @param given a name that is none of the names
     * @param names the names
     * @return {@code " (did you mean X?)"} for the nearest name two edits away at most, else empty
     */
    static String didYouMean(String given, Collection<String> names) {
        String best = null;
        int bestDistance = 3;
        for (String name : names) {
            int d = distance(given.toLowerCase(Locale.ROOT), name.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = name;
                bestDistance = d;
            }
        }
        return best == null ? "" : " (did you mean " + best + "?)";
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
