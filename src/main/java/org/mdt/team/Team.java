package org.mdt.team;

/**
 * A multidisciplinary team; a database holds one or many (a state chapter runs one for all its
 * MDTs).
 */
public record Team(long id, String name, String cac, String county) {}
