#!/usr/bin/env bash
# The main job on an embedded H2 database: create it, add the example team, import the example roster
# (a county export whose headers and abuse codes need its mapping file), and print the NCA numbers.
# Safe to run again: init and import are idempotent, and the team is added only once.
# The database is examples/../target/example/mdt.mv.db unless MDT_DB says otherwise, so that trying
# mdt never touches a coordinator's real database (~/.local/share/mdt/mdt).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
jar="$here/../target/mdt.jar"
export MDT_DB="${MDT_DB:-$here/../target/example/mdt}"
mdt() { java -jar "$jar" "$@"; }

mdt init -q >/dev/null
mdt team list --format csv | grep -q '^[0-9]*,Example MDT,' || mdt team add "Example MDT" --county "Example County" -q >/dev/null
mdt import roster "$here/roster-county2-2025.xlsx" --mapping "$here/county2.mapping.json" -q
for period in 2025H1 2025H2; do
  echo
  mdt report nca --period "$period"
done
