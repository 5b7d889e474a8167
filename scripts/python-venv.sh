#!/usr/bin/env bash
# Builds this library's Python distribution and installs it, as a user would, into a venv.
#
#   1. jsii compile when stale, then `npx projen package:python` (jsii-pacmak): the wheel and
#      sdist in dist/python, exactly what is published to PyPI
#   2. a venv in .test-venv/ (ignored) with test/python/requirements.txt, every transitive
#      package pinned by test/python/constraints.txt, and that wheel
#
# On a clean clone (CI) the venv is always new. Locally it is reused while requirements,
# constraints and the Python version are unchanged (installing aws-cdk-lib and byte-compiling
# it takes about a minute); the library's wheel is reinstalled on every run. FRESH_VENV=1
# forces a new venv. Prints nothing but progress; the venv's python is .test-venv/bin/python.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
VENV=.test-venv
REQS=test/python/requirements.txt
CONSTRAINTS=test/python/constraints.txt
export PIP_DISABLE_PIP_VERSION_CHECK=1

echo "==> wheel: jsii-pacmak --target python -> dist/python"
start=$SECONDS
bash scripts/jsii-if-stale.sh
rm -rf dist/python
npx projen package:python >/dev/null
wheel=$(ls dist/python/*.whl)
echo "    $wheel ($((SECONDS - start)) s)"

start=$SECONDS
stamp=$(cat "$REQS" "$CONSTRAINTS" <(python3 --version) | sha256sum | cut -c1-16)
if [ -n "${FRESH_VENV:-}" ] || [ ! -x "$VENV/bin/python" ] || [ "$(cat "$VENV/.stamp" 2>/dev/null)" != "$stamp" ]; then
  echo "==> new venv $VENV ($(python3 --version)) with $REQS"
  rm -rf "$VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet -r "$REQS" -c "$CONSTRAINTS" "$wheel"
  echo "$stamp" >"$VENV/.stamp"
else
  echo "==> venv $VENV is current; reinstalling the wheel"
  "$VENV/bin/pip" install --quiet --force-reinstall --no-deps "$wheel"
fi
# The wheel's own requirements (aws-cdk-lib, constructs, jsii, publication, typeguard) must be
# met by the pinned versions.
"$VENV/bin/pip" check
echo "    done in $((SECONDS - start)) s"
