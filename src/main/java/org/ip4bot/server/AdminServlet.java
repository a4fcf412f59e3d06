package org.ip4bot.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ip4bot.admin.FeedbackLog;
import org.ip4bot.admin.ReloadCoordinator;
import org.ip4bot.admin.ReloadOutcome;
import org.ip4bot.index.IndexProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /admin/reload} (200 with the report, or 500 with the reason when the reload failed and the old index
 * kept serving) and {@code GET /admin/status}, both behind the admin bearer token (401 without it).
 */
final class AdminServlet extends HttpServlet {

    static final String PATH = "/admin/*";
    private static final Logger LOG = LoggerFactory.getLogger(AdminServlet.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BearerToken token;
    private final Engine engine;
    private final ReloadCoordinator reloads;
    private final FeedbackLog feedback;
    private final ServerMetrics metrics;

    AdminServlet(BearerToken token, Engine engine, ReloadCoordinator reloads, FeedbackLog feedback,
            ServerMetrics metrics) {
        this.token = token;
        this.engine = engine;
        this.reloads = reloads;
        this.feedback = feedback;
        this.metrics = metrics;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!token.admits(req, resp)) {
            metrics.rejected("admin");
            LOG.info("refused an admin request to {} from {}: missing or wrong bearer token", req.getRequestURI(),
                    req.getRemoteAddr());
            return;
        }
        String path = req.getPathInfo() == null ? "" : req.getPathInfo();
        switch (req.getMethod() + " " + path) {
            case "POST /reload" -> reload(resp);
            case "GET /status" -> write(resp, 200, status());
            default -> write(resp, 404, Map.of("error", "unknown admin endpoint; use POST /admin/reload or "
                    + "GET /admin/status"));
        }
    }

    private void reload(HttpServletResponse resp) throws IOException {
        ReloadOutcome outcome = reloads.run(IndexProgress.SILENT);
        outcome.report().ifPresentOrElse(r -> LOG.info("admin reload: {}", r.summary()),
                () -> LOG.warn("admin reload failed, the old index keeps serving: {}", outcome.failure().get()));
        Map<String, Object> body = outcome(outcome);
        body.put("servingVersion", engine.ready() ? engine.snapshot().corpusVersion() : null);
        write(resp, outcome.succeeded() ? 200 : 500, body);
    }

    private Map<String, Object> status() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ready", engine.ready());
        if (engine.ready()) {
            var manifest = engine.snapshot().manifest();
            out.put("servingVersion", manifest.corpusVersion());
            out.put("documents", manifest.documents());
            out.put("chunks", manifest.chunks());
            out.put("failedFiles", manifest.skipped().size());
            out.put("builtAt", manifest.builtAt());
        }
        out.put("lastReload", reloads.last().map(AdminServlet::outcome).orElse(null));
        out.put("feedback", feedback.totals());
        return out;
    }

    static Map<String, Object> outcome(ReloadOutcome outcome) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", outcome.succeeded() ? "ok" : "failed");
        out.put("finishedAt", outcome.finishedAt().toString());
        out.put("durationMs", outcome.durationMs());
        outcome.failure().ifPresent(f -> out.put("error", f));
        outcome.report().ifPresent(r -> out.put("report", r));
        return out;
    }

    private static void write(HttpServletResponse resp, int status, Object body) throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/json;charset=utf-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.getWriter().write(JSON.writeValueAsString(body));
    }
}
