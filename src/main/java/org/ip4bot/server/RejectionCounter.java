package org.ip4bot.server;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Counts the 401s an endpoint answers (a wrong or stale signature), for {@code /metrics}. */
final class RejectionCounter extends HttpFilter {

    private final ServerMetrics metrics;
    private final String endpoint;

    RejectionCounter(ServerMetrics metrics, String endpoint) {
        this.metrics = metrics;
        this.endpoint = endpoint;
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(req, resp);
        if (resp.getStatus() == 401) {
            metrics.rejected(endpoint);
        }
    }
}
