package org.ip4bot.llm;

import com.fasterxml.jackson.core.JacksonException;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.ip4bot.llm.LanguageModelException.Failure;

/**
 * One attempt at a langchain4j {@link ChatModel} (built with {@code maxRetries(0)}: {@link RetryingLanguageModel}
 * decides about retries). The call runs on a worker thread that is abandoned, and interrupted, when the deadline
 * passes, so even a client that ignored its timeouts could not hold an answer past its budget.
 */
final class ChatModelLanguageModel implements LanguageModel {

    /** Lets a reply that is already arriving at the deadline be read rather than thrown away. */
    private static final Duration GRACE = Duration.ofMillis(150);

    private final String name;
    private final ChatModel chat;
    private final ExecutorService calls = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "language-model-call");
        thread.setDaemon(true);
        return thread;
    });

    ChatModelLanguageModel(String name, ChatModel chat) {
        this.name = name;
        this.chat = chat;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String complete(Prompt prompt, Deadline deadline) {
        if (deadline.passed()) {
            throw new LanguageModelException(Failure.TIMEOUT, "the time budget was spent before the model was asked");
        }
        ChatRequest request = ChatRequest.builder()
                .messages(SystemMessage.from(prompt.system()), UserMessage.from(prompt.user()))
                .build();
        Future<ChatResponse> call = calls.submit(() -> DeadlineHttpClient.within(deadline, () -> chat.chat(request)));
        ChatResponse response;
        try {
            response = call.get(deadline.remaining().plus(GRACE).toNanos(), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            call.cancel(true);
            throw new LanguageModelException(Failure.TIMEOUT, name + " did not answer within the time budget", null, e);
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new LanguageModelException(Failure.TIMEOUT, "interrupted while waiting for " + name, null, e);
        } catch (ExecutionException e) {
            throw classify(e.getCause());
        }
        AiMessage message = response == null ? null : response.aiMessage();
        String text = message == null ? null : message.text();
        if (text == null || text.isBlank()) {
            throw new LanguageModelException(Failure.BAD_REPLY, name + " sent an empty reply");
        }
        return text;
    }

    /** Maps what langchain4j and the HTTP client throw to a failure; the message names the status, never the body. */
    static LanguageModelException classify(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof LanguageModelException known) {
                return known;
            }
            if (t instanceof JacksonException) {
                return new LanguageModelException(Failure.BAD_REPLY, "the model server's reply was not the JSON "
                        + "expected", null, thrown);
            }
            if (t instanceof DeadlineHttpClient.StatusException status) {
                int code = status.statusCode();
                Failure failure = code == 429 ? Failure.RATE_LIMITED
                        : code >= 500 ? Failure.SERVER_ERROR
                        : code == 408 ? Failure.TIMEOUT
                        : Failure.REJECTED;
                return new LanguageModelException(failure, "the model server answered HTTP " + code,
                        status.retryAfter().orElse(null), thrown);
            }
            if (t instanceof TimeoutException || t instanceof HttpTimeoutException) {
                return new LanguageModelException(Failure.TIMEOUT, "the model server did not answer in time", null,
                        thrown);
            }
            if (t instanceof UnresolvedModelServerException || t instanceof IOException) {
                return new LanguageModelException(Failure.UNREACHABLE, "the model server could not be reached ("
                        + t.getClass().getSimpleName() + ")", null, thrown);
            }
        }
        return new LanguageModelException(Failure.BAD_REPLY, "the model server's reply could not be read ("
                + thrown.getClass().getSimpleName() + ")", null, thrown);
    }
}
