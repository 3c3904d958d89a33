#!/usr/bin/env python3
"""Choose the `allsides` set's articles from a mirror of the Article-Bias-Prediction dataset, by a fixed rule.

    python tools/corpora/allsides/choose.py GIT_DIR [--per-outlet 6] > manifest.tsv

The dataset keeps one article a JSON file (`data/jsons/ID.json`: `source_url`, `date`, `title`,
`content_original` ...). An article is a candidate when it has a date, 150 to 1,300 words, at least three
trade words (tariff, trade war, trade deal, trade talks, trade agreement, trade negotiations, import duties,
retaliation, NAFTA, USMCA) and at least two of tariff, duty or a trade deal, talks or agreement. The
candidates are taken in the order of a hash of their ID (so the choice does not follow the dataset's order),
at most `--per-outlet` an outlet (the site's domain), no headline twice, and none from an outlet the
extraction rules were written against. The outlets are dealt into folds by a hash of their name: `T` (to
write rules against and train correctors on) and `H` (held out). Prints the manifest `build.py` reads; the labels are
written separately, by people or helpers reading the contract, never from this script.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
import unicodedata

# Outlets of the dev articles (lookA) and of the Reuters set (rlook) that extraction rules were written against.
WRITTEN_AGAINST = {"breitbart.com", "cnbc.com", "bloomberg.com", "reuters.com"}
TRADE_WORDS = re.compile(
    r"tariff|trade war|trade deal|trade talks|trade agreement|trade negotiat|import dut|retaliat|NAFTA|USMCA", re.I
)
MEASURE_WORDS = re.compile(r"tariff|dut(?:y|ies)|trade (?:deal|talks|agreement)", re.I)
HEADLINE_STOP = {"the", "a", "an", "of", "to", "in", "on", "and", "for", "is", "as", "with", "at", "by", "its", "it"}
COLUMNS = ("name", "repo", "commit", "path", "row", "sha256", "outlet", "date", "date_basis", "fold")
REPO = "ramybaly/Article-Bias-Prediction"


def outlet_of(record: dict[str, str]) -> str:
    """The outlet as its registrable domain: `money.cnn.com` is `cnn.com`, `www.dailymail.co.uk` stays whole."""
    parts = [part for part in (record.get("source_url") or "").lower().split("/")[0].split(".") if part]
    if len(parts) >= 2:
        return ".".join(parts[-3:] if parts[-1] == "uk" else parts[-2:])
    return re.sub(r"\W+", "", (record.get("source") or "unknown").lower())


def is_candidate(record: dict[str, str]) -> bool:
    """Whether an article passes the rule: dated, of a reasonable length, about trade measures."""
    text = record.get("content_original") or ""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", record.get("date") or ""):
        return False
    if not 150 <= len(text.split()) <= 1300:
        return False
    return len(TRADE_WORDS.findall(text)) >= 3 and len(MEASURE_WORDS.findall(text)) >= 2


def name_of(record: dict[str, str], outlet: str) -> str:
    """outlet-date-headline-words: the set's file name for an article."""
    ascii_title = unicodedata.normalize("NFKD", record.get("title") or "").encode("ascii", "ignore").decode()
    words = [word for word in re.sub(r"[^a-z0-9 ]+", "", ascii_title.lower()).split() if word not in HEADLINE_STOP]
    return "-".join([outlet.split(".")[0], record["date"], *words[:6]])


def _records(git_dir: str) -> tuple[str, list[tuple[str, dict[str, str]]]]:
    """The commit and every (path, record) of data/jsons, read in one `git cat-file --batch`."""
    commit = subprocess.run(["git", "-C", git_dir, "rev-parse", "HEAD"], capture_output=True, text=True, check=True)
    head = commit.stdout.strip()
    listing = subprocess.run(
        ["git", "-C", git_dir, "ls-tree", "-r", "--name-only", head, "data/jsons/"],
        capture_output=True,
        text=True,
        check=True,
    )
    paths = listing.stdout.split()
    batch = subprocess.run(
        ["git", "-C", git_dir, "cat-file", "--batch"],
        input="".join(f"{head}:{path}\n" for path in paths).encode(),
        capture_output=True,
        check=True,
    ).stdout
    found, at = [], 0
    for path in paths:
        line_end = batch.index(b"\n", at)
        size = int(batch[at:line_end].split()[2])
        found.append((path, json.loads(batch[line_end + 1 : line_end + 1 + size])))
        at = line_end + 1 + size + 1
    return head, found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("git_dir", help="a clone or bare mirror of ramybaly/Article-Bias-Prediction")
    parser.add_argument("--per-outlet", type=int, default=6)
    args = parser.parse_args()
    commit, records = _records(args.git_dir)
    candidates = sorted(
        (hashlib.sha256(f"allsides:{record['ID']}".encode()).hexdigest(), path, record)
        for path, record in records
        if is_candidate(record)
    )
    per_outlet: dict[str, int] = {}
    headlines: set[str] = set()
    rows = []
    for _, path, record in candidates:
        outlet = outlet_of(record)
        headline = (record.get("title") or "").strip().lower()
        if outlet in WRITTEN_AGAINST or per_outlet.get(outlet, 0) >= args.per_outlet or headline in headlines:
            continue
        per_outlet[outlet] = per_outlet.get(outlet, 0) + 1
        headlines.add(headline)
        text = record["content_original"]
        fold = "T" if hashlib.sha256(f"allsides-fold:{outlet}".encode()).digest()[0] < 128 else "H"
        rows.append(
            {
                "name": name_of(record, outlet),
                "repo": REPO,
                "commit": commit,
                "path": path,
                "row": "content_original",
                "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
                "outlet": outlet,
                "date": record["date"],
                "date_basis": "the dataset's date field",
                "fold": fold,
            }
        )
    print("\t".join(COLUMNS))
    for row in sorted(rows, key=lambda row: row["name"]):
        print("\t".join(row[column] for column in COLUMNS))
    print(f"{len(rows)} articles from {len(per_outlet)} outlets", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
