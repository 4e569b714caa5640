package org.mdt.roster;

import java.nio.file.Path;

/**
 * What to import: the file, the team for rows that name none (null: the only team), the sheet
 * (null: the mapping file's, else the first), the team's mapping, and whether this is a dry run.
 */
public record ImportRequest(
    Path file, String team, String sheet, MappingFile mapping, boolean dryRun) {}
