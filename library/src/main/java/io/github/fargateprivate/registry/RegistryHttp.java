package io.github.fargateprivate.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * The HTTP exchanges of one check: one deadline for all of them, redirects followed here (the client follows none),
 * and an {@code Authorization} header that goes only to the origin it was made for.
 *
 * <p>Following redirects here rather than in {@link HttpClient} is what keeps a password or a token from reaching
 * another host: {@code Redirect.NORMAL} would resend every header to wherever a registry points (Docker Hub sends
 * blobs to a CDN). Every failure becomes a {@link Failure} whose message names the host and never holds a header.
 */
final class RegistryHttp {

    /** The OCI distribution spec lets registries refuse manifests over 4 MiB; nothing this check reads is larger. */
    static final int MAX_BODY = 4 * 1024 * 1024;
    private static final int MAX_REDIRECTS = 5;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");
    private static final String USER_AGENT = "fargate-private-registry-preflight";

    /**
     * An {@code Authorization} header value bound to the one origin (scheme, host and port) it may be sent to.
     *
     * @param origin where the header may go; null for {@link #NONE}
     * @param header the header's value; null for {@link #NONE}
     */
    record Authorization(URI origin, String header) {
        /** No header at all. */
        static final Authorization NONE = new Authorization(null, null);

        boolean appliesTo(URI uri) {
            return header != null && sameOrigin(origin, uri);
        }

        @Override
        public String toString() {
            return "Authorization[" + (header == null ? "none" : "for " + origin) + "]";
        }
    }

    /** An answer, after redirects. */
    record Response(URI uri, int status, HttpHeaders headers, byte[] body) {
        Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        boolean ok() {
            return status / 100 == 2;
        }
    }

    /** A request that got no usable answer; the message is a clause that names the host, e.g. "x refused ...". */
    static final class Failure extends Exception {
        Failure(String reason) {
            super(reason, null, false, false);
        }
    }

    private final HttpClient client;
    private final Duration timeout;
    private final Instant deadline;

    RegistryHttp(HttpClient client, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
        this.deadline = Instant.now().plus(timeout);
    }

    /**
     * Sends a request and follows redirects to HTTPS or loopback targets; the authorization goes only where it
     * applies, so a redirect to another host gets none.
     */
    Response send(String method, URI uri, Map<String, String> headers, Authorization authorization) throws Failure {
        URI next = uri;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            Response response = exchange(method, next, headers, authorization);
            Optional<String> location = response.header("Location");
            if (!REDIRECTS.contains(response.status()) || location.isEmpty()) {
                return response;
            }
            URI target;
            try {
                target = next.resolve(location.get());
            } catch (IllegalArgumentException e) {
                throw new Failure(hostOf(next) + " redirected to a location that is not a URL");
            }
            if (!allowedScheme(target)) {
                throw new Failure(hostOf(next) + " redirected to " + originOf(target)
                        + ", which is neither HTTPS nor on this machine");
            }
            next = target;
        }
        throw new Failure(hostOf(uri) + " redirected more than " + MAX_REDIRECTS + " times");
    }

    private Response exchange(String method, URI uri, Map<String, String> headers, Authorization authorization)
            throws Failure {
        Duration left = Duration.between(Instant.now(), deadline);
        if (left.isNegative() || left.isZero()) {
            throw timedOut(uri);
        }
        HttpRequest request;
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(left)
                    .method(method, HttpRequest.BodyPublishers.noBody()).header("User-Agent", USER_AGENT);
            if ("http".equals(uri.getScheme())) {
                builder.version(HttpClient.Version.HTTP_1_1);
            }
            headers.forEach(builder::header);
            if (authorization.appliesTo(uri)) {
                builder.header("Authorization", authorization.header());
            }
            request = builder.build();
        } catch (IllegalArgumentException e) {
            // The exception's text may quote a header value: it is not passed on.
            throw new Failure("a request to " + hostOf(uri) + " could not be built (a header holds characters HTTP"
                    + " does not allow)");
        }
        CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request, info -> new LimitedBody());
        try {
            HttpResponse<byte[]> response = future.get(left.toMillis(), TimeUnit.MILLISECONDS);
            return new Response(uri, response.statusCode(), response.headers(), response.body());
        } catch (TimeoutException e) {
            future.cancel(true);
            throw timedOut(uri);
        } catch (ExecutionException e) {
            throw failure(uri, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("the check of " + hostOf(uri) + " was interrupted");
        }
    }

    private Failure timedOut(URI uri) {
        long millis = timeout.toMillis();
        String within = millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
        return new Failure(hostOf(uri) + " did not answer within " + within);
    }

    private Failure failure(URI uri, Throwable cause) {
        String host = hostOf(uri);
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof HttpTimeoutException) {
                return timedOut(uri);
            }
            if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
                return new Failure(host + " was not found (DNS)");
            }
            if (t instanceof SSLException) {
                return new Failure("the TLS handshake with " + host + " failed (" + t.getMessage() + ")");
            }
        }
        if (cause instanceof ConnectException) {
            return new Failure(host + " refused the connection");
        }
        String what = cause instanceof IOException && cause.getMessage() != null ? cause.getMessage()
                : cause.getClass().getSimpleName();
        return new Failure("the connection to " + host + " failed (" + what + ")");
    }

    /** @return whether the host, without its port, is this machine by name: the only hosts plain HTTP may reach */
    static boolean isLoopback(String host) {
        return host != null && LOOPBACK.contains(host.toLowerCase(Locale.ROOT));
    }

    /** @return whether a request may go to this URL at all: HTTPS anywhere, plain HTTP only on this machine */
    static boolean allowedScheme(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return uri.getHost() != null && (scheme.equals("https") || scheme.equals("http") && isLoopback(uri.getHost()));
    }

    static boolean sameOrigin(URI a, URI b) {
        return a != null && b != null && a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost()) && port(a) == port(b);
    }

    /** @return {@code scheme://host[:port]}, for messages: never a path or query, which may carry signatures */
    static String originOf(URI uri) {
        return uri.getScheme() + "://" + hostOf(uri);
    }

    static String hostOf(URI uri) {
        return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** A body read into memory up to {@link #MAX_BODY}; a larger one ends the exchange. */
    private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private Flow.Subscription subscription;

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = Objects.requireNonNull(s);
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                if (bytes.size() + buffer.remaining() > MAX_BODY) {
                    subscription.cancel();
                    result.completeExceptionally(new IOException("an answer larger than " + MAX_BODY + " bytes"));
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }
}
