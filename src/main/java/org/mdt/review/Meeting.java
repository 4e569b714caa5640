package org.mdt.review;

import java.time.LocalDate;
import java.time.LocalTime;

/** A scheduled case review meeting of one team; recorded once it has happened. */
public record Meeting(
    long id,
    long teamId,
    String team,
    LocalDate date,
    LocalTime time,
    String location,
    Integer capacity,
    boolean recorded) {}
