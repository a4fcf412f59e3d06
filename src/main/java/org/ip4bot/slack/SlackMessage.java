package org.ip4bot.slack;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;
import java.util.Objects;

/**
 * A message ready to post: Block Kit blocks and the plain-text fallback that notifications, screen readers and
 * old clients show. Both are already escaped.
 */
record SlackMessage(String text, List<LayoutBlock> blocks) {

    SlackMessage {
        Objects.requireNonNull(text, "text");
        blocks = List.copyOf(blocks);
    }
}
