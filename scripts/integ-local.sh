#!/usr/bin/env bash
# Deploys the integ tests' stacks to a local AWS emulator (`npx projen integ:local`).
#
#   1. the Python venv with moto[server], boto3 and pytest (scripts/python-venv.sh), unless the
#      first argument is --venv-ready (`npx projen test` has just made it in test:wheel)
#   2. moto_server on a free 127.0.0.1 port, stopped on exit whatever happens
#   3. every integ/integ.*.ts and test/templates/all-options.ts synthesized by the cdk CLI into
#      dist/integ-local/<name>/
#   4. pytest test/emulator: cdk bootstrap, cdk deploy, every role read back through IAM and
#      compared with its template, cdk destroy (JUnit: test-reports/integ-local-junit.xml)
#
# Dummy credentials only; nothing but the emulator on 127.0.0.1 is contacted.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
VENV=$ROOT/.test-venv
OUT=$ROOT/dist/integ-local
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20 JSII_SILENCE_SUPPORT_WARNING=1 TS_NODE_TRANSPILE_ONLY=1
export AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1 AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing
# Never the user's profile or real credentials.
unset AWS_PROFILE AWS_SESSION_TOKEN AWS_CONFIG_FILE AWS_SHARED_CREDENTIALS_FILE
export AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null

start=$SECONDS
[ "${1:-}" = --venv-ready ] || bash scripts/python-venv.sh

echo "==> synthesize the integ apps into ${OUT#"$ROOT"/}"
rm -rf "$OUT"
mkdir -p "$OUT" test-reports
synth() { # <app file> <output name>
  "$ROOT/node_modules/.bin/cdk" synth --quiet --no-notices --no-version-reporting --no-path-metadata \
    --app "npx ts-node --project tsconfig.dev.json $1" --output "$OUT/$2" >"$OUT/$2.synth.log" 2>&1 \
    || { cat "$OUT/$2.synth.log" >&2; return 1; }
}
for app in integ/integ.*.ts; do
  name=$(basename "$app" .ts)
  synth "$app" "$name"
done
synth test/templates/all-options.ts all-options
echo "    $(ls "$OUT" | grep -vc '\.log$') assemblies ($((SECONDS - start)) s)"

PORT=$("$VENV/bin/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
echo "==> moto_server on 127.0.0.1:$PORT"
"$VENV/bin/moto_server" -H 127.0.0.1 -p "$PORT" >"$OUT/moto_server.log" 2>&1 &
MOTO_PID=$!
stop_emulator() {
  kill "$MOTO_PID" 2>/dev/null && wait "$MOTO_PID" 2>/dev/null
  echo "==> moto_server stopped"
}
trap stop_emulator EXIT
trap 'exit 130' INT TERM # through the EXIT trap, so the emulator stops on Ctrl-C or kill too
ready() { "$VENV/bin/python" -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=2)' \
  "http://127.0.0.1:$PORT/moto-api/" 2>/dev/null; }
for _ in $(seq 1 60); do
  ready && break
  kill -0 "$MOTO_PID" 2>/dev/null || { cat "$OUT/moto_server.log" >&2; exit 1; }
  sleep 0.5
done
ready || { echo "moto_server did not answer on 127.0.0.1:$PORT" >&2; exit 1; }

echo "==> pytest test/emulator"
rc=0
AWS_ENDPOINT_URL=http://127.0.0.1:$PORT "$VENV/bin/python" -m pytest test/emulator -p no:cacheprovider -q -rs \
  --junitxml=test-reports/integ-local-junit.xml -o junit_suite_name=integ-local || rc=$?
echo "==> not deployed (the emulator cannot run them; see README, \"Deploy to a local emulator\"):"
sed 's/^/    /' "$OUT/not-deployed.txt" 2>/dev/null || true
[ "$rc" -eq 0 ] || { echo "integ:local: FAILED (pytest exit $rc)" >&2; exit "$rc"; }
echo "integ:local: OK in $((SECONDS - start)) s"
