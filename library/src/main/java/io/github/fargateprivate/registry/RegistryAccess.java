package io.github.fargateprivate.registry;

import com.pulumi.deployment.internal.DeploymentInstanceHolder;
import io.github.fargateprivate.PerRun;

import java.util.Locale;
import java.util.Set;

/**
 * Which registries the components may ask before ECS does ({@link RegistryPreflight}), in this program run: any in
 * {@code pulumi preview} and {@code pulumi up}; only those on this machine under the testing kit (so that no test
 * reaches the internet, while a test's own local registry answers); none in the offline plan. The testing kit and the
 * plan install theirs at the start of a run.
 *
 * @param scope       which registry hosts may be asked
 * @param client      the client that asks them
 * @param credentials whether the credentials the program holds are the real ones: false where they are placeholders
 *                    (the offline plan cannot decrypt a {@code secure:} value), so that an image is checked without
 *                    them where the registry allows it, and a refusal only says the credentials were not checked
 */
public record RegistryAccess(Scope scope, RegistryPreflight client, boolean credentials) {

    /** Which registry hosts may be asked. */
    public enum Scope {
        /** Every registry (a real program run). */
        ANY,
        /** Registries on this machine only: {@code localhost}, {@code 127.0.0.1}, {@code [::1]}. */
        LOOPBACK,
        /** None: the images are not checked. */
        NONE
    }

    private static final Object KIND = new Object();
    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

    /** @return access to every registry, with the default timeout */
    public static RegistryAccess any() {
        return new RegistryAccess(Scope.ANY, new RegistryPreflight(), true);
    }

    /** @return access to every registry, where the program's credentials are placeholders: images checked without */
    public static RegistryAccess anyWithoutCredentials() {
        return new RegistryAccess(Scope.ANY, new RegistryPreflight(), false);
    }

    /** @return access to registries on this machine only */
    public static RegistryAccess loopbackOnly() {
        return new RegistryAccess(Scope.LOOPBACK, new RegistryPreflight(), true);
    }

    /** @return no access: images are not checked */
    public static RegistryAccess none() {
        return new RegistryAccess(Scope.NONE, new RegistryPreflight(), true);
    }

    /**
     * @param preflight the client to ask with, e.g. one of a shorter timeout
     * @return this access, through that client
     */
    public RegistryAccess withClient(RegistryPreflight preflight) {
        return new RegistryAccess(scope, preflight, credentials);
    }

    /**
     * @param image an image reference
     * @return whether its registry may be asked
     */
    public boolean allows(ImageReference image) {
        return switch (scope) {
            case ANY -> true;
            case NONE -> false;
            case LOOPBACK -> LOOPBACK_HOSTS.contains(hostWithoutPort(image.host()));
        };
    }

    private static String hostWithoutPort(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            return h.substring(0, h.indexOf(']') + 1);
        }
        int colon = h.indexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }

    /**
     * @return the access of this program run: what was installed, else {@link #any()}; outside a program run (a
     *     component's static {@code problems()} called on its own) {@link #none()}
     */
    public static RegistryAccess current() {
        if (DeploymentInstanceHolder.getInstanceNoThrow() == null) {
            return none();
        }
        return PerRun.<RegistryAccess[]>get(KIND, () -> new RegistryAccess[] {any()})[0];
    }

    /**
     * Sets the access of this program run; the testing kit and the offline plan call it as the program starts.
     *
     * @param access the access
     */
    public static void install(RegistryAccess access) {
        PerRun.<RegistryAccess[]>get(KIND, () -> new RegistryAccess[1])[0] = access;
    }
}
