#!/usr/bin/env bash
# npm audit of the frontend's runtime dependencies (what ships inside the app). The audit needs
# the registry's advisory endpoint: where it answers, any advisory fails the run; where it does
# not (offline, or a mirror that refuses the endpoint), this says so plainly and does not fail,
# since nothing could be checked either way.
set -euo pipefail
cd "$(dirname "$0")/../ui"

status=0
report=$(npm audit --omit=dev --json 2>/dev/null) || status=$?

verdict=$(node -e '
  let report;
  try { report = JSON.parse(require("fs").readFileSync(0, "utf8")); } catch { console.log("unreadable"); process.exit(0); }
  const counts = report.metadata && report.metadata.vulnerabilities;
  if (counts && typeof counts.total === "number") {
    console.log(counts.total === 0 ? "clean" : "vulnerable " + counts.total);
  } else {
    const why = (report.error && (report.error.summary || report.error.code)) || report.message || "no report";
    console.log("unreachable " + String(why).split("\n")[0]);
  }
' <<<"$report")

case "$verdict" in
  clean)
    echo "npm audit: no known vulnerabilities in the frontend's runtime dependencies." ;;
  vulnerable*)
    npm audit --omit=dev || true
    echo "npm audit: ${verdict#vulnerable } known vulnerabilities in runtime dependencies (above)." >&2
    exit 1 ;;
  *)
    echo "npm audit: the advisory service could not be asked (${verdict#unreachable }); runtime dependencies not checked here (npm exit status $status)." ;;
esac
