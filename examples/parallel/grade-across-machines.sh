#!/usr/bin/env bash
# Grade a folder of submissions across several machines with GNU parallel: the files are cut into
# batches, each batch is copied to a machine and graded there by `drill grade` (using that machine's
# cores), and the JSON lines come back and are joined into one file.
#
#   grade-across-machines.sh PROBLEM SUBMISSIONS_DIR [SSHLOGINFILE] [OUT.jsonl]
#
# SSHLOGINFILE lists one machine per line, in GNU parallel's format (`4/user@host` runs 4 batches at
# once there; `:` is this machine). Every machine needs drill on its PATH and bubblewrap (--isolate).
# Without SSHLOGINFILE everything runs here. Options for `drill grade` go in DRILL_ARGS
# (default "--isolate"); BATCH is the number of files per batch (default 10).
set -euo pipefail

if [ "$#" -lt 2 ]; then
    echo "usage: $0 PROBLEM SUBMISSIONS_DIR [SSHLOGINFILE] [OUT.jsonl]" >&2
    exit 2
fi
problem="$1"
submissions="$2"
logins="${3:-}"
out="${4:-grades.jsonl}"
batch="${BATCH:-10}"
drill_args="${DRILL_ARGS---isolate}"

command -v parallel > /dev/null || { echo "GNU parallel is not installed (apt-get install parallel)" >&2; exit 2; }
where=(--sshlogin :)
if [ -n "$logins" ]; then
    where=(--sshloginfile "$logins")
fi

# One batch at a time per machine (`N/host` in SSHLOGINFILE for more): `drill grade` already runs
# as many checks at once as the machine has cores. -N: BATCH files per batch; --transfer: copy them
# (relative paths kept) to the machine; --return: bring the batch's JSON lines back; --cleanup: remove
# both from the machine afterwards. drill grade exits 1 when a file failed: a result, not an error.
rm -f drill-part-*.jsonl
find "$submissions" -type f -name '*.py' -print0 | sort -z |
    parallel -0 "${where[@]}" --jobs 1 -N "$batch" --transfer --return 'drill-part-{#}.jsonl' --cleanup \
        --workdir . "drill grade $problem {} $drill_args --out drill-part-{#}.jsonl > /dev/null 2>&1 || true"

# The parts came back to the current folder: join them, then a one-line summary.
shopt -s nullglob
parts=(drill-part-*.jsonl)
cat /dev/null "${parts[@]}" > "$out"
rm -f "${parts[@]}"
python3 - "$out" <<'PYTHON'
import json
import sys

rows = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
passed = sum(bool(row.get("passed")) for row in rows)
print(f"{passed} of {len(rows)} files passed; one JSON object per file in {sys.argv[1]}")
PYTHON
