package org.ip4bot.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Waits for a server that is stopping to refuse new requests, for tests in any package. */
public final class Refusals {

    private Refusals() {
    }

    /**
     * Sends {@code GET /healthz} to {@code port} on loopback until one is refused, by a closed port or a 503.
     *
     * @return false if every one was served for {@code seconds}
     */
    public static boolean await(int port, long seconds) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
                .timeout(Duration.ofSeconds(seconds)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 503) {
                    return true;
                }
            } catch (IOException e) {
                return true;
            }
            // A short pause between checks keeps a slow stop from being flooded; nothing waits on its length.
            Thread.sleep(20);
        }
        return false;
    }
}
