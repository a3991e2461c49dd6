package io.github.fargateprivate.ecs;

import io.github.fargateprivate.Problems;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The launch choices spelled as text, as a stack's config gives them: each parsed with one message per rule, which
 * the library's own checks and a stack's config keys share.
 */
public final class LaunchChoices {

    /** A value of an option that only container instances of the service's own have. */
    public static final String EC2_ONLY = "applies to launch type EC2 only; set launchType EC2 or remove it";

    /** Bridge mode on Fargate. */
    public static final String BRIDGE_NEEDS_EC2 = "bridge needs launch type EC2: Fargate runs awsvpc tasks only; set "
            + "launchType EC2 or use awsvpc";

    private LaunchChoices() {
    }

    /**
     * @param text     {@code FARGATE} or {@code EC2}
     * @param problems where a problem goes, under {@code launchType}
     * @return whether it is EC2; empty when it is neither
     */
    public static Optional<Boolean> ec2(String text, Problems problems) {
        if (text.equals("FARGATE") || text.equals("EC2")) {
            return Optional.of(text.equals("EC2"));
        }
        String recased = text.toUpperCase(Locale.ROOT);
        problems.add("launchType", "'" + text + "' is not FARGATE or EC2",
                recased.equals("FARGATE") || recased.equals("EC2") ? recased : null);
        return Optional.empty();
    }

    /**
     * @param text     {@code awsvpc} or {@code bridge}
     * @param problems where a problem goes, under {@code networkMode}
     * @return the mode, if the text names one
     */
    public static Optional<NetworkMode> networkMode(String text, Problems problems) {
        return parse(text, NetworkMode.values(), NetworkMode::value, problems, "networkMode",
                "'" + text + "' is not awsvpc or bridge");
    }

    /**
     * @param text     {@code task} or {@code instance}
     * @param problems where a problem goes, under {@code registryAuth}
     * @return the authentication, if the text names one
     */
    public static Optional<RegistryAuth> registryAuth(String text, Problems problems) {
        return parse(text, RegistryAuth.values(), RegistryAuth::value, problems, "registryAuth", "'" + text
                + "' is not task (repositoryCredentials per task) or instance (the ECS agent's ECS_ENGINE_AUTH_DATA)");
    }

    /**
     * @param text     {@code X86_64} or {@code ARM64}
     * @param problems where a problem goes, under {@code cpuArchitecture}
     * @return the architecture, if the text names one
     */
    public static Optional<CpuArchitecture> cpuArchitecture(String text, Problems problems) {
        Optional<CpuArchitecture> parsed = Arrays.stream(CpuArchitecture.values()).filter(a -> a.name().equals(text))
                .findFirst();
        if (parsed.isEmpty()) {
            problems.add("cpuArchitecture", "'" + text + "' is not X86_64 or ARM64");
        }
        return parsed;
    }

    /** The value spelled exactly; a problem suggesting the value spelled right when only its case differs. */
    private static <E extends Enum<E>> Optional<E> parse(String text, E[] values, Function<E, String> spelling,
                                                         Problems problems, String field, String message) {
        Optional<E> parsed = Arrays.stream(values).filter(v -> spelling.apply(v).equals(text)).findFirst();
        String recased = text.toLowerCase(Locale.ROOT);
        if (parsed.isEmpty()) {
            problems.add(field, message, Arrays.stream(values).map(spelling).anyMatch(recased::equals) ? recased
                    : null);
        }
        return parsed;
    }
}
