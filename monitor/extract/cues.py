"""The words that signal each kind of fact, a status, or that a statement is not a fact at all.

Every pattern is a flat alternation of words: no nested repetition, so each
runs in time linear in the sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache


def _split_alternatives(pattern: str) -> list[str]:
    parts: list[str] = []
    depth = 0
    current: list[str] = []
    escaped = False
    for char in pattern:
        if escaped:
            current.append(char)
            escaped = False
            continue
        if char == "\\":
            escaped = True
        elif char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append("".join(current))
            current = []
            continue
        current.append(char)
    parts.append("".join(current))
    return [p for p in parts if p]


def bucketed(pattern: str) -> str:
    """The alternation `pattern` regrouped by first letter, so each position is tried once, not once per word."""
    buckets: dict[str, list[str]] = {}
    other: list[str] = []
    for alternative in _split_alternatives(pattern):
        first = alternative[0].lower()
        if first.isalpha() and (len(alternative) == 1 or alternative[1] not in "?*+{"):
            buckets.setdefault(first, []).append(alternative[1:])
        else:
            other.append(alternative)
    groups = [f"{letter}(?:{'|'.join(rests)})" for letter, rests in sorted(buckets.items())]
    return "|".join(other + groups)  # multi-word alternatives first: "auto parts" before "auto"


def lower_pattern(pattern: str) -> str:
    """`pattern` in lower case, leaving escapes such as \\S or \\W as they are."""
    out: list[str] = []
    escaped = False
    for char in pattern:
        out.append(char if escaped else char.lower())
        escaped = not escaped and char == "\\"
    return "".join(out)


def lowered(text: str) -> str | None:
    """`text` in lower case when that keeps every offset (almost always), else None."""
    if len(text) > 200:
        return _lowered_long(text)
    low = text.lower()
    return low if len(low) == len(text) else None


@lru_cache(maxsize=64)
def _lowered_long(text: str) -> str | None:
    # A clause is searched by a few dozen cues in turn: lower-case it once.
    low = text.lower()
    return low if len(low) == len(text) else None


class Cue:
    """A case-blind pattern run on lower-cased text: several times faster than re.I in CPython's engine."""

    def __init__(self, pattern: str, *, bounded: bool = True, needles: tuple[str, ...] = ()) -> None:
        self.needles = needles  # if given, text holding none of these (lower case) cannot match
        body = bucketed(pattern)
        full = rf"\b(?:{body})\b" if bounded else body
        self.regex = re.compile(lower_pattern(full))
        self.blind = re.compile(full, re.I)  # for the rare text whose lower case changes its length

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        """The first match in `text`, or None."""
        # The hottest call of the extractor: lower-casing is inlined rather than delegated to `lowered`.
        size = len(text)
        low: str | None = _lowered_long(text) if size > 200 else text.lower()
        if low is not None and len(low) != size:
            low = None
        if low is None:
            return self.blind.search(text, pos, size if endpos is None else endpos)
        if self.needles and not any(n in low for n in self.needles):
            return None
        return self.regex.search(low, pos, size if endpos is None else endpos)

    def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
        """A match at `pos`, or None."""
        low = lowered(text)
        return self.regex.match(low, pos) if low is not None else self.blind.match(text, pos)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """Every match in `text`."""
        low = lowered(text)
        if self.needles and low is not None and not any(n in low for n in self.needles):
            return iter(())
        return self.regex.finditer(low) if low is not None else self.blind.finditer(text)

    def sub(self, repl: Callable[[re.Match[str]], str], text: str) -> str:
        """`text` with every match replaced (the replacement sees the lower-cased match)."""
        low = lowered(text)
        if self.needles and low is not None and not any(n in low for n in self.needles):
            return text
        if low is None:
            return self.blind.sub(repl, text)
        pieces: list[str] = []
        last = 0
        for m in self.regex.finditer(low):
            pieces.append(text[last : m.start()])
            pieces.append(repl(m))
            last = m.end()
        pieces.append(text[last:])
        return "".join(pieces)


