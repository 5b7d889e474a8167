#!/usr/bin/env bash
# Compiles the library with jsii (and the compile task's steps after it) when `.jsii` is missing
# or older than src/ or package.json.
# Shared by the Python checks, which need a current `.jsii` and lib/ but may run on their own
# (`npx projen test`, `npx projen test:wheel`) without `npx projen compile` before them.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [ ! -f .jsii ] || [ -n "$(find src package.json -newer .jsii -print -quit)" ]; then
  JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20 JSII_SILENCE_SUPPORT_WARNING=1 \
    node_modules/.bin/jsii --silence-warnings=reserved-word
  # As the compile task does after jsii (see .projenrc.ts).
  chmod +x lib/cli/main.js
  node scripts/lazy-index.js
  node scripts/pack-lib.js
else
  echo "    .jsii is up to date"
fi
