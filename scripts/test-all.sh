#!/usr/bin/env bash
# Everything CI runs (`npm test`): type check, build, unit tests, board-API conformance on
# every shared fixture, UI end-to-end tests, desktop-window tests, packaging. Ends with one
# line `N passed, N failed` summed over all of them.
set -u
cd "$(dirname "$0")/.."
passed=0
failed=0
out=$(mktemp -d)

step() { printf '\n==== %s\n' "$1"; }
count() { passed=$((passed + $1)); failed=$((failed + $2)); }

step "type check"
if npm run -s typecheck; then count 1 0; else count 0 1; fi

step "build"
if npm run -s build; then count 1 0; else count 0 1; fi

step "unit tests (vitest)"
npx vitest run --reporter=default --reporter=json --outputFile.json="$out/vitest.json"
if [ -f "$out/vitest.json" ]; then
  read -r p f < <(node -e 'const r=require(process.argv[1]);console.log(r.numPassedTests, r.numFailedTests + (r.numFailedTestSuites||0))' "$out/vitest.json")
  count "$p" "$f"
else
  count 0 1
fi

step "board API conformance (../shared/tools/conformance)"
node scripts/conformance.mjs | tee "$out/conformance.txt"
line=$(grep -E '^conformance: [0-9]+ passed, [0-9]+ failed' "$out/conformance.txt" | tail -1)
if [ -n "$line" ]; then
  count "$(echo "$line" | awk '{print $2}')" "$(echo "$line" | awk '{print $4}')"
else
  count 0 1
fi

step "UI end-to-end (Playwright, e2e/)"
PLAYWRIGHT_JSON_OUTPUT_NAME="$out/e2e.json" npx playwright test --reporter=list,json
if [ -f "$out/e2e.json" ]; then
  read -r p f < <(node -e 'const s=require(process.argv[1]).stats;console.log(s.expected + s.flaky, s.unexpected)' "$out/e2e.json")
  count "$p" "$f"
else
  count 0 1
fi

step "desktop window (Playwright _electron, e2e/electron/)"
PLAYWRIGHT_JSON_OUTPUT_NAME="$out/electron.json" npx playwright test -c playwright.electron.config.ts --reporter=list,json
if [ -f "$out/electron.json" ]; then
  # skipped tests count neither way; the reason (no Electron binary, no display) is printed
  read -r p f < <(node -e '
    const r = require(process.argv[1]);
    const reasons = new Set();
    const walk = (suite) => {
      (suite.suites || []).forEach(walk);
      for (const spec of suite.specs || []) for (const t of spec.tests) for (const a of t.annotations) if (a.type === "skip") reasons.add(a.description);
    };
    walk(r);
    reasons.forEach((why) => console.error(`skipped: ${why}`));
    console.log(r.stats.expected + r.stats.flaky, r.stats.unexpected);' "$out/electron.json")
  count "$p" "$f"
else
  count 0 1
fi

step "packaging (electron-builder --linux dir with a stub Electron, app.asar checks)"
if node scripts/pack-test.mjs; then count 1 0; else count 0 1; fi

rm -rf "$out"
echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
