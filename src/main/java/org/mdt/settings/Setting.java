package org.mdt.settings;

import java.util.function.UnaryOperator;

/**
 * A setting grant staff may change: its name, what it is for, its default, and how a value is
 * checked and written in its one canonical form ({@code normalise} throws a usage MdtException for
 * a bad value).
 */
public record Setting(
    String name, String description, String defaultValue, UnaryOperator<String> normalise) {}
