package io.github.fargateprivate.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * An HTTP server on 127.0.0.1 for what a real registry does not do (redirects, other challenges, GitHub's API): it
 * answers each request with what a function returns and records every request with its Authorization header.
 */
final class FakeServer implements AutoCloseable {

    /** A request as the server saw it. */
    record Seen(String method, String path, Optional<String> authorization) {
    }

    /** An answer: status, headers, body (none for HEAD). */
    record Answer(int status, Map<String, String> headers, byte[] body) {
        static Answer of(int status, Map<String, String> headers, String body) {
            return new Answer(status, headers, body.getBytes(StandardCharsets.UTF_8));
        }

        static Answer of(int status, Map<String, String> headers) {
            return new Answer(status, headers, new byte[0]);
        }
    }

    private final HttpServer server;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    FakeServer(Function<Seen, Answer> answers) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> answer(exchange, answers));
        server.start();
    }

    private void answer(HttpExchange exchange, Function<Seen, Answer> answers) throws IOException {
        Seen request = new Seen(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization")));
        seen.add(request);
        Answer answer = answers.apply(request);
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        boolean head = request.method().equals("HEAD");
        exchange.sendResponseHeaders(answer.status(), head || answer.body().length == 0 ? -1 : answer.body().length);
        if (!head && answer.body().length > 0) {
            exchange.getResponseBody().write(answer.body());
        }
        exchange.close();
    }

    /** @return {@code 127.0.0.1:PORT} */
    String host() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    URI base() {
        return URI.create("http://" + host());
    }

    /** @return every request so far, in order */
    List<Seen> seen() {
        return List.copyOf(seen);
    }

    /** @return a port of 127.0.0.1 that nothing listens on now */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
