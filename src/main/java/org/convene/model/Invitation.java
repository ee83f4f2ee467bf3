package org.convene.model;

import java.time.Instant;

/** An invitation to a local account as it is kept: for whom, the name suggested, until when, and the meeting it was made for (0: none). */
public record Invitation(String email, String name, Instant expires, long meetingId) {}