def blind(pattern: str) -> Cue:
    """A case-blind regex (not a word list), run on lower-cased text."""
    return Cue(pattern, bounded=False)


def _words(pattern: str) -> Cue:
    return Cue(pattern)


TARIFF_WORD = Cue(r"tariffs?|duty|duties|levy|levies|surcharges?|penalty|penalties|customs\s+duties|import\s+taxes")
# A cheap first look: a sentence without any of these cannot hold a fact.
_TRADE_HINT_WORDS = (
    r"tarif|dut(?:y|ies)|lev(?:y|ies)|surcharge|penalt|talk|negotiat|deal|agreement|pact|accord|truce|"
    r"exempt|exclu|relief|refund|quit|withdr|abandon|pull|meeting|met with|discussion|round|Partnership|"
    r"reimburse|rebate|retaliat|countermeasure|percent|per cent|%|hit back|hits back|hitting back"
)
TRADE_HINT = Cue(_TRADE_HINT_WORDS, bounded=False)
RATE = Cue(
    r"(?<![\d.,$])(\d{1,3}(?:\.\d{1,2})?)(?:\s|-)?(?:%|percent\b|per\s?cent\b|per-cent\b|pct\b|pc\b)",
    bounded=False,
    needles=("%", "percent", "per cent", "per-cent", "pct", "pc"),
)
ZERO = _words(r"zero[- ]tariffs?|zero\s+duties|tariff-free|duty-free|to\s+zero|at\s+zero|ZERO\s+Tariff")
# A figure right after a verb of change is a statistic ("exports slumped 27%") unless a tariff is what changed.
STAT_VERB_BEFORE = re.compile(
    r"\b(?:fell|falls|fall|rose|rises|dropped|drops|declined|declines|climbed|climbs|gained|gains|jumped|jumps|"
    r"plunged|plunges|plunging|slipped|dipped|grew|grows|up|down|increased|decreased|surged|surges|slumped|"
    r"tumbled|soared|lost|added|expanded|contracted|shrank|slid|sank|eased|edged\s+up|edged\s+down)\s+"
    r"(?:by\s+|to\s+|about\s+|nearly\s+|some\s+|almost\s+|around\s+|roughly\s+|more\s+than\s+|over\s+)?$",
    re.I,
)
# Other words that make a nearby figure a statistic, a forecast or a market number.
STATISTIC_BEFORE = re.compile(
    r"\b(?:contraction|expected|forecast|forecasts|polled|shares|stake|growth|inflation|GDP|revenues?|profits?|"
    r"margin|estimate|estimates|estimated|prices|stocks?|index|yields?|unemployment|deficit|surplus)\W+"
    r"(?:\w+\W+){0,3}$",
    re.I,
)
# An average is a statistic even where the tariff word is right there ("tariffs averaged 17 percent").
AVERAGE_BEFORE = re.compile(
    r"\b(?:averaged|averages|averaging|average\s+of|on\s+average|trade-weighted|weighted)\b[^.;%]{0,40}$", re.I
)
STATISTIC_AFTER = re.compile(
    r"^\W*(?:y/y|year[- ]on[- ]year|from a year|of (?:its|their|the) |stake|share|growth)", re.I
)

