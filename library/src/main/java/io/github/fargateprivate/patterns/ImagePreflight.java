package io.github.fargateprivate.patterns;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.pulumi.aws.ecr.EcrFunctions;
import com.pulumi.aws.ecr.inputs.GetImagePlainArgs;
import com.pulumi.aws.secretsmanager.SecretsmanagerFunctions;
import com.pulumi.aws.secretsmanager.inputs.GetSecretVersionPlainArgs;
import com.pulumi.core.Output;
import com.pulumi.core.internal.Internal;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.Resource;
import io.github.fargateprivate.AwsEnvironment;
import io.github.fargateprivate.EngineLog;
import io.github.fargateprivate.PerRun;
import io.github.fargateprivate.Problems;
import io.github.fargateprivate.Value;
import io.github.fargateprivate.registry.BasicCredentials;
import io.github.fargateprivate.registry.ImageReference;
import io.github.fargateprivate.registry.PullCheck;
import io.github.fargateprivate.registry.Registry;
import io.github.fargateprivate.registry.RegistryAccess;
import io.github.fargateprivate.registry.RegistryPreflight;
import io.github.fargateprivate.secretsmanager.RegistryCredentials;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The registry asked before ECS is: for one container, whether its credentials can pull its image
 * ({@link RegistryPreflight}), for an ECR image whether the image exists ({@code ecr.getImage} through the
 * component's provider). A refusal, a missing image or a platform the task does not run is a problem of the field
 * that holds it, before any resource; no answer is a warning; a pullable image is its digest. Each image is asked once
 * per program run (the stack's check and the component share the answer), and only where {@link RegistryAccess}
 * allows: not in the offline plan, only registries on this machine under the testing kit.
 */
final class ImagePreflight {

    /** Where a container's answers go. */
    record Fields(String image, String credentials) {
    }

    private static final Object KIND = new Object();
    /** How long a value of another resource may take to be known before it is treated as unknown. */
    private static final long KNOWN_WITHIN_MS = 2000;

    private ImagePreflight() {
    }

    /**
     * Asks about one container's image.
     *
     * @param image        the image, as given
     * @param credentials  how it is pulled; null for none
     * @param architecture the task's CPU architecture, {@code X86_64} or {@code ARM64}
     * @param fields       the fields a problem goes under
     * @param problems     where refusals go
     * @param component    the component, for invokes and warnings; null outside one (the stack's check)
     * @param owner        how warnings name the component
     * @param env          where the component deploys
     * @return the digest the image resolves to, when it was asked and is pullable
     */
    static Optional<String> check(Value<String> image, RegistryCredentials credentials, String architecture,
                                  Fields fields, Problems problems, Resource component, String owner,
                                  AwsEnvironment env) {
        RegistryAccess access = RegistryAccess.current();
        Optional<ImageReference> reference = image.plain().flatMap(ImagePreflight::parse);
        if (reference.isEmpty() || access.scope() == RegistryAccess.Scope.NONE) {
            return Optional.empty();
        }
        ImageReference ref = reference.get();
        if (Registry.of(ref) == Registry.ECR) {
            return ecr(ref, fields, problems, component, owner, env);
        }
        if (!access.allows(ref)) {
            return Optional.empty();
        }
        Optional<Optional<BasicCredentials>> given = credentials(credentials, component, access);
        if (given.isEmpty()) {
            EngineLog.warn(component, owner, fields.image() + ": the registry credentials of " + ref + " are a value "
                    + "not known before deploy, so the registry was not asked whether they can pull it");
            return Optional.empty();
        }
        String key = ref + "|" + architecture + "|" + given.get().map(c -> c.username() + ":"
                + Integer.toHexString(c.password().hashCode())).orElse("");
        Asked answer = ask(key, () -> access.client().check(ref, given.get(), architecture));
        return verdict(answer, fields, problems, component, owner, access.credentials() || given.get().isEmpty());
    }

    /** A registry's answer, and whether this is its first report in the program run (logs say it once). */
    private record Asked(PullCheck check, boolean first) {
    }

    private static Optional<String> verdict(Asked answer, Fields fields, Problems problems, Resource component,
                                            String owner, boolean credentialsChecked) {
        PullCheck check = answer.check();
        switch (check.verdict()) {
            case PULLABLE -> {
                if (answer.first()) {
                    EngineLog.info(component, owner, fields.image() + ": " + check.message());
                }
                return Optional.of(((PullCheck.Pullable) check).digest());
            }
            case UNREACHABLE -> {
                if (answer.first()) {
                    EngineLog.warn(component, owner, fields.image() + ": " + check.message());
                }
            }
            case CREDENTIALS_REFUSED -> {
                if (credentialsChecked) {
                    problems.add(fields.credentials(), check.message());
                } else if (answer.first()) {
                    EngineLog.warn(component, owner, fields.credentials() + ": the credentials themselves were not "
                            + "checked (they are not readable here); without them: " + check.message());
                }
            }
            default -> problems.add(fields.image(), check.message());
        }
        return Optional.empty();
    }

    /** The registry's answer, asked once per image and credentials in a program run. */
    private static Asked ask(String key, java.util.function.Supplier<PullCheck> question) {
        Map<String, CompletableFuture<PullCheck>> asked = PerRun.get(KIND, HashMap::new);
        CompletableFuture<PullCheck> answer;
        boolean first;
        synchronized (asked) {
            first = !asked.containsKey(key);
            answer = asked.computeIfAbsent(key, k -> new CompletableFuture<>());
        }
        if (first) {
            answer.complete(question.get());
        }
        return new Asked(answer.join(), first);
    }

    /**
     * The credentials to ask with: empty inside when none are given (or the program's are placeholders); empty
     * outside when they are values of other resources not known yet, or an existing secret that cannot be read.
     */
    private static Optional<Optional<BasicCredentials>> credentials(RegistryCredentials credentials,
                                                                    Resource component, RegistryAccess access) {
        if (credentials == null || credentials instanceof RegistryCredentials.None || !access.credentials()) {
            return Optional.of(Optional.empty());
        }
        if (credentials instanceof RegistryCredentials.Create create) {
            Optional<String> user = create.username().plain().or(() -> known(create.username().output()));
            Optional<String> password = known(create.password());
            return user.isPresent() && password.isPresent()
                    ? Optional.of(Optional.of(new BasicCredentials(user.get(), password.get()))) : Optional.empty();
        }
        var existing = (RegistryCredentials.Existing) credentials;
        return existing.secret().plain().flatMap(secret -> read(secret, component)).map(Optional::of);
    }

    /** An existing secret's {@code {"username", "password"}}, read through the component's provider. */
    private static Optional<BasicCredentials> read(String secret, Resource component) {
        try {
            String text = SecretsmanagerFunctions.getSecretVersionPlain(GetSecretVersionPlainArgs.builder()
                    .secretId(secret).build(), options(component)).get(KNOWN_WITHIN_MS * 5, TimeUnit.MILLISECONDS)
                    .secretString();
            JsonObject json = JsonParser.parseString(text).getAsJsonObject();
            return Optional.of(new BasicCredentials(json.get("username").getAsString(),
                    json.get("password").getAsString()));
        } catch (Exception e) {
            // Unreadable here (no access, no such secret, not the expected JSON): ECS finds out, as before.
            return Optional.empty();
        }
    }

    /** An ECR image of the stack's region exists: {@code ecr.getImage} through the component's provider. */
    private static Optional<String> ecr(ImageReference ref, Fields fields, Problems problems, Resource component,
                                        String owner, AwsEnvironment env) {
        if (!ref.ecrRegion().map(env.region()::equals).orElse(false)) {
            return Optional.empty();
        }
        var args = GetImagePlainArgs.builder().registryId(ref.ecrAccountId().orElseThrow()).repositoryName(ref.path());
        ref.digest().ifPresentOrElse(args::imageDigest, () -> args.imageTag(ref.tag().orElse("latest")));
        Asked answer = ask("ecr|" + ref, () -> {
            try {
                String digest = EcrFunctions.getImagePlain(args.build(), options(component))
                        .get(KNOWN_WITHIN_MS * 5, TimeUnit.MILLISECONDS).imageDigest();
                return new PullCheck.Pullable(ref, digest, "", java.util.List.of());
            } catch (Exception e) {
                String why = String.valueOf(e.getMessage());
                return why.contains("ImageNotFound") || why.contains("RepositoryNotFound")
                        ? new PullCheck.NotFound(ref, ref.path(), ref.tag().or(ref::digest).orElse("latest"),
                        why.contains("Repository"))
                        : new PullCheck.Unreachable(ref, "ECR did not answer (" + why.lines().findFirst().orElse("")
                        + ")");
            }
        });
        return verdict(answer, fields, problems, component, owner, true);
    }

    /**
     * GitHub's registry takes classic tokens, which expire: within 30 days of the date GitHub reports for the
     * token, a warning names it.
     *
     * @param image       the image
     * @param credentials its credentials
     * @param component   the component, for the warning
     * @param owner       how the warning names it
     * @param field       the credentials' field
     */
    static void warnOfExpiringToken(Value<String> image, RegistryCredentials credentials, Resource component,
                                    String owner, String field) {
        RegistryAccess access = RegistryAccess.current();
        Optional<ImageReference> ref = image.plain().flatMap(ImagePreflight::parse)
                .filter(r -> Registry.of(r) == Registry.GHCR);
        if (ref.isEmpty() || access.scope() != RegistryAccess.Scope.ANY || !access.credentials()) {
            return;
        }
        credentials(credentials, component, access).flatMap(c -> c)
                .flatMap(c -> access.client().githubTokenExpiration(c))
                .ifPresent(expiry -> expiryWarning(expiry, Instant.now(), field)
                        .ifPresent(w -> EngineLog.warn(component, owner, w)));
    }

    /**
     * @param expiry when the token expires
     * @param now    now
     * @param field  the credentials' field
     * @return the warning, within 30 days of the expiry
     */
    static Optional<String> expiryWarning(Instant expiry, Instant now, String field) {
        return RegistryPreflight.expiresWithin30Days(expiry, now)
                ? Optional.of(field + ": the GitHub token expires on " + expiry.atOffset(ZoneOffset.UTC)
                .toLocalDate() + "; ECS cannot pull with it after that (a new task, a scale-out): create a new "
                + "classic token with read:packages and set it before then")
                : Optional.empty();
    }

    private static InvokeOptions options(Resource component) {
        return component == null ? InvokeOptions.Empty : InvokeOptions.builder().parent(component).build();
    }

    private static Optional<ImageReference> parse(String image) {
        try {
            return Optional.of(ImageReference.parse(image));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The value of an Output when it is known soon (config values are at once); empty for one of a resource. */
    private static <T> Optional<T> known(Output<T> output) {
        try {
            var data = Internal.of(output).getDataAsync().get(KNOWN_WITHIN_MS, TimeUnit.MILLISECONDS);
            return data.isKnown() ? Optional.ofNullable(data.getValueNullable()) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
