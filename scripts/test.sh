#!/usr/bin/env bash
# Runs every check of the project on a fresh machine: lint, types, server tests against a real
# PostgreSQL, schema drift, web unit tests, end-to-end tests in headless Chromium.
# The last line is the summary "N passed, N failed".
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/setup.sh"
ensure_chromium

RESULTS="$(mktemp -d)"
trap 'rm -rf "$RESULTS"' EXIT
failed_steps=()

# A step without its own test count (lint, types) counts as one check.
check() {
  local name="$1"; shift
  echo "━━ $name"
  if "$@"; then echo "ok" >"$RESULTS/check-$name"; else echo "fail" >"$RESULTS/check-$name"; failed_steps+=("$name"); fi
}

# Vitest suites report their own test counts through the JSON reporter.
suite() {
  local name="$1" dir="$2"; shift 2
  echo "━━ $name"
  if ! (cd "$dir" && pnpm exec vitest run "$@" --reporter=default --reporter=json --outputFile.json="$RESULTS/suite-$name.json"); then
    failed_steps+=("$name")
    [[ -s "$RESULTS/suite-$name.json" ]] || echo "fail" >"$RESULTS/check-$name"
  fi
}

check lint pnpm lint
check typecheck pnpm -r typecheck
suite server server
suite web-unit web
suite e2e web --config vitest.e2e.config.ts

if ((${#failed_steps[@]})); then echo "Не прошли: ${failed_steps[*]}"; fi
node -e '
  const fs = require("node:fs"), path = require("node:path"), dir = process.argv[1];
  let passed = 0, failed = 0;
  for (const file of fs.readdirSync(dir)) {
    const text = fs.readFileSync(path.join(dir, file), "utf8");
    if (file.startsWith("check-")) text.trim() === "ok" ? passed++ : failed++;
    else {
      // A file that fails before running any test (import error) has no test results of its own.
      const r = JSON.parse(text);
      const brokenFiles = r.testResults.filter((f) => f.status === "failed" && f.assertionResults.length === 0).length;
      passed += r.numPassedTests; failed += r.numFailedTests + brokenFiles;
    }
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
' "$RESULTS"
