package org.ip4bot.slack;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets only requests signed by Slack reach the wrapped servlet: anything unsigned, wrongly signed or older than five
 * minutes gets 401 before a byte of it is parsed. Bolt does check signatures too, but only after parsing, and
 * answers some bad requests with 400 and logs their bodies; this check comes first and always says 401.
 */
final class SignedRequestServlet extends HttpServlet {

    private static final Logger LOG = LoggerFactory.getLogger(SignedRequestServlet.class);
    /** Slack's payloads are a few kilobytes; anything this large is not from Slack. */
    private static final int MAX_BODY_BYTES = 1024 * 1024;

    private final SignatureVerifier verifier;
    private final HttpServlet delegate;

    SignedRequestServlet(SignatureVerifier verifier, HttpServlet delegate) {
        this.verifier = verifier;
        this.delegate = delegate;
    }

    @Override
    public void init(ServletConfig config) throws ServletException {
        super.init(config);
        delegate.init(config);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        byte[] body = readBody(req.getInputStream());
        if (body == null) {
            reject(resp, 413, "request body too large");
            return;
        }
        String timestamp = req.getHeader("X-Slack-Request-Timestamp");
        if (!verifier.verify(timestamp, req.getHeader("X-Slack-Signature"), body)) {
            LOG.info("rejected a request to {} from {}: missing, wrong or stale Slack signature", req.getRequestURI(),
                    req.getRemoteAddr());
            reject(resp, 401, "invalid signature");
            return;
        }
        delegate.service(new CachedBody(req, body), resp);
    }

    @Override
    public void destroy() {
        delegate.destroy();
        super.destroy();
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        return body.length > MAX_BODY_BYTES ? null : body;
    }

    private static void reject(HttpServletResponse resp, int status, String error) throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/json");
        resp.getWriter().write("{\"error\":\"" + error + "\"}");
    }

    /** The request with its body already read, so the wrapped servlet can read it again. */
    private static final class CachedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return bytes.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("the body is already read; no asynchronous reading");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
