package io.github.fargateprivate.registry;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A container image reference parsed per the OCI distribution reference grammar
 * ({@code [host[:port]/]path[:tag][@algorithm:hex]}).
 *
 * <p>The first path component is taken as the registry host only when it contains a dot or a colon or is
 * {@code localhost}, the same rule Docker and ECS apply; otherwise the image lives on Docker Hub.
 */
public final class ImageReference {

    /** The host Docker Hub references are normalised to. */
    public static final String DOCKER_HUB_HOST = "docker.io";

    // domain-component := /([a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])/ joined by '.', optional :port
    private static final Pattern HOST = Pattern.compile(
            "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*"
                    + "(?::[0-9]{1,5})?");
    // path-component := alpha-numeric [separator alpha-numeric]*, separator := [_.] | __ | [-]+
    private static final Pattern PATH_COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    private static final Pattern DIGEST = Pattern.compile("sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128}");
    private static final Pattern ECR_HOST = Pattern.compile(
            "(\\d{12})\\.dkr\\.ecr(?:-fips)?\\.([a-z0-9-]+)\\.amazonaws\\.com(?:\\.cn)?");
    private static final int MAX_NAME_LENGTH = 255;

    private final String original;
    private final String host;
    private final String path;
    private final String tag;
    private final String digest;

    private ImageReference(String original, String host, String path, String tag, String digest) {
        this.original = original;
        this.host = host;
        this.path = path;
        this.tag = tag;
        this.digest = digest;
    }

    /**
     * Parses an image reference.
     *
     * @param reference the reference as written, e.g. {@code ghcr.io/acme/app:1.2}
     * @return the parsed reference
     * @throws IllegalArgumentException with a message that says which part is wrong
     */
    public static ImageReference parse(String reference) {
        if (reference == null || reference.isBlank()) {
            throw new IllegalArgumentException("the image reference is empty");
        }
        if (!reference.equals(reference.strip())) {
            throw new IllegalArgumentException("'" + reference + "' has leading or trailing white space");
        }
        String rest = reference;
        String digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
            if (!DIGEST.matcher(digest).matches()) {
                throw new IllegalArgumentException("'" + reference + "' has an invalid digest '" + digest
                        + "' (expected sha256: followed by 64 lower-case hex digits)");
            }
        }
        String host = null;
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            String first = rest.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                host = first;
                rest = rest.substring(slash + 1);
                if (!HOST.matcher(host).matches()) {
                    throw new IllegalArgumentException("'" + reference + "' has an invalid registry host '" + host + "'");
                }
            }
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon >= 0) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
            if (!TAG.matcher(tag).matches()) {
                throw new IllegalArgumentException("'" + reference + "' has an invalid tag '" + tag
                        + "' (letters, digits, '_', '.' and '-', at most 128, not starting with '.' or '-')");
            }
        }
        if (rest.isEmpty()) {
            throw new IllegalArgumentException("'" + reference + "' names no repository");
        }
        for (String component : rest.split("/", -1)) {
            if (!PATH_COMPONENT.matcher(component).matches()) {
                throw new IllegalArgumentException("'" + reference + "' has an invalid repository path component '"
                        + component + "' (lower-case letters and digits, separated by '.', '_', '__' or '-')");
            }
        }
        String name = host == null ? rest : host + "/" + rest;
        if (name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("'" + reference + "' has a name longer than " + MAX_NAME_LENGTH
                    + " characters");
        }
        String normalisedHost = host == null ? DOCKER_HUB_HOST : host;
        return new ImageReference(reference, normalisedHost, rest, tag, digest);
    }

    /** @return the reference exactly as given */
    public String reference() {
        return original;
    }

    /** @return the registry host, with its port if one was given; {@code docker.io} when the reference names none */
    public String host() {
        return host;
    }

    /** @return the repository path below the host, e.g. {@code acme/app} */
    public String path() {
        return path;
    }

    /** @return the tag, if the reference has one */
    public Optional<String> tag() {
        return Optional.ofNullable(tag);
    }

    /** @return the digest ({@code sha256:...}), if the reference has one */
    public Optional<String> digest() {
        return Optional.ofNullable(digest);
    }

    /** @return the AWS account that owns the ECR repository, when the host is an ECR registry */
    public Optional<String> ecrAccountId() {
        Matcher m = ECR_HOST.matcher(host);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** @return the AWS region of the ECR registry, when the host is one */
    public Optional<String> ecrRegion() {
        Matcher m = ECR_HOST.matcher(host);
        return m.matches() ? Optional.of(m.group(2)) : Optional.empty();
    }

    /**
     * @param digest a digest, e.g. {@code sha256:...}
     * @return this image pinned to that digest, {@code [host/]path@digest}: the tag goes, as a digest names exactly
     *     one image (Docker Hub's host stays as written)
     */
    public String withDigest(String digest) {
        String name = original.contains("@") ? original.substring(0, original.indexOf('@')) : original;
        int slash = name.lastIndexOf('/');
        int colon = name.lastIndexOf(':');
        return (colon > slash ? name.substring(0, colon) : name) + "@" + digest;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImageReference other && original.equals(other.original);
    }

    @Override
    public int hashCode() {
        return Objects.hash(original);
    }

    @Override
    public String toString() {
        return original;
    }
}
