package org.ip4bot.server;

import jakarta.servlet.DispatcherType;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.ip4bot.Ip4botException;
import org.ip4bot.admin.CorpusWatcher;
import org.ip4bot.admin.FeedbackLog;
import org.ip4bot.admin.ReloadCoordinator;
import org.ip4bot.chat.Admins;
import org.ip4bot.chat.ChatBot;
import org.ip4bot.chat.FollowUpRewriter;
import org.ip4bot.chat.Workers;
import org.ip4bot.config.BotConfig;
import org.ip4bot.config.LlmSettings;
import org.ip4bot.config.OperationsSettings;
import org.ip4bot.config.ServerSettings;
import org.ip4bot.config.TeamsSettings;
import org.ip4bot.index.IndexProgress;
import org.ip4bot.index.IndexReport;
import org.ip4bot.slack.SlackEndpoint;
import org.ip4bot.teams.TeamsEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The long-running server behind {@code serve}: Jetty with the health checks and the chat platforms' endpoints, and
 * the one place that wires the engine, the chat layer and the platforms together. Tests start it exactly as
 * {@code serve} does.
 */
public final class BotServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BotServer.class);
    /** With a language model, a worker mostly waits for the model's reply, so more of them can wait at once. */
    static final int WORKERS_PER_CORE_WITH_MODEL = 4;
    /** Questions waiting beyond this are told to retry rather than answered minutes late. */
    static final int WORKER_QUEUE = 50;
    /** How long a stop waits for answers in flight; container runtimes kill after 10-30 s. */
    static final long STOP_TIMEOUT_MS = 8_000;
    /** Watch mode waits for the corpus to be quiet this long, so a copy of many files is one reload. */
    static final Duration WATCH_DEBOUNCE = Duration.ofSeconds(2);

    private final Engine engine;
    private final ReloadCoordinator reloads;
    private final Optional<CorpusWatcher> watcher;
    private final ExecutorService workers;
    private final Optional<SlackEndpoint> slack;
    private final Optional<TeamsEndpoint> teams;
    private final Server jetty;
    private final ServerConnector connector;
    private boolean closed;

    private BotServer(Engine engine, ReloadCoordinator reloads, Optional<CorpusWatcher> watcher,
            ExecutorService workers,
            Optional<SlackEndpoint> slack, Optional<TeamsEndpoint> teams, Server jetty, ServerConnector connector) {
        this.engine = engine;
        this.reloads = reloads;
        this.watcher = watcher;
        this.workers = workers;
        this.slack = slack;
        this.teams = teams;
        this.jetty = jetty;
        this.connector = connector;
    }

    /**
     * Builds everything and starts listening. The index is not loaded yet ({@code /readyz} says 503): call
     * {@link #loadIndex()} next.
     *
     * @throws Ip4botException when a part cannot start (the port is taken, Slack refuses the token)
     */
    public static BotServer start(BotConfig config, ServerSettings settings) {
        return start(config, settings, Optional.empty());
    }

    /** As {@link #start(BotConfig, ServerSettings)}, with the Teams bot at {@code /api/messages} when it has settings. */
    public static BotServer start(BotConfig config, ServerSettings settings, Optional<TeamsSettings> teamsSettings) {
        return start(config, settings, teamsSettings, OperationsSettings.OFF);
    }

    /**
     * As {@link #start(BotConfig, ServerSettings, Optional)}, with {@code /admin/*} and {@code /api/ask|brief} on
     * when {@code operations} has their tokens. {@code /metrics} is always on.
     */
    public static BotServer start(BotConfig config, ServerSettings settings, Optional<TeamsSettings> teamsSettings,
            OperationsSettings operations) {
        ServerMetrics metrics = new ServerMetrics();
        Engine engine = new Engine(config, null, metrics);
        ExecutorService workers = Workers.bounded(workerThreads(config, Runtime.getRuntime().availableProcessors()),
                WORKER_QUEUE);
        metrics.workers(workers);
        ReloadCoordinator reloads = new ReloadCoordinator(engine, metrics::reload);
        FeedbackLog feedback = new FeedbackLog(config.dataDir().resolve("feedback.jsonl"));
        Optional<SlackEndpoint> slack = Optional.empty();
        Optional<TeamsEndpoint> teams = Optional.empty();
        try {
            ChatBot chat = new ChatBot(new EngineLibrary(engine, metrics), reloads, new Admins(settings.admins()),
                    feedback, engine.followUps(new FollowUpRewriter()), workers);
            slack = settings.slack().map(s -> new SlackEndpoint(s, chat));
            if (slack.isEmpty()) {
                LOG.info("Slack is off: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET to answer in Slack");
            }
            teams = teamsSettings.map(t -> new TeamsEndpoint(t, chat));
            teams.ifPresent(t -> metrics.gauge("ip4bot_teams_rejected_requests", "Teams requests refused by the JWT "
                    + "checks", t, TeamsEndpoint::rejectedRequests));
            if (teams.isEmpty()) {
                LOG.info("Teams is off: set MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD and MICROSOFT_APP_TENANT_ID to "
                        + "answer in Teams");
            }
            Optional<CorpusWatcher> watcher = operations.watch()
                    ? Optional.of(new CorpusWatcher(config.corpusDir(), WATCH_DEBOUNCE, () -> reloadOnChange(reloads)))
                    : Optional.empty();
            Server jetty = new Server();
            ServerConnector connector = new ServerConnector(jetty);
            connector.setPort(settings.port());
            jetty.addConnector(connector);
            // Graceful: on stop, refuse new requests and let those in flight (answers included) finish, bounded.
            GracefulHandler graceful = new GracefulHandler(routes(engine, slack, teams,
                    new Operations(operations, reloads, feedback, workers, metrics)));
            jetty.setHandler(graceful);
            jetty.setStopTimeout(STOP_TIMEOUT_MS);
            jetty.start();
            LOG.info("ip4bot listening on port {}: GET /healthz, GET /readyz{}", connector.getLocalPort(),
                    (slack.isPresent() ? ", POST " + SlackEndpoint.PATH : "")
                            + (teams.isPresent() ? ", POST " + TeamsEndpoint.PATH : ""));
            return new BotServer(engine, reloads, watcher, workers, slack, teams, jetty, connector);
        } catch (Exception e) {
            slack.ifPresent(SlackEndpoint::close);
            teams.ifPresent(TeamsEndpoint::close);
            workers.shutdownNow();
            engine.close();
            throw e instanceof Ip4botException ie ? ie
                    : new Ip4botException("could not start the server on port " + settings.port() + ": "
                            + e.getMessage(), e);
        }
    }

    /** Builds or refreshes the index from the corpus and starts answering; {@code /readyz} says 200 after. */
    public IndexReport loadIndex() {
        IndexReport report = reloads.reload(IndexProgress.SILENT);
        watcher.ifPresent(CorpusWatcher::start);
        LOG.info(report.summary());
        return report;
    }

    /** The port it listens on (useful when started with port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** The Teams bot, when it is on: its counters (requests refused by the JWT checks) are for metrics. */
    public Optional<TeamsEndpoint> teams() {
        return teams;
    }

    /** Blocks until the server stops. */
    public void join() throws InterruptedException {
        jetty.join();
    }

    /**
     * Extractive answering is CPU-bound, and one answer already spreads its sentence embeddings over the embedding
     * pool: one worker per core keeps the cores busy, and a worker more only competes with the request threads
     * (measured: Slack acknowledgement p99 under 50 concurrent events fell from about 100-160 ms with 3 workers to
     * about 75-95 ms with 2, on 2 cores). Answers that wait on a language model can overlap more.
     */
    static int workerThreads(BotConfig config, int cores) {
        int perCore = config.llm().provider() == LlmSettings.Provider.NONE ? 1 : WORKERS_PER_CORE_WITH_MODEL;
        return Math.max(2, cores * perCore);
    }

    /**
     * Stops gracefully, in about {@link #STOP_TIMEOUT_MS} at most: new requests are refused at once, HTTP requests in
     * flight (the question API's answers) finish, then the chat answers still on the workers finish and are posted,
     * and only then do the platforms' clients and the index close. Whatever is unfinished at the deadline is
     * interrupted. The SIGTERM handler and the shutdown hook both call this; the second call returns when the first
     * is done.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STOP_TIMEOUT_MS);
        watcher.ifPresent(CorpusWatcher::close);
        try {
            jetty.stop();
        } catch (Exception e) {
            LOG.warn("Jetty did not stop cleanly: {}", e.getMessage());
        }
        // A chat message was acknowledged before its answer started: the answer is still on a worker, and needs the
        // platform's client open to be posted.
        workers.shutdown();
        try {
            if (!workers.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                LOG.warn("stopping with answers unfinished after {} ms", STOP_TIMEOUT_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers.shutdownNow();
        slack.ifPresent(SlackEndpoint::close);
        teams.ifPresent(TeamsEndpoint::close);
        engine.close();
    }

    private static void reloadOnChange(ReloadCoordinator reloads) {
        var outcome = reloads.run(IndexProgress.SILENT);
        outcome.report().ifPresentOrElse(r -> LOG.info("watch mode reload: {}", r.summary()),
                () -> LOG.warn("watch mode reload failed, the old index keeps serving: {}", outcome.failure().get()));
    }

    /** What the operator-facing routes need, in one bundle. */
    private record Operations(OperationsSettings settings, ReloadCoordinator reloads, FeedbackLog feedback,
            ExecutorService workers, ServerMetrics metrics) {
    }

    private static ServletContextHandler routes(Engine engine, Optional<SlackEndpoint> slack,
            Optional<TeamsEndpoint> teams, Operations ops) {
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        // Unknown paths are 404 for every method, not the default servlet's 405 for POST.
        context.getServletHandler().setEnsureDefaultServlet(false);
        ServletHolder health = new ServletHolder("health", new HealthServlet(engine::ready));
        context.addServlet(health, "/healthz");
        context.addServlet(health, "/readyz");
        slack.ifPresent(s -> context.addServlet(new ServletHolder("slack", s.servlet()), SlackEndpoint.PATH));
        teams.ifPresent(t -> context.addServlet(new ServletHolder("teams", t.servlet()), TeamsEndpoint.PATH));
        slack.ifPresent(s -> context.addFilter(new FilterHolder(new RejectionCounter(ops.metrics(), "slack")),
                SlackEndpoint.PATH, EnumSet.of(DispatcherType.REQUEST)));
        context.addServlet(new ServletHolder("metrics", new MetricsServlet(ops.metrics())), "/metrics");
        ops.settings().adminToken().ifPresent(token -> context.addServlet(new ServletHolder("admin",
                new AdminServlet(new BearerToken(token), engine, ops.reloads(), ops.feedback(), ops.metrics())),
                AdminServlet.PATH));
        ops.settings().apiToken().ifPresent(token -> {
            ServletHolder api = new ServletHolder("api",
                    new QuestionApiServlet(new BearerToken(token), engine, ops.workers(), ops.metrics()));
            context.addServlet(api, QuestionApiServlet.ASK_PATH);
            context.addServlet(api, QuestionApiServlet.BRIEF_PATH);
        });
        return context;
    }
}
