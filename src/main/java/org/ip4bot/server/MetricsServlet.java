package org.ip4bot.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code GET /metrics}: Prometheus text format. Unauthenticated, like {@code /healthz}: keep it off the internet. */
final class MetricsServlet extends HttpServlet {

    private final ServerMetrics metrics;

    MetricsServlet(ServerMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setStatus(200);
        resp.setContentType("text/plain; version=0.0.4; charset=utf-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.getWriter().write(metrics.scrape());
    }
}