DEAL_NOUN = _words(r"deals?|agreements?|pacts?|accords?|memorandums?\s+of\s+understanding|framework")
DEAL_VERB = _words(
    r"reached|struck|signed|concluded|sealed|clinched|finali[sz]ed|inked|agreed\s+to|agreed\s+on|"
    r"announced|made\s+(?=a\b|an\b|the\b|its\b|their\b|his\b)|implementing|solidify|touted|unveiled"
)
TALKS = _words(
    r"talks|negotiations|negotiators|negotiating\s+round|met\s+with|meeting\s+with|discussions|talking\s+to|"
    r"talked|in\s+negotiations|consultations|negotiate\s+with"
)
TALKS_EVENT = _words(
    r"start|started|starts|begin|began|begins|hold|held|holding|kick|kicked|launch|launched|agreed|arrived|"
    r"travelled|traveled|flew|went|convened|gathered|"
    r"round|met|meeting|visit|visited|talked|talking|resume|resumed|opened|had|have\s+had|currently|underway|"
    r"under\s+way|get\s+underway|in\s+negotiations|productive|following|after"
)
WITHDRAW = _words(
    r"quit|quits|quitting|withdrew\s+from|withdrawn\s+from|withdraws\s+from|withdrawing\s+from|withdraw\s+from|"
    r"pulled\s+out\s+of|pulls\s+out\s+of|pull\s+out\s+of|abandoned|abandons|exited|exits|left|leaves|tore\s+up|"
    # "walked away from the talks" is not a withdrawal; only from an agreement named right after.
    r"(?:walked|walks|walk|walking)\s+away\s+from(?=\s+(?:the\s+|a\s+|its\s+)?(?:[\w-]+\s+){0,3}"
    r"(?:agreement|partnership|pact|deal|accord|treaty|tpp|nafta|usmca)\b)"
)
AGREEMENT_NOUN = _words(r"agreements?|partnership|pact|deal|accord|treaty|TPP|NAFTA|USMCA|trade\s+bloc")
MULTILATERAL = _words(
    r"partnership|\d+-nation|multilateral|TPP|CPTPP|WTO|World\s+Trade\s+Organi[sz]ation|Paris|bloc|plurilateral"
)
PAUSE = _words(
    r"pause|paused|pauses|pausing|suspend|suspended|suspends|suspending|suspension|delay|delayed|delays|delaying|"
    r"defer|deferred|defers|deferring|reprieve|truce|hold\s+off|holds\s+off|held\s+off|holding\s+off|postpone|"
    r"postponed|postpones|put\s+off|puts\s+off|putting\s+off|pushed\s+back|pushes\s+back|push\s+back|"
    r"grace\s+period|exemption\s+measure|exemption\s+period|tariff\s+exemption|extension\s+of|"
    r"withdrew\s+the\s+threat|not\s+impose|not\s+introduce|not\s+levy|refrain|extend\s+the|extends\s+the|"
    r"extended\s+the|extend\s+his|extend,|tariff\s+deadline"
)
LIFT = _words(
    r"lift|lifts|lifted|lifting|remove|removes|removed|removing|removal|eliminate|eliminates|eliminated|"
    r"eliminating|scrap|scraps|scrapped|scrapping|cancel|cancels|cancelled|canceled|cancelling|rescind|rescinds|"
    r"rescinded|revoke|revoked|revokes|repeal|repealed|terminate|terminated|drop|drops|dropped|dropping|"
    r"roll\s+back|rolled\s+back|cease|ceases|end\s+the|ended\s+the|ends\s+the|abolish|abolished"
)
RELIEF = _words(
    r"exempt|exempts|exempted|exempting|exemption|exemptions|exclusion|exclusions|exclude|excluded|excludes|excluding|"
    r"reimburse|reimbursement|reimbursements|rebate|rebates|refund|refunds|refunded|relief|offset|eased|ease|"
    r"stacking|carve-?outs?|carve\s+out|carves\s+out|carved\s+out|carving\s+out|"
    r"waiver|waivers|spared|unless\s+companies|unless\s+they"
)
RETALIATION = _words(r"retaliat\w*|hits\s+back|hit\s+back|hitting\s+back|countermeasures|in\s+response|response")
TARIFF_ACTION = _words(
    r"impose|imposes|imposed|imposing|imposition|announce|announces|announced|announcing|announcement|slap|"
    r"slapped|levy|levied|levying|raise|raised|raises|raising|hike|hiked|hikes|increase|increased|increases|"
    r"charge|charges|target|targets|targeted|targeting|retaliat\w*|apply|applies|applied|face|faces|facing|"
    r"subject\s+to|in\s+effect|in\s+place|take\s+effect|takes\s+effect|took\s+effect|went\s+into\s+effect|"
    r"rolling\s+out|threaten|threatened|threatens|warned|warns|consider|considering|maintain|halving|halved|"
    r"doubled|doubles|tripled|quadruples|quadrupled|reduce|reduced|reduces|cut|cuts|lower|lowered|lowering|"
    r"rise|rises|set|total|totals|hit|hits|continue|continues|pay|starting|revealed|implementation|implemented|"
    r"effective|will\s+be|is|are|was|were|remain|remains|vowed|reciprocal|new|additional|extra|punitive"
)
THREAT = _words(
    r"threat|threaten|threatened|threatens|threatening|warn|warned|warns|warning|consider|considering|considered|"
    r"could|might|may(?!\s+\d)|propose|proposed|proposes|vow|vowed|vows|hint|hinted|suggest|suggested|plans?\s+to|"
    r"weighing|weighs|mulling|mulls|eyeing|studying|exploring|floated|floating|"
    r"planning|set\s+to\s+face|would\s+face|if|letters?|possible|potential"
)
IN_EFFECT = _words(
    r"in\s+effect|took\s+effect|went\s+into\s+effect|came\s+into\s+effect|remain|remains|still|already|"
    r"continue|continues|in\s+place|imposed|since|levied|currently|now\s+total|now|original|existing|earlier"
)
# Words that turn a statement into a demand, a wish, a proposal, a condition or a denial.
NOT_A_FACT = _words(
    r"urge|urged|urges|urging|call\s+on|called\s+on|calls\s+on|asked|demand|demanded|demands|pressed|"
    r"wants?\s+to|wanted\s+to|hopes?\s+to|hoping|seek|seeks|seeking|sought|aim\s+to|aims\s+to|goal\s+of|"
    r"toward|towards|eager\s+to|fail|failed|fails|unlikely|would\s+be\s+difficult|scrambling|yet\s+to|"
    r"did\s+not|does\s+not|do\s+not|didn't|doesn't|won't|no\s+longer|never|refused|rejected|denied|"
    r"would\s+not\s+extend|not\s+expecting|before\s+an\s+accord|if\s+a\s+deal|if\s+talks|unless\s+a\s+deal|"
    r"whether|speculat\w*|expects?|expected|continue\s+negotiations|speed\s+up|before\s+\w+ing|"
    r"no\s+(?:new|further|additional|more)"
)
NEGATION = _words(r"not|no|never|didn't|doesn't|won't|wouldn't|neither|nor")
# Commitments not to tax are pauses ("agreed it would not impose tariffs on cars").
NOT_IMPOSE = _words(
    r"(?:would|will|agreed\s+to|agrees\s+to|to)\s+not\s+(?:impose|introduce|levy)|not\s+intend\s+to\s+(?:impose|levy)|"
    r"not\s+to\s+(?:impose|introduce|levy)"
)
# A promise not to tax is a pause only as part of a bargain or for a time ("agreed it would not impose
# ... until August"); a bare "would not impose retaliatory tariffs" is a decision, not a pause.
NOT_IMPOSE_BOUND = _words(
    r"agreed|agrees|agreement|accord|deal|truce|pledged|pledges|committed|commits|promised|promises|vowed|"
    r"guarantees?|guaranteed|assurances?|assured|under\s+the|"
    r"until|before|for\s+now|for\s+the\s+time\s+being|for\s+\d+\s+days|for\s+another|while\s+talks"
)
# Words that put a date as the start of a measure: right before it ("from", "starting") ...
EFFECT_BEFORE = re.compile(
    r"\b(?:effective|starting|start|started|starts|from|beginning|begin|begins|as\s+of|effect\s+on|force\s+on|"
    r"place\s+on|effective\s+from)\s+(?:on\s+|the\s+)?$",
    re.I,
)
# ... or a little before it ("took effect on April 9", "will apply to goods shipped after August 7").
EFFECT_WORD = _words(r"effect|apply|applies|kick\s+in|kicks\s+in|implemented")
UNTIL_WORD = _words(r"until|till|through|expire|expires|expiring|expired|end|ends|ending|deadline|due|by|to\s+end")
MANY_GOODS = _words(
    r"(?:a\s+number|a\s+slew|a\s+range|a\s+host|dozens|hundreds)\s+of\s+other|other\s+products|other\s+goods"
)
THOSE = _words(r"those\s+nations|those\s+countries|both\s+countries|the\s+two\s+countries|they|both\s+sides")

