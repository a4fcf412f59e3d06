package org.ip4bot.llm;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * An OpenAI-compatible server on loopback whose replies wait until the test {@linkplain #release() releases} them,
 * to hold an answer in flight for as long as a test needs. Every reply says {@code reply}.
 */
public final class HeldOpenAi implements AutoCloseable {

    private static final long MOST_SECONDS = 60;

    private final CountDownLatch asked = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final HttpServer server;

    public HeldOpenAi(String reply) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] body = FakeOpenAi.reply(reply).getBytes(StandardCharsets.UTF_8);
        server.setExecutor(threads);
        server.createContext(FakeOpenAi.PATH, exchange -> {
            exchange.getRequestBody().readAllBytes();
            asked.countDown();
            try {
                released.await(MOST_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    /** The base URL to configure, with {@code /v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Waits until the first request has arrived (and is being held); false if none came within the wait. */
    public boolean awaitAsked(long seconds) throws InterruptedException {
        return asked.await(seconds, TimeUnit.SECONDS);
    }

    /** Lets every held reply, and every later one, go out. */
    public void release() {
        released.countDown();
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        threads.shutdownNow();
    }
}
