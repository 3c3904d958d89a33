"""An extractor that breaks: a traceback's worth of stderr, then exit status 3."""

from __future__ import annotations

import sys

sys.stdin.read()
for n in range(40):
    print(f"tagger: loading layer {n}", file=sys.stderr)
print("tagger: weights file tagger.bin is missing", file=sys.stderr)
sys.exit(3)
