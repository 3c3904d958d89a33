#!/usr/bin/env python3
"""Rebuild a labelled set of real trade news: articles from public repositories, our labels beside them.

    python tools/corpora/build.py SET OUT_DIR --mirror OWNER/NAME=GIT_DIR [--mirror ...] [--labels a|b]

SET is a folder here. The articles are not ours, so they are not kept: `SET/manifest.tsv` says where each one
is (repository, commit, path, and for a CSV of scraped pages the row whose `text` column holds it, for a JSON
file of one article the field that holds its text) and the sha256 of its text. Each repository must be present
as a git directory (a clone or a bare mirror) named by `--mirror`. The labels are ours, by the extraction
contract: `SET/labels-a.json` (and `labels-b.json` where a second reader labelled the same articles
independently), each fact's evidence kept as a span of the article (`evidence_span`: start and end offsets in
its text), not as the sentence, which would be the article's text. OUT_DIR receives `NAME.txt` (first line
`date YYYY-MM-DD`) and `NAME.gold.json`, the shape `score_extraction.py` reads and `bench/storylines.py
--reader labels` runs.

The sets (docs/extract.md, "Quality and speed"):
- `fresh`: 42 articles (People's Daily Online 2014-2018, BBC 2004-2005), labelled twice (the readers agree
  at F1 0.93). Held out: whoever writes extraction rules must not read these articles or labels.
- `pdlook`: 180 other People's Daily Online articles (2014-2018); open for writing rules. `labels-b.json` is
  a second, independent reading of 60 of them (the readers agree at F1 0.84 there).
- `reuters`: 60 Reuters wire stories of 1987 (the Reuters-21578 collection; a story is found in its SGML file
  by the NEWID in the `row` column). Held out like `fresh`. Two readers labelled it independently
  (`labels-readerA.json`, `labels-readerB.json`; they agree at F1 0.74, most of the gap background mentions of
  an earlier pact) and a third settled each disagreement by the contract: `labels-a.json`, the reference
  (reader A agrees with it at 0.81, reader B at 0.93).
- `rlook`: 180 other Reuters stories of 1987, labelled once; open for writing rules.
- `modern`: 162 articles of 2018-2026 from 145 outlets, labelled by the contract (session 11). They are stored
  web pages, not a repository: `repo` is `pages` and `path` the page's address, and the texts (each the opening
  of its page, as a page store returned it, cut after the last whole sentence) must be collected into a folder
  given by `--pages DIR` as `DIR/NAME.txt`; their sha256 is checked as for the others. The `fold` column: `A`
  (56 articles) was written against in session 11, `B` (52, other outlets) only scored, `C` (54, labelled after
  the rules of that session were written) held out. `labels-b.json` is a second, independent reading of fold B
  (the readers agree at F1 0.95). `--fold A` builds one fold; `--skip-missing` leaves out, and names, the pages a
  page store no longer returns as they were labelled (session 12 recovered 127 of the 162: A 42, B 43, C 42).
- `stack`: 381 articles of 2018-2026 from 378 outlets used nowhere else (dev, modern), 1,052 facts, collected and
  labelled by the contract in session 12 (stored pages, as `modern`; fold `S`). Nobody has written rules
  against it: it is meant for training models that correct the rules (stacking) and, until then, is a clean
  held-out set. The built-in reader scored F1 0.468 on it at the start of session 12 and 0.476 at the end.
  `labels-b.json` is a second, independent reading of 40 of its articles (the readers agree at F1 0.921); 3 of
  its facts quote their sentence loosely, so their `evidence_span` is [0, 0].
  Since session 13 `modern` and `stack` are not rebuilt: the page store returns every page with the condition
  that it is not copied verbatim, and a rebuild checked by sha256 is a verbatim copy. Their manifests and labels
  stay as the record of what was measured; sets whose texts live in public repositories (`allsides` below, and
  those above) are the ones to measure on, since a repository can be fetched again on any machine.
- `allsides`: 243 articles of 2012-2020 (most 2018-2019) from 35 outlets, most of them US (AP, CNN, Fox News,
  NPR, Politico, The Hill, the Guardian, Vox ...), 694 facts, chosen from the Article-Bias-Prediction dataset (one
  JSON file an article; the `row` column names the text field) by a fixed rule (`allsides/choose.py
  --per-outlet 14`): at least three trade words and two tariff, duty or deal words, 150 to 1,300 words, at most
  14 articles an outlet, and no outlet the rules were written against (Reuters, CNBC, Bloomberg, Breitbart).
  Labelled by the contract in session 13. The `fold` column, by outlet: `T` (70 articles, 11 outlets) trained
  the correctors and was then written against (session 13); `H` (173, 24 outlets) is held out: nobody writes
  rules against it.
  `labels-b.json` is a second, independent reading of 40 of its articles (the readers agree at F1 0.865, P
  0.873, R 0.857). The built-in reader scored F1 0.447 on it in session 13 (P 0.466, R 0.429).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import html
import io
import json
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


class HeldOutError(Exception):
    """A source repository or article is missing or differs from the one the labels were written for."""


def _blob(git_dir: str, commit: str, path: str) -> bytes:
    done = subprocess.run(["git", "-C", git_dir, "show", f"{commit}:{path}"], capture_output=True)
    if done.returncode != 0:
        raise HeldOutError(f"{git_dir}: no {path} at {commit}: {done.stderr.decode(errors='replace').strip()}")
    return done.stdout


def _wire_story(sgml: str, newid: str, name: str) -> str:
    """The headline and body of one story of a Reuters-21578 SGML file, by its NEWID: entities decoded,
    control characters and the closing "Reuter" signature dropped."""
    found = re.search(rf'<REUTERS[^>]*NEWID="{re.escape(newid)}"[^>]*>(.*?)</REUTERS>', sgml, re.S)
    if found is None:
        raise HeldOutError(f"{name}: no story NEWID={newid} in its file")
    story = found.group(1)

    def part(tag: str) -> str:
        inner = re.search(rf"<{tag}>(.*?)</{tag}>", story, re.S)
        if inner is None:
            raise HeldOutError(f"{name}: story NEWID={newid} has no <{tag}>")
        plain = re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", "", html.unescape(inner.group(1)))
        return re.sub(r"\s*Reuter\s*$", "", plain.strip())

    return f"{part('TITLE')}\n\n{part('BODY')}\n"


def _json_field(blob: bytes, field: str, name: str) -> str:
    """The text of one article kept as a JSON object, one file an article: the field the `row` column names."""
    try:
        record = json.loads(blob.decode("utf-8"))
    except ValueError as error:
        raise HeldOutError(f"{name}: its file is not JSON ({error})") from error
    text = record.get(field) if isinstance(record, dict) else None
    if not isinstance(text, str):
        raise HeldOutError(f"{name}: its JSON file has no text field {field!r}")
    return text


def article_text(row: dict[str, str], mirrors: dict[str, str], pages: Path | None = None) -> str:
    """The text of one manifest row, checked against its recorded sha256."""
    repo = row["repo"]
    if repo == "pages":
        return _page_text(row, pages)
    if repo not in mirrors:
        raise HeldOutError(f"{row['name']}: no --mirror given for {repo}")
    blob = _blob(mirrors[repo], row["commit"], row["path"])
    if row["path"].endswith(".sgm"):
        text = _wire_story(blob.decode("latin-1"), row["row"], row["name"])
    elif row["path"].endswith(".json"):
        text = _json_field(blob, row["row"], row["name"])
    elif row["row"]:
        data = blob.decode("utf-8")
        csv.field_size_limit(sys.maxsize)
        rows = list(csv.DictReader(io.StringIO(data, newline="")))
        text = rows[int(row["row"])]["text"]
    else:
        text = blob.decode("utf-8")
    if hashlib.sha256(text.encode("utf-8")).hexdigest() != row["sha256"]:
        raise HeldOutError(f"{row['name']}: the text at {repo} {row['path']} differs from the labelled one")
    return text


def _page_text(row: dict[str, str], pages: Path | None) -> str:
    """A stored web page's text, collected by hand into the --pages folder (no repository holds it)."""
    if pages is None:
        raise HeldOutError(f"{row['name']}: a stored page ({row['path']}); give --pages DIR holding {row['name']}.txt")
    try:
        text = (pages / f"{row['name']}.txt").read_text(encoding="utf-8")
    except OSError as error:
        raise HeldOutError(f"{row['name']}: cannot read {pages / (row['name'] + '.txt')} ({error.strerror})") from error
    if hashlib.sha256(text.encode("utf-8")).hexdigest() != row["sha256"]:
        raise HeldOutError(f"{row['name']}: {pages / (row['name'] + '.txt')} differs from the labelled text")
    return text


