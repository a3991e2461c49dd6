package io.github.fargateprivate.registry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code WWW-Authenticate} challenge (RFC 7235): {@code Basic realm="R"} or, for Docker's token authentication,
 * {@code Bearer realm="https://auth.example/token",service="registry.example"}.
 *
 * @param scheme the scheme, lower case ({@code basic}, {@code bearer}, ...)
 * @param params the parameters by lower-case name, quotes removed
 */
record AuthChallenge(String scheme, Map<String, String> params) {

    private static final Pattern SCHEME = Pattern.compile("\\s*([A-Za-z][A-Za-z0-9!#$%&'*+.^_`|~-]*)\\s*(.*)");
    // name=value or name="quoted, with \"escapes\"": a scope value holds commas, so commas only split outside quotes
    private static final Pattern PARAM = Pattern.compile(
            "\\s*([A-Za-z0-9_.-]+)\\s*=\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^\\s,\"]*))\\s*(?:,|$)");

    /**
     * Reads the challenges of a 401 answer; a Bearer challenge wins over a Basic one when a registry offers both.
     *
     * @param headers every {@code WWW-Authenticate} value of the answer
     * @return the challenge to answer, or empty when there is none that can be read
     */
    static Optional<AuthChallenge> choose(List<String> headers) {
        Optional<AuthChallenge> basic = Optional.empty();
        for (String header : headers) {
            Optional<AuthChallenge> challenge = parse(header);
            if (challenge.filter(c -> c.scheme.equals("bearer")).isPresent()) {
                return challenge;
            }
            if (basic.isEmpty()) {
                basic = challenge;
            }
        }
        return basic;
    }

    static Optional<AuthChallenge> parse(String header) {
        Matcher scheme = SCHEME.matcher(header);
        if (!scheme.matches()) {
            return Optional.empty();
        }
        Map<String, String> params = new LinkedHashMap<>();
        Matcher param = PARAM.matcher(scheme.group(2));
        int at = 0;
        while (at < scheme.group(2).length() && param.find(at) && param.start() == at) {
            String value = param.group(2) != null ? param.group(2).replaceAll("\\\\(.)", "$1") : param.group(3);
            params.putIfAbsent(param.group(1).toLowerCase(Locale.ROOT), value);
            at = param.end();
        }
        return Optional.of(new AuthChallenge(scheme.group(1).toLowerCase(Locale.ROOT), Map.copyOf(params)));
    }

    Optional<String> param(String name) {
        return Optional.ofNullable(params.get(name)).filter(v -> !v.isEmpty());
    }
}
