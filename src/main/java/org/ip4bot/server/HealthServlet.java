package org.ip4bot.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.BooleanSupplier;

/**
 * {@code GET /healthz}: 200 while the process serves HTTP. {@code GET /readyz}: 200 once the index is loaded, 503
 * before, so a load balancer sends no questions to a server that cannot answer them yet.
 */
final class HealthServlet extends HttpServlet {

    private final BooleanSupplier ready;

    HealthServlet(BooleanSupplier ready) {
        this.ready = ready;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        boolean readiness = req.getRequestURI().endsWith("/readyz");
        boolean ok = !readiness || ready.getAsBoolean();
        resp.setStatus(ok ? 200 : 503);
        resp.setContentType("text/plain;charset=utf-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.getWriter().write(ok ? (readiness ? "ready\n" : "ok\n") : "loading the index\n");
    }
}
