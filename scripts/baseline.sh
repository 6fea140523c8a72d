#!/usr/bin/env bash
# Code every corpus the tests code into one folder, with the coding time fixed, so that a
# behaviour-preserving change can be checked byte for byte:
#   scripts/baseline.sh OUT_DIR && diff -r baseline/ OUT_DIR/
# The ruleset_hash column is blanked: it hashes the data files themselves, which a change that
# only moves rules from code into data changes without changing any coding.
set -euo pipefail
out=${1:?usage: scripts/baseline.sh OUT_DIR}
mkdir -p "$out"
export SOURCE_DATE_EPOCH=1700000000
cd "$(dirname "$0")/.."
dev=tests/gold/dev
run() { # name, then coder code arguments
  local name=$1; shift
  coder code "$@" -o "$out/$name" 2>/dev/null || true
}
run seeds.csv corpus
run seeds.jsonl corpus
run seeds_nomerge.csv corpus --no-merge
run dev.csv "$dev/acled_documents.jsonl" "$dev/cameo_documents.jsonl"
run dev_nomerge.csv "$dev/acled_documents.jsonl" "$dev/cameo_documents.jsonl" --no-merge
run examples.csv examples
for f in tests/fixtures/corpus_docs.jsonl tests/fixtures/corpus_docs.csv tests/fixtures/corpus_dir tests/fixtures/corpus_plain; do
  run "fixture_$(basename "$f" | tr . _).csv" "$f"
done
python - "$out" <<'PY'
import csv, sys, pathlib
for path in pathlib.Path(sys.argv[1]).glob("*.csv"):
    rows = list(csv.reader(path.open(encoding="utf-8", newline="")))
    if not rows:
        continue
    col = rows[0].index("ruleset_hash") if "ruleset_hash" in rows[0] else None
    if col is not None:
        for r in rows[1:]:
            r[col] = ""
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)
for path in pathlib.Path(sys.argv[1]).glob("*.jsonl"):
    import json
    lines = [json.loads(l) for l in path.read_text(encoding="utf-8").splitlines() if l.strip()]
    for l in lines:
        l["ruleset_hash"] = ""
    path.write_text("".join(json.dumps(l, ensure_ascii=False, sort_keys=True) + "\n" for l in lines), encoding="utf-8")
PY
# explain output of every dev document's text, one file
python - "$out" "$dev" <<'PY'
import json, subprocess, sys, pathlib
out, dev = sys.argv[1], sys.argv[2]
texts = []
for name in ("acled_documents.jsonl", "cameo_documents.jsonl"):
    for line in open(f"{dev}/{name}", encoding="utf-8"):
        if line.strip():
            d = json.loads(line)
            texts.append((d["text"], (d.get("published") or "")[:10]))
from typer.testing import CliRunner
from coder.cli import app
runner = CliRunner()
with open(f"{out}/explain.txt", "w", encoding="utf-8") as fh:
    for text, date in texts:
        args = ["explain", text] + (["--date", date] if date else [])
        fh.write(runner.invoke(app, args).output)
PY
ls "$out"
