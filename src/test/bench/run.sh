#!/usr/bin/env bash
# Issue 22's benchmark (org.mdt.bench.Bench), as `mvn -B -Pbench verify -DskipTests` runs it:
#   src/test/bench/run.sh TARGET_DIR CLASSPATH [JAVA_OPTION...]
# with CLASSPATH the test classpath and options such as -Dbench.rows=commands -Dbench.runs=3 -Dbench.scale=0.01.
# It first gives Debian's python the pandas and openpyxl the 20,000-row import is compared with; when they
# cannot be installed (no root, no network) that row says "pandas: unavailable" and nothing fails for it.
set -euo pipefail
target=$1 classpath=$2
shift 2

# Debian's python, not a pyenv one on the PATH: apt-get installs into it.
if ! /usr/bin/python3 -c 'import pandas, openpyxl' 2>/dev/null; then
  if [ "$(id -u)" -eq 0 ]; then
    as_root=()
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    as_root=(sudo -n)
  else
    as_root=(none)
  fi
  if [ "${as_root[*]-}" != none ] && command -v apt-get >/dev/null; then
    echo "bench: installing python3-pandas python3-openpyxl for the pandas comparison" >&2
    export DEBIAN_FRONTEND=noninteractive
    { "${as_root[@]}" apt-get install -y -q python3-pandas python3-openpyxl ||
      { "${as_root[@]}" apt-get update -q && "${as_root[@]}" apt-get install -y -q python3-pandas python3-openpyxl; }
    } >&2 || echo "bench: could not install pandas; its row will say so" >&2
  fi
fi

exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" -cp "$classpath" "$@" org.mdt.bench.Bench "$target"
