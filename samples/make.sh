#!/usr/bin/env bash
# Regenerates the sample inbox samples/inbox/ (see samples/README.md).
#
#   bash samples/make.sh
#
# 1. `cargo run --example make_samples` writes every .xlsx file, samples/planted.tsv and the generated
#    tables in samples/README.md; files meant to be .xls/.ods are written as xlsx into samples/.stage/.
# 2. LibreOffice converts those to .xls (Excel 97) / .ods next to the others; the intermediates are removed.
# 3. `make_samples --verify` reads every planted cell back with calamine and fails on any mismatch.
#
# The xlsx files are byte-identical between runs. LibreOffice's .xls/.ods output is not (it stamps its own
# metadata), only equivalent: that is expected.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
cd "$root"

soffice_bin="$(command -v soffice || command -v libreoffice || true)"
if [[ -z "$soffice_bin" ]]; then
    echo "make.sh: LibreOffice (soffice) not found; it is needed to write the .xls and .ods samples." >&2
    echo "         install it (e.g. apt-get install libreoffice-calc) and run again." >&2
    exit 1
fi

cargo run --quiet --example make_samples -- "$here"

# A private LibreOffice profile, so a running LibreOffice or a stale lock cannot break the conversion.
profile="$(mktemp -d)"
trap 'rm -rf "$profile" "$here/.stage"' EXIT

while IFS=$'\t' read -r fmt src outdir; do
    [[ -z "${fmt:-}" ]] && continue
    filter="$fmt"
    [[ "$fmt" == xls ]] && filter='xls:MS Excel 97'
    out="$outdir/$(basename "${src%.xlsx}").$fmt"
    rm -f "$out"
    if ! "$soffice_bin" -env:UserInstallation="file://$profile" --headless --convert-to "$filter" \
        --outdir "$outdir" "$src" >"$profile/log" 2>&1 || [[ ! -s "$out" ]]; then
        cat "$profile/log" >&2
        echo "make.sh: LibreOffice did not write $out" >&2
        exit 1
    fi
    echo "converted ${out#"$here/"}"
done <"$here/.stage/convert.tsv"

cargo run --quiet --example make_samples -- --verify "$here"
