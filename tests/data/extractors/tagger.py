"""A small in-house tagger, as a user would plug one in: our own phrasing in, contract facts out.

It reads "<country> set a <N> percent duty on <demonym> <goods>" sentences. The
publication date comes in $TRADE_MONITOR_PUBLISHED and, when the command says
`--published {published}`, as an argument too; the two must agree. While a file
`outage` in the working folder lists a word the article contains, it fails the
way a model server that is down would; while a folder `callers` is there, it
leaves a file named by its parent's process id in it.
"""

from __future__ import annotations

import json
import os
import re
import sys

COUNTRIES = {"Norway": "NO", "Japan": "JP", "Canada": "CA", "Chile": "CL", "Iceland": "IS"}
DEMONYMS = {"Norwegian": "NO", "Japanese": "JP", "Canadian": "CA", "Chilean": "CL", "Icelandic": "IS"}
GOODS = {"copper": "copper", "steel": "steel", "wine": "agriculture", "cars": "autos"}
SENTENCE = re.compile(
    rf"(?P<imposer>{'|'.join(COUNTRIES)}) set a (?P<rate>\d+(?:\.\d+)?) percent duty on "
    rf"(?P<target>{'|'.join(DEMONYMS)}) (?P<goods>{'|'.join(GOODS)})"
)


def main() -> int:
    text = sys.stdin.read()
    published = os.environ.get("TRADE_MONITOR_PUBLISHED")
    if "--published" in sys.argv and sys.argv[sys.argv.index("--published") + 1] != (published or ""):
        print("tagger: the argument and the environment disagree on the date", file=sys.stderr)
        return 4
    if os.path.isdir("callers"):
        # Who ran it (a worker process, or the command line itself), for the tests to see.
        open(os.path.join("callers", str(os.getppid())), "w").close()
    if os.path.exists("outage"):
        with open("outage", encoding="utf-8") as handle:
            words = handle.read().split()
        if any(word in text for word in words):
            print("tagger: connecting to the model server...", file=sys.stderr)
            print("tagger: model server unavailable (connection refused)", file=sys.stderr)
            return 2
    facts = []
    for sentence in re.split(r"(?<=\.)\s+", text):
        for match in SENTENCE.finditer(sentence):
            facts.append(
                {
                    "kind": "tariff",
                    "imposer": COUNTRIES[match["imposer"]],
                    "targets": [DEMONYMS[match["target"]]],
                    "sector": GOODS[match["goods"]],
                    "rate": float(match["rate"]),
                    "until": None,
                    "effective": published,
                    "status": "announced",
                    "evidence": sentence.strip(),
                }
            )
    print(json.dumps({"facts": facts}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
