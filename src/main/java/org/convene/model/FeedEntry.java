package org.convene.model;

import java.time.Instant;

/**
 * One entry of a live feed. {@code id} is the Redis stream id, which orders the feed and lets a
 * reader resume after it. For an instance's feed: {@code kind} is join, leave, timeout, chat,
 * activated or ended, with the user, the event or message number and, for chat, the text. For the
 * lifecycle feed: scheduled, activated, ended or deleted, with the meeting and the window.
 */
public record FeedEntry(String id, String kind, long instanceId, long meetingId, long userId, long number,
                        Instant at, Instant from, Instant to, String text) {}
