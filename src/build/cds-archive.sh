#!/usr/bin/env bash
# Run by `mvn package` after the shaded jar is built: installs the launcher as target/mdt and makes the
# class-data archive target/mdt.jsa it starts mdt with (AppCDS: the JDK's and mdt's classes that mdt
# loads, already parsed and laid out). The list of classes comes from one `mdt shell` running the
# commands a coordinator types most, on databases of its own under target/ (never MDT_DB), plain and
# encrypted. A static archive (-Xshare:dump from that list) rather than a dynamic one
# (-XX:ArchiveClassesAtExit): on Java 17 only a static archive takes picocli's classes, compiled for
# Java 5. Where no archive can be made the build goes on without one, and the launcher runs the jar as
# it is. Arguments: the build directory, the project directory, and "true" to make no archive.
set -u
target="$1"
basedir="$2"
skip="${3:-false}"
install -m 755 "$basedir/src/main/sh/mdt" "$target/mdt"

jar="$target/mdt.jar"
archive="$target/mdt.jsa"
work="$target/cds-training"
rm -rf "$work" "$archive"
if [ "$skip" = true ]; then
  exit 0
fi
mkdir -p "$work"
# the Java the launcher will find: an archive is only good for the JDK that made it
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

printf 'correct horse battery staple tundra\n' >"$work/passphrase"
chmod 600 "$work/passphrase"
db="--db \"$work/db\""
enc="--db \"$work/encrypted\" --passphrase-file \"$work/passphrase\""
cat >"$work/commands" <<LINES
$db init
$db team add "Training MDT" --county "Example County"
$db member add --team "Training MDT" --name "Pat Example" --agency "Example PD" --discipline law_enforcement
$db import roster "$basedir/examples/roster-county2-2025.xlsx" --mapping "$basedir/examples/county2.mapping.json" --team "Training MDT"
$db team list
$db member list
$db case list
$db case show 25-1007
$db followup add 25-1007 --owner "Pat Example" --action "Share the interview summary" --due 2025-02-01
$db followup list
$db review list
$db audit
$db report nca --period 2025H2
$db --format json case list
$db --format csv followup list
$db case show 00-0000
$enc init --encrypt
$enc team add "Training MDT"
$enc team list
$enc case list
$enc case show 00-0000
$enc followup list
LINES

# -Xshare:on in the check: it fails where this JVM could not use the archive it made
unset MDT_PASSPHRASE_FILE MDT_LOCK_WAIT
if ! MDT_DB="$work/unused" \
  "$java" -XX:DumpLoadedClassList="$work/classes" -jar "$jar" shell <"$work/commands" >"$work/training.log" 2>&1 \
  || ! "$java" -Xshare:dump -XX:SharedClassListFile="$work/classes" -XX:SharedArchiveFile="$archive" \
    -cp "$jar" >>"$work/training.log" 2>&1 \
  || ! "$java" -XX:SharedArchiveFile="$archive" -Xshare:on -jar "$jar" --version >/dev/null 2>&1; then
  rm -f "$archive"
  echo "mdt: no class-data archive, so target/mdt starts without one (see $work/training.log)" >&2
fi
exit 0