def _with_evidence(fact: dict[str, object], text: str) -> dict[str, object]:
    span = fact["evidence_span"]
    if not isinstance(span, list) or len(span) != 2:
        raise HeldOutError(f"an evidence_span must be [start, end], got {span!r}")
    start, end = int(span[0]), int(span[1])
    kept = {key: value for key, value in fact.items() if key != "evidence_span"}
    kept["evidence"] = text[start:end]
    return kept


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "set", help="a labelled set: a folder here (allsides, fresh, pdlook, reuters, rlook, modern, stack) or a path"
    )
    parser.add_argument("out", type=Path)
    parser.add_argument("--mirror", action="append", default=[], metavar="OWNER/NAME=GIT_DIR")
    parser.add_argument(
        "--pages", type=Path, help="a folder of NAME.txt texts, for a set of stored web pages (modern)"
    )
    parser.add_argument(
        "--labels", default="a", help="which reading: labels-LABELS.json (a: the reference; b, readerA ...: others)"
    )
    parser.add_argument("--fold", help="only the rows of this fold (the manifest's `fold` column: A, B, C)")
    parser.add_argument(
        "--skip-missing",
        action="store_true",
        help="leave out, and name, stored pages that are missing from --pages or differ from the labelled text "
        "(a page store does not keep every page for ever), instead of stopping at the first",
    )
    args = parser.parse_args()
    mirrors = dict(m.split("=", 1) for m in args.mirror)
    where = HERE / args.set if not Path(args.set).is_dir() else Path(args.set)
    if not (where / "manifest.tsv").is_file() or not (where / f"labels-{args.labels}.json").is_file():
        print(
            f"build.py: {where}: no manifest.tsv or labels-{args.labels}.json"
            " (a set is allsides, fresh, pdlook, reuters, rlook, modern, stack)",
            file=sys.stderr,
        )
        return 2
    labels = json.loads((where / f"labels-{args.labels}.json").read_text(encoding="utf-8"))
    with (where / "manifest.tsv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    args.out.mkdir(parents=True, exist_ok=True)
    try:
        rows = [row for row in rows if row["name"] in labels]  # a second reading may cover part of a set
        if args.fold:
            rows = [row for row in rows if row.get("fold") == args.fold]
        skipped: list[str] = []
        for row in rows:
            try:
                text = article_text(row, mirrors, args.pages)
            except HeldOutError as error:
                if not (args.skip_missing and row["repo"] == "pages"):
                    raise
                skipped.append(str(error))
                continue
            (args.out / f"{row['name']}.txt").write_text(f"date {row['date']}\n\n{text}", encoding="utf-8")
            facts = [_with_evidence(fact, text) for fact in labels[row["name"]]]
            gold = {"facts": facts}
            (args.out / f"{row['name']}.gold.json").write_text(json.dumps(gold, indent=2), encoding="utf-8")
    except HeldOutError as error:
        print(f"build.py: {error}", file=sys.stderr)
        return 1
    for reason in skipped:
        print(f"build.py: skipped {reason}", file=sys.stderr)
    print(f"{len(rows) - len(skipped)} articles written to {args.out} (labels {args.labels})")
    if skipped:
        print(f"{len(skipped)} of {len(rows)} stored pages left out (--skip-missing)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
