package org.ip4bot.chat;

import java.util.Set;

/** The users who may run admin commands such as reload, by platform user ID. */
public record Admins(Set<String> userIds) {

    public Admins {
        userIds = Set.copyOf(userIds);
    }

    public boolean includes(String userId) {
        return userIds.contains(userId);
    }
}
