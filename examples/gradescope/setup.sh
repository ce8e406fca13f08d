#!/usr/bin/env bash
# Gradescope runs this once, when it builds the autograder image (Ubuntu, as root).
# The autograder zip holds this file, run_autograder and a drill wheel, built from the repository with
#     pip wheel --no-deps . -w dist
#     zip -j autograder.zip examples/gradescope/setup.sh examples/gradescope/run_autograder dist/drill-*.whl
set -euo pipefail

apt-get update
# bubblewrap: the sandbox of `drill check --isolate`; python3-venv: a clean environment for drill
DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends python3 python3-venv bubblewrap

python3 -m venv /opt/drill
/opt/drill/bin/pip install --upgrade pip
/opt/drill/bin/pip install /autograder/source/drill-*.whl

# Fail the image build now, not at the first submission, if drill or its sandbox cannot run here:
# a shipped reference solution must pass, under the same isolation as the submissions.
reference="$(/opt/drill/bin/python -c 'import drill, pathlib; print(pathlib.Path(drill.__file__).parent / "_bank/solutions/iou/vectorized.py")')"
# shellcheck disable=SC2086
/opt/drill/bin/drill check iou "$reference" --no-timing ${DRILL_ISOLATE---isolate}
