"""Storylines of real news through the real command line: expected alerts found, raised alerts supported.

    python bench/storylines.py CORPUS_DIR [--reader builtin|labels|both] [--min-articles 2]

CORPUS_DIR holds `NAME.txt` articles (first line `date YYYY-MM-DD`) and their labelled facts,
`NAME.gold.json` (the extraction contract's JSON). The articles are grouped into storylines by
parties: one storyline per pair of parties a labelled fact names (imposer and one target, `*`
for "all countries"), holding every article with a fact on that pair; storylines with fewer than
`--min-articles` articles are left out. Each storyline is run on a scratch SQLite file through
the real command line, article by article in publication order (then by name): `tick --now` the
article's morning, then `ingest FILE --now` its noon; between articles, a `tick` a week before and
a day after each pause end the state holds (as the daemon's ticks would); a last `tick` two days
after the last article.

It runs twice: with the built-in reader, and with perfect reading, an `extract.command` (mode
"command") that prints the labelled facts of the article it is handed (this script, run as
`--print-labels CORPUS_DIR`).

**Expected alerts** are read from the labelled facts of the storyline's pair alone, in publication
order, by what a user would expect to be told, not by the rules' own output:

- a `tariff` rate (announced or in force, not threatened) that this (imposer, target, sector) has
  not been stated at before: a new measure or a rate change (alerts `new_rate`, `rate_change`);
- a `pause` of a measure not paused before, or ending more than 7 days from the end known, unless
  it had already ended when the article was published (`pause_started`, `pause_extended`);
- a `lift` of a measure not lifted before (`lifted`);
- `negotiation` or `deal` between parties with no fact of that kind between them in the 30 days
  (talks) or 180 days (a deal) before: later reports of the same talks or deal are not news
  (`talks`, `deal_reached`).

Threats, relief and withdrawals are not expected (a user may or may not want them), but alerts
raised for them count, as every alert raised does. An expected alert is **found** when an alert
of one of its rules was raised on the same imposer, target (one of the fact's targets; every
target is one expected alert) and sector, at its rate (rate alerts), with an end within 7 days
(pauses, when the fact gives one), or between the same parties (or a meeting including them) on
the same day (talks, deals).

A **raised alert is supported** when a labelled fact of one of the storyline's articles published
on or before the alert's news states it: the same imposer, target and sector, and for rate alerts
a tariff at its rate (threatened for `threatened`); for pause alerts and the clock's reminders a
pause ending within 7 days of its end (or a pause at its rate); a lift, relief, talks or deal of
the same parties for the others. An alert raised twice with the same rule, measure and value
counts twice and is reported as a duplicate; an alert of an expected kind that tells no expected
alert (a restatement raised again, say) is reported as unexpected, supported or not.

The last line is one JSON object: per reader, expected, found, raised, supported, duplicates and
the two percentages, over all storylines.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import io
import json
import os
import re
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve()
#: Days either side within which two pause ends are the same end (the contract's scoring allows 7).
END_DAYS = 7
#: Days since the last report within which talks (a deal) between the same parties are the same event.
SAME_EVENT_DAYS = {"negotiation": 30, "deal": 180}
RATE_RULES = ("new_rate", "rate_change")
PAUSE_RULES = ("pause_started", "pause_extended")
_WORDS = re.compile(r"[^0-9a-z]+")


@dataclass(frozen=True, kw_only=True)
class Article:
    """One article of the corpus with its labelled facts."""

    name: str
    path: Path
    day: dt.date
    facts: tuple[dict[str, Any], ...]


@dataclass(frozen=True, kw_only=True)
class Expected:
    """One alert a reader of the labelled facts expects."""

    rules: tuple[str, ...]
    imposer: str
    target: str
    sector: str | None
    rate: float | None
    until: dt.date | None
    parties: tuple[str, ...]
    day: dt.date


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def read_corpus(folder: Path) -> list[Article]:
    """Every article of FOLDER with a labelled-facts file beside it, oldest first."""
    found = []
    for gold in sorted(folder.glob("*.gold.json")):
        name = gold.name.removesuffix(".gold.json")
        text = gold.with_name(f"{name}.txt")
        if not text.exists():
            continue
        first = text.read_text(encoding="utf-8").split("\n", 1)[0].strip()
        if not first.startswith("date "):
            raise SystemExit(f"{text}: line 1: expected 'date YYYY-MM-DD'")
        facts = tuple(json.loads(gold.read_text(encoding="utf-8"))["facts"])
        found.append(Article(name=name, path=text, day=dt.date.fromisoformat(first[5:].strip()), facts=facts))
    return sorted(found, key=lambda a: (a.day, a.name))


def pair_of(imposer: str, target: str) -> tuple[str, str]:
    """The storyline a fact on (imposer, target) belongs to: the two parties, sorted."""
    a, b = sorted((imposer, target))
    return (a, b)


def storylines(articles: Sequence[Article], min_articles: int) -> dict[tuple[str, str], list[Article]]:
    """The articles of each pair of parties, in publication order."""
    lines: dict[tuple[str, str], list[Article]] = {}
    for article in articles:
        pairs = {pair_of(f["imposer"], t) for f in article.facts for t in f["targets"] if t != f["imposer"]}
        for pair in sorted(pairs):
            lines.setdefault(pair, []).append(article)
    return {pair: arts for pair, arts in sorted(lines.items()) if len(arts) >= min_articles}


def _on_pair(fact: dict[str, Any], target: str, pair: tuple[str, str]) -> bool:
    return pair_of(fact["imposer"], target) == pair


def expected_alerts(pair: tuple[str, str], articles: Sequence[Article]) -> list[Expected]:
    """What a user expects to be told by the labelled facts on `pair` (see the module's docstring)."""
    rates: dict[tuple[str, str, str | None], set[float]] = {}
    paused: dict[tuple[str, str, str | None], dt.date | None] = {}
    lifted: set[tuple[str, str, str | None]] = set()
    met: dict[tuple[str, tuple[str, ...]], dt.date] = {}
    out: list[Expected] = []
    for article in articles:
        for fact in article.facts:
            kind, imposer, sector = fact["kind"], fact["imposer"], fact.get("sector")
            if kind in ("negotiation", "deal"):
                parties = tuple(sorted({imposer, *fact["targets"]} - {"*"}))
                if pair_of(*pair) not in {pair_of(a, b) for a in parties for b in parties if a != b}:
                    continue
                seen = met.get((kind, parties))
                met[(kind, parties)] = article.day
                if seen is not None and (article.day - seen).days <= SAME_EVENT_DAYS[kind]:
                    continue
                rule = "talks" if kind == "negotiation" else "deal_reached"
                out.append(
                    Expected(
                        rules=(rule,),
                        imposer=imposer,
                        target="",
                        sector=None,
                        rate=None,
                        until=None,
                        parties=parties,
                        day=article.day,
                    )
                )
                continue
            for target in fact["targets"]:
                if not _on_pair(fact, target, pair):
                    continue
                key = (imposer, target, sector)
                rate, until = fact.get("rate"), _date(fact.get("until"))
                rules: tuple[str, ...] = ()
                if kind == "tariff" and rate is not None and fact.get("status") != "threatened":
                    if rate not in rates.setdefault(key, set()):
                        rates[key].add(rate)
                        lifted.discard(key)
                        rules = RATE_RULES
                elif kind == "pause" and (until is None or until >= article.day):
                    known = paused.get(key, dt.date.min)
                    if key not in paused or (
                        until is not None and (known is None or abs((until - known).days) > END_DAYS)
                    ):
                        paused[key] = until
                        rules = PAUSE_RULES
                elif kind == "lift" and key not in lifted:
                    lifted.add(key)
                    rules = ("lifted",)
                if rules:
                    out.append(
                        Expected(
                            rules=rules,
                            imposer=imposer,
                            target=target,
                            sector=sector,
                            rate=rate if rules == RATE_RULES else None,
                            until=until if rules == PAUSE_RULES else None,
                            parties=(),
                            day=article.day,
                        )
                    )
    return out


def _parties_of_alert(alert: dict[str, Any]) -> tuple[str, ...]:
    return tuple(sorted(alert["key"].split(":")[1].split("+")))


def _alert_pair(alert: dict[str, Any]) -> set[tuple[str, str]]:
    if alert["rule"] in ("talks", "deal_reached"):
        parties = _parties_of_alert(alert)
        return {pair_of(a, b) for a in parties for b in parties if a != b}
    return {pair_of(alert["imposer"], alert["target"])}


def found_by(expected: Expected, alert: dict[str, Any]) -> bool:
    """Whether `alert` tells the user what `expected` says."""
    if not set(alert["rules"]) & set(expected.rules):
        return False
    if expected.parties:
        # The first report is the news: an alert on a later report of the same talks is another alert.
        day = alert["key"].rsplit(":", 1)[-1]
        # A meeting of more parties including these (a summit) tells of their talks too.
        named, wanted = set(_parties_of_alert(alert)), set(expected.parties)
        return (named <= wanted or wanted <= named) and day == expected.day.isoformat()
    if (alert["imposer"], alert["target"], alert["sector"]) != (expected.imposer, expected.target, expected.sector):
        return False
    if expected.rate is not None and alert["rate"] != expected.rate:
        return False
    if expected.until is not None:
        until = _date(alert["until"])
        return until is not None and abs((until - expected.until).days) <= END_DAYS
    return True


def supported(alert: dict[str, Any], articles: Sequence[Article], day: dt.date) -> bool:
    """Whether a labelled fact of an article published by `day` states what `alert` says."""
    rule = alert["rule"]
    for article in articles:
        if article.day > day:
            break
        for fact in article.facts:
            if _states(rule, alert, fact):
                return True
    return False


def _states(rule: str, alert: dict[str, Any], fact: dict[str, Any]) -> bool:
    kind = fact["kind"]
    if rule in ("talks", "deal_reached"):
        wanted = "negotiation" if rule == "talks" else "deal"
        return kind == wanted and tuple(sorted({fact["imposer"], *fact["targets"]} - {"*"})) == _parties_of_alert(alert)
    if (fact["imposer"], fact.get("sector")) != (alert["imposer"], alert["sector"]):
        return False
    if alert["target"] not in fact["targets"]:
        return False
    if rule in RATE_RULES or rule == "threatened":
        threat = fact.get("status") == "threatened"
        return kind == "tariff" and fact.get("rate") == alert["rate"] and threat == (rule == "threatened")
    if rule in (*PAUSE_RULES, "pause_expiring", "pause_expired"):
        if kind != "pause":
            return False
        ends, until = _date(fact.get("until")), _date(alert["until"])
        if ends is not None and until is not None:
            return abs((ends - until).days) <= END_DAYS
        # No end stated on one side: a pause of the measure, at its rate where both give one.
        return None in (fact.get("rate"), alert["rate"]) or fact.get("rate") == alert["rate"]
    wanted = {"lifted": "lift", "relief": "relief"}.get(rule, rule)
    return kind == wanted


# --- running the command line -----------------------------------------------------------------------


def cli(folder: Path, *args: str) -> str:
    """Run `trade-monitor --config FOLDER/config.toml ARGS` in this process; its stdout."""
    from monitor.cli import main

    out, err = io.StringIO(), io.StringIO()
    old = Path.cwd()
    code: int | str | None = 0
    try:
        os.chdir(folder)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            main(["--config", str(folder / "config.toml"), *args])
    except SystemExit as exc:
        code = exc.code
    finally:
        os.chdir(old)
    if code not in (0, None):
        raise RuntimeError(f"trade-monitor {' '.join(args)}: exit {code}: {err.getvalue().strip()}")
    return out.getvalue()


def _config(folder: Path, reader: str, corpus: Path) -> None:
    lines = ['[database]\nurl = "sqlite:///log.db"\n']
    if reader == "labels":
        command = f"{sys.executable} {HERE} --print-labels {corpus}"
        lines.append(f'[extract]\nmode = "command"\ncommand = {json.dumps(command)}\ntimeout_seconds = 60\n')
    (folder / "rules").mkdir()
    (folder / "config.toml").write_text("\n".join(lines), encoding="utf-8")


def run_storyline(articles: Sequence[Article], reader: str, corpus: Path) -> list[dict[str, Any]]:
    """Every alert the storyline raises, as `alerts --format json` gives them, in the order raised."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        _config(folder, reader, corpus)
        ticked = articles[0].day
        for article in [*articles, None]:
            day = articles[-1].day + dt.timedelta(days=2) if article is None else article.day
            # The daemon ticks all the time; here the clock runs on the days it would matter: a week
            # before each pause end (the reminder) and the day after it (the expiry).
            for when in _pause_days(folder, ticked, day):
                cli(folder, "tick", "--now", f"{when.isoformat()}T08:00")
            cli(folder, "tick", "--now", f"{day.isoformat()}T08:00")
            ticked = day
            if article is not None:
                cli(folder, "ingest", str(article.path), "--now", f"{day.isoformat()}T12:00")
        return list(json.loads(cli(folder, "alerts", "--format", "json"))["alerts"])


def _pause_days(folder: Path, after: dt.date, before: dt.date) -> list[dt.date]:
    """The days strictly between `after` and `before` a week before, and a day after, a pause ends."""
    if not (folder / "log.db").exists():
        return []
    measures = json.loads(cli(folder, "state", "--format", "json"))["measures"]
    ends = {dt.date.fromisoformat(m["pause_until"]) for m in measures if m["pause_until"]}
    days = {end + dt.timedelta(days=d) for end in ends for d in (-7, 1)}
    return sorted(d for d in days if after < d < before)


def _news_day(alert: dict[str, Any]) -> dt.date:
    published = [_date(e.get("published")) for e in alert["evidence"]]
    days = [d for d in published if d is not None]
    return max(days) if days else dt.date.fromisoformat(alert["raised_at"][:10])


@dataclass
class Tally:
    """Counts over storylines for one reader."""

    expected: int = 0
    found: int = 0
    raised: int = 0
    supported: int = 0
    duplicates: int = 0
    #: alerts of the expected kinds (rates, pauses, lifts, talks, deals) that tell no expected alert
    unexpected: int = 0

    def figures(self) -> dict[str, Any]:
        """The counts and the two percentages."""
        return {
            "expected": self.expected,
            "found": self.found,
            "found_pct": round(100 * self.found / self.expected, 1) if self.expected else None,
            "raised": self.raised,
            "supported": self.supported,
            "supported_pct": round(100 * self.supported / self.raised, 1) if self.raised else None,
            "duplicates": self.duplicates,
            "unexpected": self.unexpected,
        }


def score(
    pair: tuple[str, str], articles: Sequence[Article], alerts: Iterable[dict[str, Any]], tally: Tally, verbose: bool
) -> None:
    """Add one storyline's expected, found, raised and supported alerts to `tally`."""
    mine = [a for a in alerts if pair in _alert_pair(a)]
    wanted = expected_alerts(pair, articles)
    tally.expected += len(wanted)
    missing = [e for e in wanted if not any(found_by(e, a) for a in mine)]
    tally.found += len(wanted) - len(missing)
    tally.raised += len(mine)
    unsupported = [a for a in mine if not supported(a, articles, _news_day(a))]
    tally.supported += len(mine) - len(unsupported)
    keys = [a["key"] for a in mine]
    tally.duplicates += len(keys) - len(set(keys))
    told = set(RATE_RULES + PAUSE_RULES + ("lifted", "talks", "deal_reached"))
    unexpected = [a for a in mine if a["rule"] in told and not any(found_by(e, a) for e in wanted)]
    tally.unexpected += len(unexpected)
    if verbose:
        print(f"  {'-'.join(pair)}: {len(articles)} articles, {len(wanted)} expected, {len(mine)} raised")
        for e in missing:
            what = e.parties or (e.imposer, e.target, e.sector, e.rate, e.until)
            print(f"    missing {e.rules[0]} {what} ({e.day})")
        for a in unsupported:
            print(f"    unsupported {a['key']} ({_news_day(a)})")
        for a in unexpected:
            print(f"    unexpected {a['key']} ({_news_day(a)})")


# --- the labelled reader -------------------------------------------------------------------------------


def _words(text: str) -> str:
    return _WORDS.sub(" ", text.casefold()).strip()


def print_labels(corpus: Path) -> int:
    """Act as an `extract.command`: print the labelled facts of the corpus article on stdin."""
    text = _words(sys.stdin.read())
    mine = set(text.split())
    best, overlap = None, 0
    for article in read_corpus(corpus):
        body = _words(article.path.read_text(encoding="utf-8").split("\n", 1)[1])
        if body == text:
            best = article
            break
        # Not the same text (the reader is handed it tidied): the article sharing the most words.
        common = len(mine & set(body.split()))
        if common > overlap:
            best, overlap = article, common
    facts = [] if best is None else [{k: v for k, v in f.items() if v is not None} for f in best.facts]
    print(json.dumps({"facts": facts}))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the storylines of a corpus with each reader; the last line printed is the JSON summary."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--reader", choices=["builtin", "labels", "both"], default="both")
    parser.add_argument("--min-articles", type=int, default=2)
    parser.add_argument("--print-labels", action="store_true", help="act as the labelled extract.command")
    parser.add_argument("--verbose", action="store_true", help="name each storyline's misses (not for held-out)")
    args = parser.parse_args(argv)
    corpus = args.corpus.resolve()
    if args.print_labels:
        return print_labels(corpus)
    articles = read_corpus(corpus)
    lines = storylines(articles, args.min_articles)
    readers = ["labels", "builtin"] if args.reader == "both" else [args.reader]
    summary: dict[str, Any] = {"bench": "storylines", "articles": len(articles), "storylines": len(lines)}
    for reader in readers:
        tally = Tally()
        started = time.perf_counter()
        for pair, arts in lines.items():
            score(pair, arts, run_storyline(arts, reader, corpus), tally, args.verbose)
        figures = tally.figures()
        print(
            f"{reader:8s}: {figures['found']}/{figures['expected']} expected alerts found ({figures['found_pct']}%), "
            f"{figures['supported']}/{figures['raised']} raised alerts supported ({figures['supported_pct']}%), "
            f"{figures['duplicates']} duplicates, {figures['unexpected']} unexpected, "
            f"{time.perf_counter() - started:.0f} s"
        )
        summary[reader] = figures
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
