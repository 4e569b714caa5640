#!/usr/bin/env bash
# The coordinator's monthly report, for cron: last month's report as PDF and JSON in a private folder.
#
#   15 6 1 * *  /opt/mdt/examples/monthly-report.sh /srv/mdt/reports >> /var/log/mdt-monthly.log 2>&1
#
# Environment: MDT_DB (the database), MDT_PASSPHRASE_FILE (if it is encrypted: cron has no terminal to ask
# at), MDT_JAR (default: the jar built beside this script). Exits non-zero, with mdt's one-line reason on
# stderr, when the report could not be written; a report is never left half written. Running it again in
# the same month replaces that month's files (--force), as a re-run after fixing the data should.
set -euo pipefail
out_dir="${1:-$HOME/mdt-reports}"
jar="${MDT_JAR:-$(cd "$(dirname "$0")" && pwd)/../target/mdt.jar}"
month="$(date -d "$(date +%Y-%m-01) -1 month" +%Y-%m)"

# Every line of the log starts with the time it was written, mdt's own messages too: a log of many months
# says which run each line belongs to.
stamp() {
  while IFS= read -r line; do
    printf '%s %s\n' "$(date -Is)" "$line"
  done
}

umask 077
mkdir -p "$out_dir"
echo "writing the monthly report for $month into $out_dir" | stamp
for format in pdf json; do
  status=0 # mdt's exit code (pipefail), kept as the script's own
  java -jar "$jar" report monthly --month "$month" --out "$out_dir/monthly-$month.$format" --force -q \
    2>&1 >/dev/null | stamp >&2 || status=$?
  if [ "$status" -ne 0 ]; then
    echo "failed: monthly-$month.$format not written (exit $status)" | stamp >&2
    exit "$status"
  fi
done
echo "wrote $out_dir/monthly-$month.pdf and .json" | stamp
