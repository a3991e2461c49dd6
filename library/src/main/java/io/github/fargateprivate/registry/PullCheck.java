package io.github.fargateprivate.registry;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a registry answered when {@link RegistryPreflight} asked it, before ECS does, whether an image can be pulled.
 *
 * <p>One record per {@link Verdict}. {@link #failure()} says whether ECS would fail to pull the image
 * ({@code CannotPullContainerError}, or an {@code exec format error} for the wrong platform); an
 * {@link Unreachable} registry is a warning only: the check could not ask, ECS may still succeed. No record and no
 * message ever holds a password or a token.
 */
public sealed interface PullCheck
        permits PullCheck.Pullable, PullCheck.CredentialsRefused, PullCheck.NotFound, PullCheck.WrongPlatform,
        PullCheck.Unreachable {

    /** The kinds of answer, one per record. */
    enum Verdict {
        /** The manifest exists, the credentials may read it, and it offers the task's platform. */
        PULLABLE,
        /** The registry or its token service refused the credentials, or refuses anonymous pulls. */
        CREDENTIALS_REFUSED,
        /** The registry has no such repository, tag or digest. */
        NOT_FOUND,
        /** The image exists but offers no image for the task's CPU architecture. */
        WRONG_PLATFORM,
        /** The check could not reach a conclusion (network, TLS, timeout, 5xx, an answer it cannot read). */
        UNREACHABLE
    }

    /** @return the image that was checked */
    ImageReference image();

    /** @return the kind of answer */
    Verdict verdict();

    /** @return one sentence for a person: what the registry said and, for a failure, what fixes it */
    String message();

    /** @return whether ECS would fail to pull the image; false for {@link Pullable} and {@link Unreachable} */
    default boolean failure() {
        return verdict() != Verdict.PULLABLE && verdict() != Verdict.UNREACHABLE;
    }

    /**
     * The image can be pulled.
     *
     * @param image the image checked
     * @param digest the manifest's digest ({@code sha256:...}), which pins exactly what ECS will pull
     * @param mediaType the manifest's media type, e.g. {@code application/vnd.oci.image.index.v1+json}
     * @param platforms the platforms it offers ({@code os/architecture[/variant]}); empty when they could not be read
     */
    record Pullable(ImageReference image, String digest, String mediaType, List<String> platforms)
            implements PullCheck {

        /** What {@link #message()} writes, at the end of a line. */
        private static final Pattern MESSAGE = Pattern.compile(
                "(\\S+) is pullable: (sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128}) \\(([^,()]*), ([^()]*)\\)$");
        private static final String PLATFORM_NOT_READ = "platform not read";

        /**
         * Copies the platforms.
         *
         * @param image the image checked
         * @param digest the manifest's digest
         * @param mediaType the manifest's media type
         * @param platforms the platforms it offers
         */
        public Pullable {
            platforms = List.copyOf(platforms);
        }

        @Override
        public Verdict verdict() {
            return Verdict.PULLABLE;
        }

        @Override
        public String message() {
            return image + " is pullable: " + digest + " (" + mediaType + ", "
                    + (platforms.isEmpty() ? PLATFORM_NOT_READ : String.join(", ", platforms)) + ")";
        }

        /**
         * The answer a line ends with, as {@link #message()} wrote it: the way back from what a program logged (the
         * components log each pullable image's answer through Pulumi's log) to the digest and the platforms.
         *
         * @param line a line that ends with a {@link #message()}, e.g. {@code LoadBalancedService 'app':
         *             container.image: ghcr.io/acme/app:1 is pullable: sha256:... (media type, linux/amd64)}
         * @return the answer; empty when the line does not end with one
         */
        public static Optional<Pullable> fromMessage(String line) {
            Matcher m = MESSAGE.matcher(line);
            if (!m.find()) {
                return Optional.empty();
            }
            try {
                List<String> platforms = m.group(4).equals(PLATFORM_NOT_READ) ? List.of()
                        : Arrays.asList(m.group(4).split(", "));
                return Optional.of(new Pullable(ImageReference.parse(m.group(1)), m.group(2), m.group(3), platforms));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }

    /**
     * The registry, or the token service it names, refused the credentials; without credentials, it refuses anonymous
     * pulls. Docker Hub and GHCR answer the same for a repository that does not exist, so the image name may be wrong
     * too.
     *
     * @param image the image checked
     * @param registry the kind of registry, whose {@link Registry#credentialHint()} says what credential to create
     * @param username the user whose credentials were refused; empty when the check asked without credentials
     * @param status the HTTP status of the refusal (401 or 403)
     * @param byTokenService whether the token service refused (rather than the registry itself)
     */
    record CredentialsRefused(ImageReference image, Registry registry, Optional<String> username, int status,
                              boolean byTokenService) implements PullCheck {

        @Override
        public Verdict verdict() {
            return Verdict.CREDENTIALS_REFUSED;
        }

        @Override
        public String message() {
            String by = byTokenService ? "its token service" : "the registry";
            String maybeMissing = " (" + image.host() + " may answer the same for a repository that these credentials"
                    + " may not read or that does not exist)";
            return username
                    .map(user -> image + ": " + image.host() + " refused the credentials of user '" + user
                            + "' (HTTP " + status + " from " + by + "); renew them: " + registry.credentialHint()
                            + maybeMissing)
                    .orElseGet(() -> image + ": " + image.host() + " needs credentials to pull it (HTTP " + status
                            + " from " + by + " without credentials); give " + registry.credentialHint()
                            + maybeMissing);
        }
    }

    /**
     * The registry has no such repository, or no such tag or digest in it.
     *
     * @param image the image checked
     * @param repository the repository asked for (Docker Hub's official images with {@code library/})
     * @param reference the tag or digest asked for; {@code latest} when the image names neither
     * @param repositoryUnknown whether the registry said the repository itself does not exist
     */
    record NotFound(ImageReference image, String repository, String reference, boolean repositoryUnknown)
            implements PullCheck {

        @Override
        public Verdict verdict() {
            return Verdict.NOT_FOUND;
        }

        @Override
        public String message() {
            if (repositoryUnknown) {
                return image + ": " + image.host() + " has no repository " + repository
                        + " (HTTP 404): check the image name";
            }
            String implied = image.tag().isEmpty() ? " (implied: the reference names no tag)" : "";
            String what = reference.contains(":") ? "digest " + reference : "tag '" + reference + "'" + implied;
            return image + ": " + image.host() + " has no " + what + " in " + repository
                    + " (HTTP 404): check the " + (reference.contains(":") ? "digest" : "tag");
        }
    }

    /**
     * The image exists but offers no image for the task's CPU architecture: the container would stop with
     * {@code exec format error}, or ECS would find no matching manifest.
     *
     * @param image the image checked
     * @param digest the digest of the manifest or index that was read
     * @param architecture the task's CPU architecture as ECS names it, {@code X86_64} or {@code ARM64}
     * @param platforms the platforms the image offers ({@code os/architecture[/variant]})
     */
    record WrongPlatform(ImageReference image, String digest, String architecture, List<String> platforms)
            implements PullCheck {

        /**
         * Copies the platforms.
         *
         * @param image the image checked
         * @param digest the digest of the manifest or index that was read
         * @param architecture the task's CPU architecture, {@code X86_64} or {@code ARM64}
         * @param platforms the platforms the image offers
         */
        public WrongPlatform {
            platforms = List.copyOf(platforms);
        }

        @Override
        public Verdict verdict() {
            return Verdict.WRONG_PLATFORM;
        }

        @Override
        public String message() {
            String wanted = RegistryPreflight.platformOf(architecture);
            String other = architecture.equals("ARM64") ? "X86_64" : "ARM64";
            String orOther = platforms.stream().anyMatch(p -> p.startsWith(RegistryPreflight.platformOf(other)))
                    ? " or run the task on " + other : "";
            return image + " (" + digest + ") offers " + (platforms.isEmpty() ? "no platform" : String.join(", ",
                    platforms)) + ", not " + wanted + ", which an " + architecture + " task runs: build it for "
                    + wanted + " (docker buildx build --platform " + wanted + ")" + orOther;
        }
    }

    /**
     * The check could not reach a conclusion: the registry did not answer, failed TLS, answered 5xx or something the
     * check cannot read, or named a token service it will not send the password to. A warning: ECS will try the pull
     * anyway when a task starts.
     *
     * @param image the image checked
     * @param reason what went wrong, naming the host, e.g. {@code 127.0.0.1:5000 refused the connection}
     */
    record Unreachable(ImageReference image, String reason) implements PullCheck {

        @Override
        public Verdict verdict() {
            return Verdict.UNREACHABLE;
        }

        @Override
        public String message() {
            return "could not check " + image + ": " + reason + "; ECS will try the pull anyway when a task starts";
        }
    }
}
