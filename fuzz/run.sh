#!/usr/bin/env bash
# Runs one fuzz target for a bounded time: fuzz/run.sh TARGET SECONDS [fuzz|smoke|merge].
# Called by `make fuzz`, `make fuzz-smoke` and `make fuzz-merge` after `cargo fuzz build`; see
# fuzz/README.md. Exits non-zero when the target crashed, ran out of memory or timed out, and
# says where the input that did it is and how to replay it.
#
# The committed corpus (fuzz/corpus/TARGET) is only ever read: libFuzzer writes new inputs to the
# first corpus folder it is given, and that is a folder under $CARGO_TARGET_DIR/fuzz:
#   fuzz   new inputs go to $CARGO_TARGET_DIR/fuzz/corpus/TARGET, emptied first, so every run
#          starts from the committed corpus and spends its time fuzzing, not replaying what
#          earlier runs found; FUZZ_RESUME=1 keeps them, to carry a long run on;
#   smoke  a fresh, emptied folder each time, so `make test` depends on the committed corpus only;
#   merge  adds to fuzz/corpus/TARGET only the inputs of $CARGO_TARGET_DIR/fuzz/corpus/TARGET
#          that reach code the committed corpus does not (libFuzzer -merge=1), for committing.
set -euo pipefail
cd "$(dirname "$0")/.."

target=${1:?usage: fuzz/run.sh TARGET SECONDS [fuzz|smoke|merge]}
seconds=${2:?usage: fuzz/run.sh TARGET SECONDS [fuzz|smoke|merge]}
mode=${3:-fuzz}
fuzz_dir=${CARGO_TARGET_DIR:-$PWD/target}/fuzz
host=$(rustc +nightly -vV | sed -n 's/^host: //p')
binary=$fuzz_dir/$host/release/$target
committed=fuzz/corpus/$target
[[ -x $binary ]] || { echo "fuzz/run.sh: $binary is not built: run make fuzz-build" >&2; exit 1; }
[[ -d $committed ]] || { echo "fuzz/run.sh: no corpus $committed" >&2; exit 1; }

# Memory: libFuzzer fails the run when the process passes 2 GB resident, or when any single
# allocation is over 1 GiB, the most IntakeOptions lets a decoder allocate (max_decode_bytes).
# The malloc limit works through AddressSanitizer's allocator hooks, one reason the targets are
# built with ASan (cargo fuzz's default). Time: one input may take at most `timeout` seconds; a
# photo at the limits takes a few seconds under ASan, a line of text or a JSON answer far less.
case $target in
  photo_intake) max_len=49152 timeout=60 ;; # seeds and found inputs stay under 48 KB
  *) max_len=8192 timeout=10 ;;
esac
flags=(-rss_limit_mb=2048 -malloc_limit_mb=1024 "-timeout=$timeout" "-max_len=$max_len")

artifacts=$fuzz_dir/artifacts/$target
logs=$fuzz_dir/logs
mkdir -p "$artifacts" "$logs"
log=$logs/$target-$mode.log

corpus_size() { find "$1" -type f -printf '%s\n' | awk '{s += $1} END {print int(s / 1024)}'; }

if [[ $mode == merge ]]; then
  # Only found inputs of at most 8 KB are candidates, and only the fewest that reach every
  # code edge the committed corpus does not (-set_cover_merge, edges without hit counts) are
  # kept: the committed corpus stays well under 1 MB and quick to replay in make test.
  found=$fuzz_dir/corpus/$target
  [[ -d $found ]] || { echo "fuzz/run.sh: nothing to merge in $found: run make fuzz first" >&2; exit 1; }
  candidates=$fuzz_dir/merge/$target
  rm -rf "$candidates"
  mkdir -p "$candidates"
  find "$found" -type f -size -8193c -exec cp -t "$candidates" {} +
  before=$(find "$committed" -type f | wc -l)
  "$binary" "${flags[@]}" -use_counters=0 -set_cover_merge=1 "-artifact_prefix=$artifacts/" \
    "$committed" "$candidates" >"$log" 2>&1
  rm -rf "$candidates"
  after=$(find "$committed" -type f | wc -l)
  echo "fuzz-merge $target: $((after - before)) new inputs in $committed" \
    "($after in all, $(corpus_size "$committed") KB)"
  exit 0
fi

case $mode in
  fuzz)
    work=$fuzz_dir/corpus/$target
    [[ ${FUZZ_RESUME:-0} == 1 ]] || rm -rf "$work"
    ;;
  smoke)
    work=$fuzz_dir/smoke/$target
    rm -rf "$work"
    ;;
  *) echo "fuzz/run.sh: unknown mode $mode" >&2; exit 1 ;;
esac
mkdir -p "$work"

status=0
started=$SECONDS
# One process, one job: these machines have two cores and photo intake uses both already.
"$binary" "${flags[@]}" "-max_total_time=$seconds" -print_final_stats=1 \
  "-artifact_prefix=$artifacts/" "$work" "$committed" >"$log" 2>&1 || status=$?

stat() { sed -n "s/^stat::$1: *//p" "$log" | tail -1; }
runs=$(stat number_of_executed_units)
time_s=$(stat average_exec_per_sec)
peak=$(stat peak_rss_mb)
corpus_files=$(find "$committed" -type f | wc -l)
corpus_kb=$(corpus_size "$committed")
found=$(find "$work" -type f | wc -l)
coverage=$(grep -o 'cov: [0-9]*' "$log" | tail -1 || true)
echo "fuzz $mode $target: $((SECONDS - started))s, ${runs:-?} runs, ${time_s:-?} exec/s, peak RSS ${peak:-?} MB," \
  "${coverage:-cov: ?}, committed corpus $corpus_files files / $corpus_kb KB, $found new inputs in $work"

if ((status != 0)); then
  echo "fuzz $mode $target FAILED (exit $status). From $log:" >&2
  grep -E -m1 -A12 'panicked at|ERROR: libFuzzer|ERROR: AddressSanitizer|==ERROR' "$log" >&2 || tail -40 "$log" >&2
  grep -E 'Test unit written to' "$log" >&2 || true
  echo "Replay: $binary <that file>   (minimise: $binary -minimize_crash=1 -runs=10000 <that file>)" >&2
  exit "$status"
fi
