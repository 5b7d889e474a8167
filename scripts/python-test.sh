#!/usr/bin/env bash
# The published Python package, installed and run as a user does (`npx projen test:wheel`).
#
#   1. the wheel built by jsii-pacmak, in a venv with the pinned packages (scripts/python-venv.sh)
#   2. the example apps synthesized by the cdk CLI: TypeScript (`npx projen synth:example`) and
#      Python (examples/python/app.py run by the venv's python), and test/templates/all-options.ts
#      into dist/all-options
#   3. pytest test/python: the library imported from the wheel (JUnit: test-reports/pytest-junit.xml)
#   4. pytest test/templates: the Python example's templates equal the TypeScript one's, and
#      cfn-lint over every template (JUnit: test-reports/templates-junit.xml)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
VENV=$ROOT/.test-venv
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20 JSII_SILENCE_SUPPORT_WARNING=1 AWS_REGION=us-east-1
# The same flags as `npx projen synth:example`, so that both examples' templates can be compared.
SYNTH=("$ROOT/node_modules/.bin/cdk" synth --quiet --no-notices --no-version-reporting --no-path-metadata --no-asset-metadata)

bash scripts/python-venv.sh

start=$SECONDS
echo "==> synthesize: TypeScript example, Python example (with $VENV), all-options"
npx projen synth:example >/dev/null 2>dist/synth-typescript.log || { cat dist/synth-typescript.log >&2; exit 1; }
# As a user runs it: the venv's python first on PATH, so cdk.json's "python3 app.py" is the venv's.
(cd examples/python && rm -rf cdk.out && PATH="$VENV/bin:$PATH" "${SYNTH[@]}" --output cdk.out) \
  >/dev/null 2>dist/synth-python.log || { cat dist/synth-python.log >&2; exit 1; }
rm -rf dist/all-options
TS_NODE_TRANSPILE_ONLY=1 "${SYNTH[@]}" --app 'npx ts-node --project tsconfig.dev.json test/templates/all-options.ts' \
  --output dist/all-options >/dev/null 2>dist/synth-all-options.log || { cat dist/synth-all-options.log >&2; exit 1; }
echo "    done in $((SECONDS - start)) s"

mkdir -p test-reports
rc=0
echo "==> pytest test/python (the library from the wheel)"
"$VENV/bin/python" -m pytest test/python -p no:cacheprovider -q \
  --junitxml=test-reports/pytest-junit.xml -o junit_suite_name=python || rc=1
echo "==> pytest test/templates (examples identical, cfn-lint)"
"$VENV/bin/python" -m pytest test/templates -p no:cacheprovider -q \
  --junitxml=test-reports/templates-junit.xml -o junit_suite_name=templates || rc=1
exit $rc