# "tariff talks", "tariff negotiator", "non-tariff barriers": the word names something else.
TARIFF_COMPOUND = Cue(
    r"\b(?:tariff|duty)-free\b|\bnon-?\s?tariffs?\b(?:\s+(?:trade\s+)?barriers)?|\b(?:tariffs?|trade)\s+(?:talks|negotiat\w*|tirade|war|wars|"
    r"dispute|disputes|policy|policies|agenda|revenue|revenues|regime|structure|fight|battle|row|tensions|team|"
    r"chief|envoy|collections|income|receipts)\b|\b(?:average|effective)\s+(?:[\w.]+\s+){0,2}?tariff\s+rates?\b",
    bounded=False,
    needles=("tariff", "trade", "duty"),  # all its words hold one of these
)
# A matrix verb that makes everything after it a wish, a fear, a demand or a condition.
HEAD_BLOCK = _words(
    r"bill|bills|legislation|draft\s+law|lacked|lacks|unlawful|illegal|ruled\s+that|(?:would|will)\s+not\s+(?!impose|introduce|levy)|won't|not\s+accept|reject|rejected|rejects|oppose|opposed|"
    r"opposes|any\s+deal|if|unless|whether|worried|worries|feared|fears|fear|urge|urged|urges|urging|pushed(?!\s+back)|pressed|pressing|"
    r"demand|demanded|demands|asked|asking|wants?|wanted|hopes?|hoped|hoping|refuse|refused|calls\s+for|"
    r"called\s+for|would\s+be\s+difficult|not\s+confident|seeking|seeks|sought|explained|argued|criticized|"
    r"condemned|regrettable"
)
# Under consideration: a threatened tariff, but not yet a lift, relief, pause or deal.
CONSIDERED = _words(
    r"considering|consider|considers|proposal|proposals|proposed|possible|potential|could|might|may(?!\s+\d)"
)
# Verbs that make a tariff a policy statement rather than a topic ("the tariffs would hurt investment").
POLICY_BEFORE = _words(
    r"impose|imposes|imposed|imposing|imposition|announce|announces|announced|announcing|slap|slapped|slapping|"
    r"levy|levied|levying|levelled|leveled|raise|raised|raises|raising|hike|hiked|increase|increased|charge|"
    r"charging|target|targeting|retaliat\w*|threaten|threatened|threatens|warned|warning|considering|maintain|"
    r"maintains|halving|halved|doubled|rolling\s+out|rolled\s+out|revealed|unveiled|reimpose|reimposed|"
    r"reduce|reduced|cut|cuts|lower|lowered|face|faces|facing|subject\s+to|hit\s+by|pay|setting|set|"
    r"apply|applies|applied|extra|additional|new|reciprocal|retaliatory|punitive|sweeping|steep|steeper|"
    r"original|existing|blanket|universal|combined|total"
)
POLICY_AFTER = _words(
    r"take\s+effect|takes\s+effect|took\s+effect|went\s+into\s+effect|came\s+into\s+effect|in\s+effect|"
    r"in\s+place|remain|remains|apply|applies|will\s+be|kick\s+in|kicks\s+in|imposed|levied|announced|"
    r"rise|rises|will\s+rise|will\s+increase|total|totals|already|slapped|starting|effective"
)
