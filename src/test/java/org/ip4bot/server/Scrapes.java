package org.ip4bot.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code GET /metrics} over loopback, and the samples in it, for tests in any package. */
public final class Scrapes {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Scrapes() {
    }

    /** The Prometheus text that {@code server} serves now. */
    public static String metrics(BotServer server) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /**
     * The value of the first sample named {@code name} whose labels contain {@code labels} (e.g. {@code
     * platform="slack"}), or 0 when there is none; {@code labels} empty matches a sample without labels too.
     */
    public static double sample(String scrape, String name, String labels) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{([^}]*)\\})? (\\S+)$").matcher(scrape);
        while (m.find()) {
            if ((m.group(1) == null ? "" : m.group(1)).contains(labels)) {
                return Double.parseDouble(m.group(2));
            }
        }
        return 0.0;
    }
}
