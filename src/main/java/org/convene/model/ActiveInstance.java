package org.convene.model;

import java.util.List;

/** An active instance with its meeting and its current participants. */
public record ActiveInstance(MeetingInstance instance, Meeting meeting, List<Participant> participants) {}
