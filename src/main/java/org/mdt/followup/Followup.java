package org.mdt.followup;

import java.time.LocalDate;

/**
 * A follow-up: an action a member owes on a case, often from a review's recommendation.
 *
 * @param daysOverdue days past the due date for an open follow-up; 0 when not overdue or not open
 */
public record Followup(
    long id,
    String caseNumber,
    boolean restricted,
    String team,
    long ownerId,
    String owner,
    String discipline,
    String action,
    LocalDate due,
    String status,
    Long meetingId,
    long daysOverdue) {}
