"""An extractor whose output breaks the extraction contract in the way its first argument names."""

from __future__ import annotations

import json
import sys

GOOD = {
    "kind": "tariff",
    "imposer": "JP",
    "targets": ["CL"],
    "sector": "copper",
    "rate": 8,
    "until": None,
    "effective": "2025-03-03",
    "status": "announced",
    "evidence": "Japan set an 8 percent duty on Chilean copper.",
}
FAULTS = {
    "kind": {"kind": "embargo"},
    "code": {"targets": ["CL", "XX"]},
    "imposer": {"imposer": "Japan"},
    "sector": {"sector": "toys"},
    "date": {"until": "2025-02-30"},
    "type": {"rate": "eight"},
}

sys.stdin.read()
fault = sys.argv[1]
if fault == "json":
    print('{"facts": [{"kind": "tariff",')
else:
    # The first fact is fine, the second is not: nothing of either may be recorded.
    print(json.dumps({"facts": [GOOD, {**GOOD, **FAULTS[fault]}]}))
