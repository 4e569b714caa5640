package org.mdt.team;

/** A member of a team: a person from a partner agency, in one discipline. */
public record Member(
    long id,
    String team,
    String name,
    String discipline,
    String agency,
    String email,
    boolean active) {}
