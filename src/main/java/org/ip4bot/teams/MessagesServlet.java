package org.ip4bot.teams;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/messages}: every request passes all of {@link BotFrameworkAuthenticator}'s checks before anything
 * acts on it. A failure is answered 401, counted and logged with its reason (never the token), and the body is
 * dropped unread by anyone else.
 */
final class MessagesServlet extends HttpServlet {

    private static final Logger LOG = LoggerFactory.getLogger(MessagesServlet.class);
    /** Teams' activities are a few kilobytes; a message is capped at about 100 KB. */
    static final int MAX_BODY_BYTES = 256 * 1024;

    private final transient BotFrameworkAuthenticator authenticator;
    private final transient ActivityDispatcher dispatcher;
    private final transient Rejections rejections;

    MessagesServlet(BotFrameworkAuthenticator authenticator, ActivityDispatcher dispatcher, Rejections rejections) {
        this.authenticator = authenticator;
        this.dispatcher = dispatcher;
        this.rejections = rejections;
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Activity activity;
        try {
            byte[] body = readBody(req.getInputStream());
            if (body == null) {
                throw new RejectedException(Check.BODY, "the body is larger than " + MAX_BODY_BYTES + " bytes");
            }
            activity = authenticator.authenticate(req.getHeader("Authorization"), body);
        } catch (RejectedException e) {
            rejections.count(e.check());
            LOG.info("rejected a request to {} from {} ({} check): {}", req.getRequestURI(), req.getRemoteAddr(),
                    e.check().label(), e.getMessage());
            resp.setHeader("WWW-Authenticate", "Bearer");
            write(resp, 401, "{\"error\":\"unauthorized\"}");
            return;
        } catch (KeysUnavailableException e) {
            LOG.error("refused a request to {}: {}", req.getRequestURI(), e.getMessage());
            write(resp, 503, "{\"error\":\"signing keys unavailable\"}");
            return;
        }
        ActivityDispatcher.Outcome outcome = dispatcher.dispatch(activity);
        write(resp, outcome.status(), outcome.body());
    }

    /** Null when the body is larger than the limit; reading stops there. */
    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        return body.length > MAX_BODY_BYTES ? null : body;
    }

    private static void write(HttpServletResponse resp, int status, String json) throws IOException {
        resp.setStatus(status);
        if (!json.isEmpty()) {
            resp.setContentType("application/json");
            resp.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
        }
    }
}
