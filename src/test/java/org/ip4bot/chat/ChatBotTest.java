package org.ip4bot.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.ip4bot.admin.CorpusReloader;
import org.ip4bot.admin.FeedbackLog;
import org.ip4bot.index.IndexReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChatBotTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Conversation THREAD = new Conversation("test", "C1", "1700000000.000100");
    private static final IndexReport REPORT = new IndexReport("v2", false, List.of("partners/new.md"), List.of(),
            List.of(), 29, List.of(), 30, 184, 1, 1234);

    @TempDir
    Path data;

    private final FakeLibrary library = new FakeLibrary();
    private final AtomicInteger reloads = new AtomicInteger();
    private volatile CountDownLatch reloadHold = new CountDownLatch(0);
    private final CountDownLatch reloadStarted = new CountDownLatch(1);
    private final CorpusReloader reloader = progress -> {
        reloads.incrementAndGet();
        reloadStarted.countDown();
        await(reloadHold);
        return REPORT;
    };
    private ExecutorService workers = Workers.bounded(2, 10);

    @AfterEach
    void stopWorkers() {
        library.hold.countDown();
        reloadHold.countDown();
        workers.shutdownNow();
    }

    private ChatBot bot() {
        return new ChatBot(library, reloader, new Admins(Set.of("UADMIN")), new FeedbackLog(data.resolve("f.jsonl")),
                new FollowUpRewriter(), workers);
    }

    @Test
    void anEmptyMessageGetsTheHelp() {
        // given
        RecordingChannel channel = new RecordingChannel();

        // when
        bot().receive(new Incoming(THREAD, "U1", "  "), channel);

        // then
        Reply.Notice help = channel.nextNotice(WAIT);
        assertEquals(Reply.Kind.HELP, help.kind());
        assertTrue(help.text().contains("from 2 reports") && help.text().contains("brief <topic>"), help.text());
        assertEquals(List.of(), library.asked);
    }

    @Test
    void aQuestionOverTwoThousandCharactersGetsThePoliteLimitMessageAndIsNotAsked() {
        // given
        RecordingChannel channel = new RecordingChannel();
        String question = "x".repeat(2_001);

        // when
        bot().receive(new Incoming(THREAD, "U1", question), channel);

        // then
        Reply.Notice notice = channel.nextNotice(WAIT);
        assertEquals(Reply.Kind.REJECTED, notice.kind());
        assertEquals("That question is 2,001 characters long; I can take up to 2,000. Please shorten it, or ask "
                + "about one thing at a time.", notice.text());
        assertEquals(List.of(), library.asked);
    }

    @Test
    void aQuestionIsAnsweredAfterAProgressNote() {
        // given
        RecordingChannel channel = new RecordingChannel();

        // when
        bot().receive(new Incoming(THREAD, "U1", "When did Japan sign its IPCP?"), channel);

        // then
        Reply.Answered answered = channel.nextAnswer(WAIT);
        assertEquals("When did Japan sign its IPCP?", answered.answer().question());
        assertFalse(answered.reinterpreted());
        assertEquals(List.of("Searching 2 reports..."), channel.progress);
    }

    @Test
    void aFollowUpIsAskedInTheContextOfItsOwnConversationOnly() {
        // given
        ChatBot bot = bot();
        RecordingChannel first = new RecordingChannel();
        bot.receive(new Incoming(THREAD, "U1", "When did Australia sign its IPCP?"), first);
        first.nextAnswer(WAIT);

        // when
        RecordingChannel followUp = new RecordingChannel();
        bot.receive(new Incoming(THREAD, "U2", "and New Zealand?"), followUp);
        RecordingChannel elsewhere = new RecordingChannel();
        bot.receive(new Incoming(new Conversation("test", "C2", ""), "U1", "and New Zealand?"), elsewhere);

        // then
        Reply.Answered answered = followUp.nextAnswer(WAIT);
        assertEquals("When did New Zealand sign its IPCP?", answered.interpreted());
        assertEquals("and New Zealand?", answered.asked());
        assertTrue(answered.reinterpreted());
        assertEquals("and New Zealand?", elsewhere.nextAnswer(WAIT).interpreted());
    }

    @Test
    void aFollowUpInAThreadItDoesNotRememberIsReadFromThePlatformsHistory() {
        // given
        RecordingChannel channel = new RecordingChannel();
        channel.history = List.of("When did Australia sign its IPCP?");

        // when
        bot().receive(new Incoming(THREAD, "U1", "what about Japan?"), channel);

        // then
        assertEquals("When did Japan sign its IPCP?", channel.nextAnswer(WAIT).interpreted());
    }

    @Test
    void whenEveryWorkerIsBusyAndTheQueueIsFullTheAskerIsToldToRetry() {
        // given: one worker, one queue slot, and a question that holds the worker
        workers = Workers.bounded(1, 1);
        library.hold = new CountDownLatch(1);
        ChatBot bot = bot();
        RecordingChannel running = new RecordingChannel();
        RecordingChannel queued = new RecordingChannel();
        RecordingChannel refused = new RecordingChannel();
        bot.receive(new Incoming(THREAD, "U1", "first question?"), running);
        bot.receive(new Incoming(THREAD, "U2", "second question?"), queued);

        // when
        bot.receive(new Incoming(THREAD, "U3", "third question?"), refused);

        // then: the third asker hears at once, on the receiving thread, and the others are still answered
        assertEquals(1, refused.busy.size());
        assertEquals(Reply.Kind.BUSY, refused.busy.get(0).kind());
        assertTrue(refused.busy.get(0).text().contains("busy") && refused.busy.get(0).text().contains("retry in a "
                + "minute"), refused.busy.get(0).text());
        assertSame(Thread.currentThread(), refused.busyThreads.get(0));
        library.hold.countDown();
        running.nextAnswer(WAIT);
        queued.nextAnswer(WAIT);
        assertTrue(refused.replies.isEmpty());
    }

    @Test
    void aFailureIsAnsweredWithAnApologyCarryingAnErrorId() {
        // given
        library.answers = q -> {
            throw new IllegalStateException("the index fell over");
        };
        RecordingChannel channel = new RecordingChannel();

        // when
        bot().receive(new Incoming(THREAD, "U1", "When did Japan sign its IPCP?"), channel);

        // then
        Reply.Notice notice = channel.nextNotice(WAIT);
        assertEquals(Reply.Kind.ERROR, notice.kind());
        assertTrue(notice.text().matches("Sorry, something went wrong while answering \\(error id [0-9a-f]{8}\\)\\..*"),
                notice.text());
        assertFalse(notice.text().contains("fell over"), "internals stay in the log");
    }

    @Test
    void beforeTheIndexIsLoadedQuestionsAreToldToWait() {
        // given
        library.ready = false;
        RecordingChannel channel = new RecordingChannel();

        // when
        bot().receive(new Incoming(THREAD, "U1", "When did Japan sign its IPCP?"), channel);

        // then
        assertEquals(Reply.Kind.NOT_READY, channel.nextNotice(WAIT).kind());
    }

    @Test
    void aReloadFromSomeoneWhoIsNotAnAdminIsRefusedAndNeverRuns() {
        // given
        RecordingChannel channel = new RecordingChannel();

        // when
        bot().receive(new Incoming(THREAD, "U1", "reload"), channel);

        // then
        Reply.Notice notice = channel.nextNotice(WAIT);
        assertEquals(Reply.Kind.REFUSED, notice.kind());
        assertTrue(notice.text().startsWith("Sorry, only the bot's admins can reload"), notice.text());
        assertEquals(0, reloads.get());
    }

    @Test
    void anAdminReloadReportsWhileQuestionsAreStillAnsweredMeanwhile() {
        // given: a reload that takes a while
        reloadHold = new CountDownLatch(1);
        ChatBot bot = bot();
        RecordingChannel admin = new RecordingChannel();
        bot.receive(new Incoming(THREAD, "UADMIN", "reload"), admin);
        await(reloadStarted);

        // when: someone asks a question while it runs, and another admin asks for a second reload
        RecordingChannel asker = new RecordingChannel();
        bot.receive(new Incoming(THREAD, "U1", "When did Japan sign its IPCP?"), asker);
        Reply.Answered answered = asker.nextAnswer(WAIT);
        RecordingChannel second = new RecordingChannel();
        bot.receive(new Incoming(THREAD, "UADMIN", "reload"), second);
        Reply.Notice refused = second.nextNotice(WAIT);
        reloadHold.countDown();

        // then
        assertEquals("When did Japan sign its IPCP?", answered.interpreted());
        assertTrue(refused.text().startsWith("A reload is already running"), refused.text());
        Reply.Notice report = admin.nextNotice(WAIT);
        assertEquals(Reply.Kind.REPORT, report.kind());
        assertTrue(report.text().startsWith("Reload finished. Index built: corpus version v2, 30 documents"),
                report.text());
        assertTrue(admin.progress.get(0).startsWith("Reloading the index"), admin.progress.toString());
        assertEquals(1, reloads.get());
    }

    @Test
    void feedbackIsAppendedWithTheAnswersQuestionCitationsAndCorpusVersion() throws IOException {
        // given
        ChatBot bot = bot();
        RecordingChannel channel = new RecordingChannel();
        bot.receive(new Incoming(THREAD, "U1", "When did Japan sign its IPCP?"), channel);
        String answerId = channel.nextAnswer(WAIT).answerId();

        // when
        bot.feedback("test", "U9", answerId, "wrong_source");
        bot.feedback("test", "U9", "forgotten-answer", "helpful");

        // then
        List<String> lines = Files.readAllLines(data.resolve("f.jsonl"));
        assertEquals(2, lines.size());
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertEquals(answerId, first.get("answerId").asText());
        assertEquals("wrong_source", first.get("value").asText());
        assertEquals("U9", first.get("userId").asText());
        assertEquals("When did Japan sign its IPCP?", first.get("question").asText());
        assertEquals("partners/japan.md", first.get("citations").get(0).asText());
        assertEquals("v1", first.get("corpusVersion").asText());
        assertEquals("", new ObjectMapper().readTree(lines.get(1)).get("question").asText());
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
