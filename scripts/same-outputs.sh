#!/usr/bin/env bash
# Runs two shuangti binaries over the same inboxes and shows that every output is byte-identical:
# terminal text, exit codes, JSON, the weekly/monthly workbooks, feedback lists and templates.
# Usage: scripts/same-outputs.sh OLD_BINARY NEW_BINARY [INBOX ...]
# (default inboxes: samples/inbox and every folder under tests/fixtures). Exit 0 when all match.
set -uo pipefail
old=$1; new=$2; shift 2
cd "$(dirname "$0")/.."
inboxes=("$@")
if [ ${#inboxes[@]} -eq 0 ]; then
  inboxes=(samples/inbox tests/fixtures/ingest tests/fixtures/survey)
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
old=$(realpath "$old"); new=$(realpath "$new")
run_all() { # BIN OUTDIR
  local bin=$1 out=$2 i=0
  mkdir -p "$out"
  for inbox in "${inboxes[@]}"; do
    i=$((i+1)); local o="$out/$i"; mkdir -p "$o"
    "$bin" check "$inbox" --json "$o/check.json" --feedback "$o/feedback" --force >"$o/check.out" 2>"$o/check.err"; echo "$?" >"$o/check.rc"
    for w in 1 2 3 4 5 6 7 8 9 10 11 12 13 20 33; do
      "$bin" weekly "$inbox" --week "$w" -o "$o/reports" --force --json "$o/w$w.json" >"$o/w$w.out" 2>"$o/w$w.err"; echo "$?" >"$o/w$w.rc"
    done
    "$bin" weekly "$inbox" --week 6 --no-mask --as-of 2021-05-14 -o "$o/nomask" --force --json "$o/w6nm.json" >"$o/w6nm.out" 2>&1; echo "$?" >"$o/w6nm.rc"
    for m in 2021-04 2021-05 2021-06 2021-07 2021-12; do
      "$bin" monthly "$inbox" --month "$m" -o "$o/reports" --force --json "$o/m$m.json" >"$o/m$m.out" 2>"$o/m$m.err"; echo "$?" >"$o/m$m.rc"
    done
  done
  "$bin" template -o "$out/tpl" --register samples/inbox/办公室/村居名册.xlsx --force >"$out/tpl.out" 2>&1; echo "$?" >"$out/tpl.rc"
  "$bin" template -o "$out/tpl0" --force >"$out/tpl0.out" 2>&1; echo "$?" >"$out/tpl0.rc"
  "$bin" plan >"$out/plan.out" 2>&1; echo "$?" >"$out/plan.rc"
  "$bin" weekly samples/inbox --week 99 -o "$out/bad" >"$out/bad.out" 2>&1; echo "$?" >"$out/bad.rc"
  "$bin" nosuchcommand >"$out/bad2.out" 2>&1; echo "$?" >"$out/bad2.rc"
}
# The binaries run under one name: clap prints it in usage lines.
mkdir -p "$work/bin-old" "$work/bin-new"
cp "$old" "$work/bin-old/shuangti"; cp "$new" "$work/bin-new/shuangti"
run_all "$work/bin-old/shuangti" "$work/old"
run_all "$work/bin-new/shuangti" "$work/new"
# Paths printed on the terminal name the output folder: make them comparable.
find "$work/old" "$work/new" -type f \( -name '*.out' -o -name '*.err' \) -exec sed -i "s#$work/old#OUT#g; s#$work/new#OUT#g" {} +
n=$(find "$work/old" -type f | wc -l)
if diff -r "$work/old" "$work/new" >"$work/diff.txt"; then
  echo "same-outputs: $n files byte-identical (${#inboxes[@]} inboxes)"
else
  echo "same-outputs: DIFFERENT"; head -50 "$work/diff.txt"; exit 1
fi
