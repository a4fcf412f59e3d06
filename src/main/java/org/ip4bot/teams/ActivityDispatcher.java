package org.ip4bot.teams;

import java.util.List;
import java.util.concurrent.Executor;
import org.ip4bot.chat.ChatBot;
import org.ip4bot.chat.Conversation;
import org.ip4bot.chat.Incoming;
import org.ip4bot.chat.SeenIds;

/**
 * What the bot does with an authenticated activity. Messages and installs are handed to the chat's workers and
 * answered 200 at once (Teams retries after 15 s, so nothing slow happens here); invokes are answered in the HTTP
 * response. Each activity ID is acted on once, however often Teams delivers it.
 */
final class ActivityDispatcher {

    /** The platform's name in conversations, and so in the server's question metrics and logs. */
    static final String PLATFORM = "teams";
    /** The platform as feedback lines have always named it (the Bot Framework's channel ID), for the log's readers. */
    static final String FEEDBACK_PLATFORM = "msteams";
    /** Teams retries within minutes; an hour leaves a wide margin. */
    private static final long KEEP_IDS_MILLIS = 60 * 60 * 1000L;
    private static final String THREAD_SUFFIX = ";messageid=";

    private final ChatBot chat;
    private final ConnectorClient connector;
    private final Typing typing;
    private final SentAnswers sent;
    private final Executor deliveries;
    private final FeedbackInvokes feedback;
    private final SeenIds seen = new SeenIds(10_000, KEEP_IDS_MILLIS, System::currentTimeMillis);

    ActivityDispatcher(ChatBot chat, ConnectorClient connector, Typing typing, SentAnswers sent, Executor deliveries) {
        this.chat = chat;
        this.connector = connector;
        this.typing = typing;
        this.sent = sent;
        this.deliveries = deliveries;
        this.feedback = new FeedbackInvokes(chat, sent);
    }

    /** The HTTP answer to one activity: a status and, for invokes, a JSON body (empty otherwise). */
    record Outcome(int status, String body) {
        static final Outcome OK = new Outcome(200, "");
    }

    Outcome dispatch(Activity activity) {
        return switch (activity.type()) {
            case "message" -> message(activity);
            case "conversationUpdate" -> conversationUpdate(activity);
            case "invoke" -> feedback.invoke(activity, userId(activity));
            default -> Outcome.OK;
        };
    }

    /**
     * Personal chats take every message; channels and group chats only those that @mention the bot, which Teams
     * sends with the mention's markup in the text.
     */
    private Outcome message(Activity activity) {
        if (activity.fromId().equals(activity.recipientId()) || !seen.firstTime(key(activity))) {
            return Outcome.OK;
        }
        List<String> mentions = activity.botMentions();
        if (!"personal".equals(activity.conversationType()) && mentions.isEmpty()) {
            return Outcome.OK;
        }
        Incoming incoming = new Incoming(conversation(activity), userId(activity),
                TeamsMarkdown.plain(activity.text(), mentions));
        chat.receive(incoming, replies(activity, false));
        return Outcome.OK;
    }

    /** The welcome, once per conversation: the help, sent when the bot itself is among the members added. */
    private Outcome conversationUpdate(Activity activity) {
        if (activity.addsTheBot() && seen.firstTime("welcome|" + activity.conversationId())) {
            chat.receive(new Incoming(conversation(activity), userId(activity), "help"), replies(activity, true));
        }
        return Outcome.OK;
    }

    private ConnectorReplies replies(Activity activity, boolean welcome) {
        return new ConnectorReplies(connector, activity.reference(), typing, sent, deliveries, welcome);
    }

    /** A channel thread is {@code <channel>;messageid=<root>}: the thread is its own conversation for follow-ups. */
    static Conversation conversation(Activity activity) {
        String id = activity.conversationId();
        int thread = id.indexOf(THREAD_SUFFIX);
        return thread < 0 ? new Conversation(PLATFORM, id, "")
                : new Conversation(PLATFORM, id.substring(0, thread), id.substring(thread + THREAD_SUFFIX.length()));
    }

    /** Admins are listed by Entra object ID, which Teams sends alongside its own user ID. */
    private static String userId(Activity activity) {
        return activity.fromAadObjectId().isEmpty() ? activity.fromId() : activity.fromAadObjectId();
    }

    private static String key(Activity activity) {
        return activity.conversationId() + "|" + activity.id();
    }
}
