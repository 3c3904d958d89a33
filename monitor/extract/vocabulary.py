"""Every word list the extractor reads by: the words that signal each kind of fact, a status, a role in a
clause, or that a statement is not a fact at all; and the words news uses for each sector.

Patterns only; what they mean for a fact is decided in the modules that use them.
"""

from __future__ import annotations

import re

from monitor.extract.matching import Cue, blind
from monitor.extract.matching import words as _words

TARIFF_WORD = Cue(
    # A counter-tariff is a tariff of the side answering another's ("Canada's countertariffs on US goods").
    r"counter-?tariffs?|counter-?duties|tariffs?|tariffed|surtax|surtaxes|duty|duties|levy|levies|surcharges?|penalty|penalties|customs\s+duties|import\s+tax(?:es)?|"
    # A tax on goods from abroad is a tariff ("taxes on imported cars", "a tax cut on imported wine"), not a
    # sales or income tax.
    r"tax(?:es)?(?=\s+(?:cuts?\s+|reductions?\s+)?on\s+(?:the\s+|some\s+|all\s+)?(?:imported|imports\b|foreign\b))|"
    # A trade remedy named by its measure rather than its duty: "extended its steel safeguard", "anti-dumping
    # measures on Chinese bicycles". The verb ("to safeguard its interests", "safeguard jobs") is no measure.
    r"(?:anti-?dumping|anti-?subsidy|countervailing|safeguard)\s+measures?|"
    # A provisional duty collected as a deposit: "cash deposits of 25.4%", "anti-dumping deposits of 75.8%" (a
    # bank's deposits are no duty).
    r"(?:cash|security|anti-?dumping|anti-?subsidy|countervailing)\s+deposits?|"
    # ... or bare, where a rate is its size ("imposed deposits of 15.6% to 62.4%").
    # (The figure may lie past the end of the words a rate is read from: "deposits of " then the rate.)
    r"deposits?(?=\s+(?:of|at)\s+(?:up\s+to\s+|between\s+)?(?:\d{1,3}(?:\.\d{1,2})?\s?(?:%|percent|per\s?cent)|$))|"
    r"(?<!to\s)safeguard(?!\s+(?:its|their|the|our|his|her|a|an|domestic|local|national|against|jobs|workers|"
    r"interests|industry|industries|producers|farmers|consumers|supply|supplies|[\w-]+['’]s)\b)"
)
# A cheap first look: a sentence without any of these cannot hold a fact.
_TRADE_HINT_WORDS = (
    r"tarif|dut(?:y|ies)|lev(?:y|ies)|surcharge|surtax|penalt|talk|negotiat|dialogue|counterpart|deal|agreement|pact|"
    r"accord|truce|ceasefire|cease-fire|consultations with|trade consultations|"
    r"exempt|exclu|relief|refund|quit|withdr|abandon|pull|meeting|met with|discussion|round|Partnership|"
    r"reimburse|rebate|retaliat|countermeasure|percent|per cent|%|hit back|hits back|hitting back|import tax|"
    # A reply matching the measure it answers ("China responded in kind"): retaliation without the word.
    r"in kind|"
    r"phone|spoke with|spoke to|speaking with| list|framework|AGOA|leave|leaving|exit|videoconference|video c|"
    r"\dpc\b|\d pc\b|GSP|preferen|delay|suspen|postpon|pause|defer|reprieve|on hold|froze|freez|memorand|met in|"
    # The other names of an agreement a deal is read from ("reached trade understandings", "signed the FTA").
    r"understanding|arrangement|\bFTA|"
    # A trade remedy named by its measure alone: "extended its steel safeguard until 2026".
    r"safeguard|anti-dumping|antidumping"
)
TRADE_HINT = Cue(_TRADE_HINT_WORDS, bounded=False)
RATE = Cue(
    r"(?<![\d.,$])(\d{1,3}(?:\.\d{1,2})?)(?:\s|-)?(?:%|percent\b|per\s?cent\b|per-cent\b|pct\b|pc\b)",
    bounded=False,
    needles=("%", "percent", "per cent", "per-cent", "pct", "pc"),
)
# A rate written in words ("a ten percent tariff", "twenty-five per cent"), as quotes and some outlets write it.
_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
NUMBER_WORDS: dict[str, int] = {
    **{w: i + 1 for i, w in enumerate(_UNITS)},
    **{w: i + 10 for i, w in enumerate(_TEENS)},
    **{w: (i + 2) * 10 for i, w in enumerate(_TENS)},
    "hundred": 100,
}
WORD_RATE = re.compile(
    rf"\b(?:(?:a|one)\s+)?(?:(?P<tens>{'|'.join(_TENS)})(?:[- ](?P<unit>{'|'.join(_UNITS)}))?|"
    rf"(?P<small>{'|'.join((*_UNITS, *_TEENS, 'hundred'))}))[\s-]+(?:percent|per\s?cent|per-cent)\b",
    re.I,
)
# The same for text already in lower case: three times as fast as case-blind. The look-ahead names the letters a
# match opens with, so the engine gives up most positions with one test.
WORD_RATE_LOWER = re.compile(rf"(?=[{''.join(sorted({w[0] for w in ('a', *NUMBER_WORDS)}))}])" + WORD_RATE.pattern)
ZERO = _words(
    # (A non-breaking or Unicode hyphen joins "zero-tariff" as often as the ASCII one does.)
    r"zero[-\u2010\u2011 ]tariffs?|zero\s+duties|to\s+zero|at\s+zero|ZERO\s+Tariff|"
    # A rate that comes down to nothing: "before hitting zero by 2030", "will reach zero in five years".
    r"(?:reach|reaches|reached|reaching|hit|hits|hitting)\s+zero|"
    # "free from tariffs", "free of duty": the same as "tariff-free".
    r"free\s+(?:from|of)\s+(?:(?:all|any)\s+)?(?:tariffs?|duty|duties|customs\s+duties)|"
    r"to\s+0(?=\s?(?:%|percent|per\s+cent))|"
    # "duty-free access", "enter tariff-free" (also written "duty free"); but a "duty-free amount", "quota" or
    # "status" is a relief's limit.
    r"(?:tariff|duty)[-\u2010\u2011 ]free(?!\s+(?:amount|amounts|quota|quotas|status|shop|shops|shopping|allowance|"
    r"limit|threshold|volumes?|portion|allocation|allotment))"
)
# Goods free of duty are a lift only as a change: a time to come or a step taken ("will be tariff-free next year",
# "became duty-free in 2016", "can now enter duty-free", "adopted a zero-tariff policy", "decided to allow
# duty-free imports"). Said of how trade stands ("most goods traded here are tariff-free", "soybeans can be
# shipped there duty-free under the pact"), wanted ("needs tariff-free access") or held already ("already has a
# zero-tariff agreement"), it states no measure taken.
ZERO_CHANGE = _words(
    r"will|shall|"
    # "going to" of the future, not of goods going to a market: "are going to be duty-free", not "exports going to
    # Mexico are duty-free".
    r"going\s+to(?=\s+(?:be|become|get|have|enter|allow|grant|give|make|cut|remove|scrap|end|drop)\b)|"
    r"(?:is|are|was|were)\s+to|to\s+be|now|starting|"
    # A day it starts from: "from July 1", "since 2016", "from next year" (not "goods from Peru").
    r"(?:from|since)(?=\s+(?:the\s+start|the\s+beginning|next|early|mid|late|\d|(?:jan|feb|mar|apr|may|jun|jul|"
    r"aug|sep|sept|oct|nov|dec)[a-z]*\.?\s))|"
    r"become|becomes|became|becoming|turned|implement|implements|implemented|implementing|implementation|"
    r"adopt|adopts|adopted|adopting|accorded|grant|grants|granted|granting|"
    r"allow|allows|allowed|allowing|introduce|introduces|introduced|introducing|decided|decides|decide|decision|"
    r"announce|announces|announced|announcing|reduce|reduces|reduced|reducing|cut|cuts|cutting|lower|lowers|"
    r"lowered|lowering|slashed|eliminated|removed|extend|extends|extended|extending|offered|"
    r"start|starts|started|begin|begins|began|begun|received|receives|receive|gets|got|given|gives|gave|"
    r"let|lets|letting|permit|permits|permitted|opened|opens|launch|launched|launches|"
    # A rate that comes down to nothing has changed by its own words: "before hitting zero by 2033".
    r"(?:reach|reaches|reached|reaching|hit|hits|hitting)\s+zero"
)
# A figure that is a share of the goods made free of duty, not a rate removed: "96 percent of Australian goods
# will be duty-free", "88.5 percent of Peru's imports from Chile", "85% of tariff lines".
LIFTED_SHARE_AFTER = blind(
    r"^\s*of\s+(?:(?:the|all|its|their)\s+)?(?:[\w.'’-]+\s+){0,2}?(?:goods|imports|exports|products|items|"
    r"shipments|trade|tariff\s+lines|lines)\b"
)
ZERO_STATE = _words(r"already|needs?|needed")
# Duty-free treatment itself cut back: "a cut in duty-free allowances", "curbs on duty-free imports". Fewer goods
# go in free of duty: the opposite of a lift.
ZERO_CUT_BEFORE = blind(
    r"\b(?:reductions?|cuts?|curbs?|limits?|restrictions?|caps?)\s+(?:in|on|to|of)\s+(?:(?:the|its|their)\s+)?"
    r"(?:[\w-]+\s+){0,3}?(?:for\s+)?$"
)
# A figure right after a verb of change is a statistic ("exports slumped 27%") unless a tariff is what changed.
STAT_VERB_BEFORE = blind(
    r"\b(?:fell|falls|fall|rose|rises|dropped|drops|declined|declines|climbed|climbs|gained|gains|jumped|jumps|"
    # ("up to 35% tariffs" is the ceiling of a rate, not a figure that went up.)
    r"plunged|plunges|plunging|slipped|dipped|grew|grows|(?:is|are|was|were|been|be)\s+up|up(?!\s+to\s)|down|increased|decreased|surged|surges|"
    r"slumped|"
    r"tumbled|soared|lost|added|expanded|contracted|shrank|slid|sank|eased|edged\s+up|edged\s+down|"
    # The bare verb after a modal or "to" ("costs will rise 25%", "sales could drop 10%"): the same test of what
    # changed applies ("the tariff will rise to 25%" is a fact); after a relative pronoun ("25% on cabinets,
    # which will increase to 50%") what changes is the rate before it.
    r"(?<!\bwhich\s)(?<!\bthat\s)(?:will|would|could|may|might|should|can|to)\s+(?:rise|drop|decline|climb|gain|jump|"
    r"plunge|slip|dip|grow|increase|decrease|surge|slump|tumble|soar|shrink|sink|slide))\s+"
    r"(?:by\s+|to\s+|about\s+|nearly\s+|some\s+|almost\s+|around\s+|roughly\s+|more\s+than\s+|over\s+)?$"
)
# Words that start another clause between a tariff word and a verb of change, so that the tariff is not its
# subject ("tariffs hurt carmakers, whose costs will rise 25%").
TARIFF_SUBJECT_BREAK = blind(
    r"\b(?:which|that|who|whose|where|when|while|whereas|but|because|since|after|as|if|although|though)\b|"
    r"\b(?:said|says|say|hit|hits|hurt|hurts|cost|costs|made|make|makes|forced|pushed)\b|[;:]"
)
# A relative clause set off by commas right before the verb of change: its words are no part of the subject
# ("exports to the US, which face a 15% tariff, fell 10.1%").
RELATIVE_ASIDE_END = blind(r",\s*(?:which|who|that)\s[^,;]{1,80},\s*$")
# A comma and a conjunction that joins two clauses: a tariff before it is not the subject of a verb after it.
CLAUSE_JOIN = blind(r",\s*(?:and|but|while|whereas|so|yet)\s")
# Other words that make a nearby figure a statistic, a forecast or a market number.
STATISTIC_BEFORE = blind(
    r"\b(?:contraction|expected|forecast|forecasts|polled|shares|stake|growth|inflation|GDP|revenues?|profits?|"
    r"margin|estimate|estimates|estimated|prices|stocks?|index|yields?|unemployment|deficit|surplus)\W+"
    r"(?:\w+\W+){0,3}$|"
    # A pace of change: "has grown at a gentler rate of 5 percent", "expanding at an annual pace of 3%".
    r"\b(?:grow|grows|grew|grown|growing|expand|expands|expanded|expanding|rise|rises|rose|risen|rising|fall|falls|"
    r"fell|fallen|falling|increase|increases|increased|increasing|surge|surges|surged|surging|climb|climbs|climbed|"
    r"climbing)\s+at\s+(?:a|an)\s+(?:(?:[\w-]+\s+){0,2}(?:rate|pace)\s+(?:of\s+)?(?:about\s+|around\s+|nearly\s+)?|"
    # "surging at a 4.3% rate", "growing at an annual 3% pace": the figure inside the pace.
    r"(?:annual\s+|annualized\s+|yearly\s+)?)$"
)
# An average is a statistic even where the tariff word is right there ("tariffs averaged 17 percent").
AVERAGE_BEFORE = blind(
    r"\b(?:averaged|averages|averaging|average\s+of|on\s+average|trade-weighted|weighted)\b[^.;%]{0,40}$"
)
# A comparison bounds a set of rates without stating one ("all tariffs below 2%"); "up to", "as high as" and
# "at least" state the rate the measure reaches (the contract's "up to 50%").
BOUND_BEFORE = blind(r"\b(?:above|below|under|less\s+than|lower\s+than|exceeding)\s+$")
# A rate named to compare with ("30%, lower than the 39 percent tariff announced in April", "15%, much lower
# than an average rate of 39 percent elsewhere"): the yardstick, not a rate the sentence states; but one with
# goods of its own ("lower than the 35% rate on other goods") is another measure in force.
COMPARED_OWN_GOODS_AFTER = blind(r"^\s*(?:(?:rate|tariffs?|duty|duties|levy|levies)\s+)?(?:on|for)\s")
COMPARED_BEFORE = blind(
    r"\b(?:lower|higher|less|greater)\s+than\s+(?:the|a|an|its|their|that|those)\s+(?:[\w'’-]+\s+){0,4}?(?:of\s+)?$"
)
# The size of a change, not a rate: "will raise tariffs on Thai rice by 5 percent" (the rate it reaches is unsaid).
# Verbs of raising and cutting a tariff, with their inflections.
_RAISE_OR_CUT = (
    r"raise|raises|raised|raising|increase|increases|increased|increasing|hike|hikes|hiked|hiking|cut|cuts|"
    r"cutting|reduce|reduces|reduced|reducing|lower|lowers|lowered|lowering"
)
# A tariff that "dropped by 40 percent" or was "slashed by half" moved by that much, as one cut by it did.
CHANGE_BY_BEFORE = blind(
    rf"\b(?:{_RAISE_OR_CUT}|slash|slashes|slashed|slashing|drop|drops|dropped|dropping|fall|falls|fell|falling|"
    r"decline|declines|declined|declining|decrease|decreases|decreased|decreasing|rise|rises|rose|rising|"
    r"trim|trims|trimmed|trimming)\b[^,;%]{0,60}?\bby\s+"
    # The size may be a range or an average: "cut tariffs by 5 to 50 pct", "by between 5 and 20 percent", "by up
    # to 30 percent", "by an average of 7.7 percent".
    r"(?:(?:up\s+to|as\s+much\s+as|about|around|some|nearly|almost|roughly|approximately|more\s+than|over|"
    r"less\s+than|an\s+average(?:\s+of)?|an?\s+)\s*)?"
    r"(?:between\s+)?(?:\d{1,3}(?:\.\d{1,2})?\s*(?:%|pct|percent|per\s?cent)?\s*(?:to|and|-|–)\s*)?$"
)
STATISTIC_AFTER = blind(
    # ("of the customs value", "of the truck's value", "of the goods' value" is how an ad valorem duty is stated,
    # not a share.)
    r"^\W*(?:y/y|year[- ]on[- ]year|from a year|of (?:its|their|the) (?!(?:[\w'’-]+\s+){0,2}value\b)|"
    r"stake|share|growth|"
    # A rate of something other than a duty: "a 40 pct rate of reliance on imports", "a 4% rate of inflation".
    r"rate\s+of\s+(?!(?:the\s+|an?\s+)?(?:[\w-]+\s+)?(?:duty|duties|tariffs?|levy|levies|tax|taxation|protection)\b)|"
    # A share of tariffs or trade, and the size of a change, are not rates: "91 percent of tariffs",
    # "a 10% reduction in tariffs".
    # ("25 percent of tariff on steel", singular and bare, is how some outlets state a rate.)
    r"of\s+(?:all\s+)?(?:tariffs|tariff\s+lines|trade|goods|imports|exports|products|items)\b|"
    # So is a share of a side's economy, however the noun is qualified: "0.3% of America's gross domestic product".
    r"of\s+(?:(?!(?:tariffs?|duty|duties|levy|levies|on|for)\s)[\w.'’-]+\s+){0,3}?(?:gdp|gross\s+domestic\s+product|economy|output)\b|"
    r"(?:reduction|cut|increase|rise|hike|drop|decrease|jump|fall)\s+in\b|"
    # A pace is no rate: "rising by about 6 percent per year", "lowered at about 2 percent each year".
    r"(?:per|each|every)\s+(?:year|annum|month)\b|a\s+(?:year|month)\b(?!\s+(?:later|earlier|ago|from))|"
    r"annually\b|yearly\b|"
    # A figure of comparison: "growing 714 percent faster than", "20% cheaper than".
    r"(?:faster|slower|cheaper|dearer|bigger|larger|smaller)\b)"
)
# A figure written with its sign ("S&P 500 SPX, +0.07%", "futures -0.14%") is a move of a price or an index,
# as market tables print them: a tariff rate is never signed (contract: market moves are no facts).
SIGNED_FIGURE_BEFORE = re.compile(r"(?:^|[\s,(\[])[+\u2212-]$")
# A figure in a second conjunct whose verb is left out ("Boeing was off 5.3% and Caterpillar 5.7%"): the elided
# verb is the one of the figure before it, so the figure is what that one is; the gap names a subject only.
GAPPED_CONJUNCT = re.compile(r"\s*,?\s+and\s+(?:[A-Z][\w&.'’-]*\s+){1,3}$")
# The perfect conditional states what did not happen ("tariffs that would have reached 25 percent", "a plan that
# would have led to lower tariffs"): a counterfactual tariff is no measure threatened or taken ("would have to
# impose" is an obligation, not a counterfactual).
COUNTERFACTUAL_BEFORE = blind(
    r"\b(?:would|could|might)(?:n['’]t|\s+not)?\s+have\s+(?!to\b)(?:[\w-]+\s+){1,4}?(?:[\w%.-]+\s+){0,2}$"
)
# A share of one side's goods after a figure ("90 per cent of Argentine goods", "60% of US exports"): how much
# of the trade a measure covers, not its rate; "of Chinese goods' value" is still how a rate is stated.
SHARE_OF_GOODS_AFTER = blind(
    # (a side named in the possessive is one of the words: "20% of Canada's exports")
    r"^\W*of\s+(?:[\w.'’-]+\s+){1,2}?(?:goods|imports|exports|products|items|shipments)\b(?!['’])"
)

DEAL_NOUN = _words(r"deals?|agreements?|pacts?|accords?|memorandums?\s+of\s+understanding|framework")
DEAL_VERB = _words(
    # (An agreement "renegotiated", in the past, is a new deal concluded: "has renegotiated its trade pact".)
    r"reached|struck|signed|concluded|sealed|clinched|finali[sz]ed|inked|agreed\s+to|agreed\s+on|re-?negotiated|"
    r"announced|announcing|signing(?!\s+of\b)|made\s+(?=a\b|an\b|the\b|its\b|their\b|his\b)|implementing|solidify|touted|unveiled|ratified|"
    # British usage takes the agreement as a direct object: "the two sides agreed a trade deal".
    r"agreed(?=\s+(?:a|an|the|their|its)\s+(?:[\w-]+\s+){0,3}?(?:deal|agreement|pact|accord|framework)\b)"
)
# "Met with" a reaction, or in the passive, is how something was received, not a meeting: "the tariffs were
# met with an outcry", "exports have met with a hurdle".
_RECEPTION = (
    r"outcry|criticism|opposition|resistance|skepticism|scepticism|protests?|hurdles?|obstacles?|setbacks?|"
    r"frustration|anger|dismay|concerns?|approval|applause|silence|success|reception|responses?|reactions?|"
    r"backlash|derision|condemnation|disappointment|hostility|suspicion|resentment|fury|outrage|alarm|"
    r"indifference|enthusiasm|difficult(?:y|ies)|problems?|challenges?|retaliation|countermeasures|scorn|ridicule"
)
_MET_WITH = (
    r"met(?<!\bbe\smet)(?<!\bbeen\smet)(?<!\bbeing\smet)(?<!\bwas\smet)(?<!\bwere\smet)(?<!\bis\smet)"
    r"(?<!\bare\smet)\s+with(?!\s+(?:[\w-]+\s+){0,2}?(?:" + _RECEPTION + r")\b)"
)
# A round of multilateral trade talks (GATT, WTO): a negotiation of a side with every member (targets `*`).
# A round named after the place it was launched ("the Uruguay round", "launched in Punta del Este, Uruguay")
# does not make that place a side.
_GATT = (
    r"GATT|WTO|general\s+agreement\s+on\s+(?:tariffs\s+and\s+trade|trade\s+and\s+tariffs)|"
    r"world\s+trade\s+organi[sz]ation"
)
_TRADE_ROUND = (
    r"(?:uruguay|doha|tokyo|kennedy|dillon)\s+(?:trade\s+)?round|"
    r"round\s+of\s+(?:the\s+)?(?:" + _GATT + r"|(?:global|world|multilateral|world\s+trade|global\s+trade)\s+"
    r"(?:trade\s+)?(?:talks|negotiations))|"
    r"(?:" + _GATT + r")\s+(?:trade\s+)?(?:talks|negotiations|round|trade\s+round|ministerial)|"
    # (A meeting of one of its bodies, "a meeting of the WTO General Council", is its business, not a round.)
    r"(?:meeting|session|ministerial|conference)\s+of\s+(?:the\s+)?(?:" + _GATT + r")"
    r"(?!\s+(?:general\s+)?(?:council|committee|body|panel|secretariat|members)\b)|"
    r"multilateral\s+trade\s+negotiations|(?<=\bnew\s)round\s+of\s+(?:global\s+|world\s+|multilateral\s+)?trade\s+talks"
)
TRADE_ROUND = _words(_TRADE_ROUND)
# A round named only as "a new round of trade talks" names no multilateral forum: between two sides the clause
# names ("the US and China planned a new round of trade talks") it is a round of their own talks.
PLAIN_ROUND = re.compile(r"round\s+of\s+trade\s+talks", re.IGNORECASE)
ROUND_PLACE = _words(r"uruguay|punta\s+del\s+este|doha|qatar|geneva|switzerland")
# Those spoken to who are no side in talks: "talking to reporters", "had talked to many people".
_AUDIENCE = (
    r"(?:many\s+|some\s+|other\s+)?(?:reporters|journalists|newsmen|people|students)|the\s+(?:press|media)|"
    r"an?\s+audience|"
    # A news outlet interviewing: "talking to Fox News", "talked to CNBC".
    r"[\w.-]+\s+(?:news|tv|television|radio)|cnn|cnbc|msnbc|bloomberg|fox|an?\s+(?:newspaper|interviewer|reporter)"
)
TALKS = _words(
    # (A closing quote may stand after the noun: 'an "extended meeting" with Xi'.)
    r"talks|negotiations|negotiators|negotiating\s+round|" + _MET_WITH + r"|meeting[\x22\u201d\u2019]?\s+with|"
    r"discussions|"
    # The singular names talks too ("launched the FTA negotiation"), not a way of dealing ("a negotiation tactic").
    # (The determiner is looked behind, so that the list still opens with its own words: a gate for the reader.)
    r"(?:(?<=\bthe\s)|(?<=\ban\s)|(?<=\ba\s)|(?<=\bfta\s)|(?<=\btrade\s)|(?<=\bbilateral\s))"
    r"negotiation(?!\s+(?:tactics?|tools?|leverage|strateg(?:y|ies)|chips?|"
    r"skills?|power|positions?|stance|table|ploy|process)\b)|"
    r"talking\s+to(?!\s+(?:" + _AUDIENCE + r")\b)|"
    # "Talked" holds talks with someone ("talked with Lima's envoy"), not "talked at length about tariffs" or
    # "a trader who talked anonymously".
    r"talked(?=\s+(?:[\w-]+\s+){0,2}?(?:with|to)\b)(?!\s+(?:with|to)\s+(?:" + _AUDIENCE + r")\b)|"
    r"in\s+negotiations|consultations|negotiate\s+with|(?:re-?)?negotiating\s+with|meet\s+with|delegation|"
    r"dialogue\s+with|talks\s+with|" + _TRADE_ROUND + r"|"
    # The verb with the agreement as its object: "are negotiating a trade pact", "negotiating the new deal" (a name
    # may take four words before its noun: "the North American Free Trade Agreement"; or be the acronym alone).
    r"(?:re-?)?negotiating\s+(?:(?:a|an|the|their|its|new)\s+(?:[\w-]+\s+){0,4}?(?:agreement|deal|pact|accord|treaty)|"
    r"(?:the\s+)?(?:nafta|usmca|tpp))\b|"
    # (Not denied: "is not negotiating".)
    r"(?:is|are|was|were|been)\s+(?:(?!not\b|never\b)\w+\s+)?(?:re-?)?negotiating|"
    # A deal in the making: "the pact under negotiation", "NAFTA, which is under renegotiation".
    r"under\s+(?:re-?)?negotiation|"
    # The passive of the verb: "the pact being negotiated between 12 countries", "is being renegotiated by".
    r"being\s+(?:re-?)?negotiated|"
    # Sides discussing with each other: "the two leaders discussed a trade deal", "are discussing a partial deal"
    # (a meeting word: it needs trade in its clause, and both sides named).
    r"(?:also\s+)?discussed(?!\s+(?:in|by|at|during|within)\b)|(?:is|are|was|were|been)\s+(?:\w+\s+)?discussing|"
    # A meeting of the sides' trade officials: "trade ministers from Chile and Peru met in Lima".
    r"(?:trade|commerce|economy|economic)\s+(?:ministers|officials|negotiators|envoys|chiefs)\s+(?:from|of)\s+"
    r"[^.;]{0,60}?\b(?:met|meet|meets|meeting)|"
    # A call between officials is a round of talks: "held a phone call with", "spoke by telephone with",
    # "spoke with Chinese trade officials" (but not "spoke with reporters").
    r"(?:phone|telephone)\s+(?:call|calls|conversation|conversations)|video\s*conferences?|video\s+calls?|"
    r"virtual\s+meetings?|"
    # "will meet in Seoul next week to discuss tariffs": a meeting named by its purpose.
    r"(?:met|meet|meets)\s+[^.;]{0,40}?\bto\s+(?:discuss|negotiate|review)|"
    r"(?:spoke|speaks|speaking|talked)\s+(?:\w+\s+)?by\s+(?:tele)?phone\s+(?:with|to)|"
    r"(?:spoke|speaks|speaking)\s+(?:with|to)\s+(?:the\s+|his\s+|her\s+|their\s+|its\s+)?(?:[\w.-]+\s+){0,2}"
    r"(?:officials|counterparts?|negotiators|ministers?|trade\s+representative)|"
    r"(?:met|meet|meets|meeting)\s+(?:with\s+)?(?:their|his|her|its|the)\s+(?:[\w-]+\s+){0,2}"
    r"(?:counterparts?|negotiators|delegation)"
)
TALKS_EVENT = _words(
    r"start|started|starts|begin|began|begins|hold|held|holding|kick|kicked|launch|launched|agreed|arrived|"
    r"initiated|initiate|initiates|"
    r"travelled|traveled|flew|went|convened|gathered|"
    # (A round of tariffs or sanctions is no round of talks.)
    r"round(?!\s+of\s+(?:[\w-]+\s+)?(?:tariffs?|duties|levies|sanctions|retaliation|increases|hikes)\b)|"
    r"met|meeting|visit|visited|talked|talking|resume|resumed|opened|had|have\s+had|currently|underway|"
    r"under\s+way|get\s+underway|in\s+negotiations|productive|travel|travels|traveling|"
    r"travelling|led|leads|leading|continues|continued|embarking|embarked|intensify|intensified|"
    r"took\s+place|take\s+place|taking\s+place|taken\s+place|continue|will\s+continue|"
    # A call held, and talks measured in time ("after two hours of talks with Xi in Busan", "three days of
    # negotiations in Lima"), took place.
    r"conducted|carried\s+out|spoke|speaking|phone|telephone|(?:hours|days|weeks|months)\s+of|will\s+meet|"
    r"to\s+discuss|lead|"
    # Talks begun: "entered into negotiations".
    r"entered|enter|enters|entering|"
    # A delegation sent to talk: "sent a delegation to Lima".
    r"sent|sends|send|dispatched|"
    # The verb itself, finite, reports talks under way: "is negotiating with", "negotiated with".
    r"(?:is|are|was|were|been)\s+(?:\w+\s+)?(?:re-?)?negotiating|negotiates|negotiated|discussed|discussing|"
    # The progressive with a phrase between ("is in the middle of renegotiating", "are hard at work negotiating"),
    # and a deal said to be under negotiation: talks going on.
    r"(?:is|are|was|were)\s+(?:(?!not\b|never\b)[\w’'\x22\u201c\u201d-]+\s+){1,4}?(?:re-?)?negotiating"
    r"(?=\s+(?:a|an|the|their|its|our|new|with)\b)|"
    r"under\s+(?:re-?)?negotiation|"
    r"being\s+(?:re-?)?negotiated|"
    # Progress being made in them: "progress was being made in trade talks with Ottawa".
    r"progress[\x22\u201d]?\s+(?:is\s+|was\s+|has\s+been\s+|had\s+been\s+)?(?:being\s+)?made|making\s+(?:\w+\s+)?progress|"
    # Talks going on, said of their sides: "are in talks over a trade pact", "remain in talks with".
    # (Not "progress in talks", which speaks of talks named elsewhere.)
    r"(?:is|are|was|were|been|be|remain|remains|remained)\s+(?:\w+\s+)?in\s+(?:[\w-]+\s+){0,2}?talks|"
    # Talks opened, the verb in any tense: "open talks with", "opens trade negotiations on Monday" (not the
    # adjective: "is open to talks", "open for negotiations").
    r"(?:open|opens|opening)\s+(?!(?:to|for)\b)(?:[\w-]+\s+){0,2}?(?:talks|negotiations|discussions|consultations)"
)
# Talks named only as the background of something else ("secured after months of talks", "during their
# talks", "an official familiar with the negotiations") or as having failed are not a negotiation fact.
TALKS_BACKGROUND = blind(
    r"\b(?:after|following|follow|follows|followed|during|familiar\s+with|amid|since|ahead\s+of|before)\s+"
    r"(?:[\w-]+\s+){0,6}$|"
    # Talks measured in time may be described by adjectives in a list ("after weeks of bitter, drawn-out talks").
    r"\b(?:after|following|follow|follows|followed|amid)\s+(?:[\w-]+\s+){0,3}?of\s+(?:[\w-]+,\s+){1,3}(?:[\w-]+\s+){0,2}$"
)
# "Since" with a time and then the sentence's own subject and perfect verb opens the main clause, not a
# background phrase: in "Since June the envoy has been leading talks with Lima" the talks are the point.
TALKS_SINCE_PERFECT = blind(
    r"\bsince\s+(?:[\w-]+\s+){1,4}?(?:has|have|had)\s+(?:been\s+)?(?:[\w-]+ing\s+|held\s+|opened\s+)?$"
)
# Talks named as the means of settling something ("resolve the dispute through dialogue and negotiations",
# "settle differences via consultations"): a way of doing it, not talks held. "Through these talks" refers back to
# talks held.
TALKS_MEANS_BEFORE = blind(
    r"\b(?:through|via|by\s+means\s+of)\s+(?!(?:the|these|those|this|that|its|their|his|her)\b)"
    r"(?:[\w-]+\s+){0,3}$"
)
# Talks only recommended, wished for or offered are not held: "the two sides should discuss it in
# negotiations", "expressed its willingness to resume talks", "there's hope that talks could ...", "calling on
# Washington to enter into talks". (Only for talks: "is ready to impose tariffs" is a threat, a fact.)
TALKS_UNREAL = _words(
    r"should|ought\s+to|must|need\s+to|needs\s+to|willing|willingness|ready\s+to|readiness|prepared\s+to|"
    r"about\s+to|hope|hopes|hoped|prospect|prospects|possibility|suggest|suggests|suggested|suggesting|important\s+that|necessity|"
    r"calling\s+on|calling\s+for|call\s+for|"
    # Talks dreamt of or wished for: "dreams of negotiating a string of two-way deals", "wishes to hold talks".
    r"dream|dreams|dreamed|dreamt|dreaming|wish|wishes|wished|wishing|would\s+like\s+to"
)
# Talks offered, not yet held, as the object of the offer: "invited Lima to hold trade talks", "offered Lima new
# talks" (but "offered concessions in talks with Lima" reports talks held).
TALKS_OFFERED_BEFORE = blind(
    r"\b(?:invited|invites|inviting|invite)\s+(?:[\w’'-]+\s+){0,4}?to\s+(?:hold|start|open|begin|join|resume)\s+"
    r"(?:[\w-]+\s+){0,2}$|"
    # The offer named by its noun: "extended an invitation to resume trade talks".
    r"\binvitations?\s+(?:to\s+[\w’'-]+\s+)?to\s+(?:hold|start|open|begin|join|resume)\s+(?:[\w-]+\s+){0,2}$|"
    r"\b(?:offered|offers|offering|offer|proposed|proposes|proposing|propose)\s+"
    r"(?:(?!(?:in|at|during|on|after|before|for|with|to|of)\b)[\w’'-]+\s+){0,3}$"
)
# Talks called off or put back are not held: "postponed the trade talks", "the talks were cancelled". The verb
# right before the talks, or a passive of it right after them.
TALKS_OFF_BEFORE = blind(
    r"\b(?:postpone|postponed|postpones|postponing|delay|delayed|delays|delaying|cancel|cancels|cancell?ed|"
    r"cancell?ing|called\s+off|calls\s+off|call\s+off|calling\s+off|suspend|suspended|suspends|suspending|"
    r"shelved|shelve|put\s+off|puts\s+off|scrapped|scrap|scraps)\s+(?:[\w’'-]+\s+){0,3}$"
)
TALKS_OFF_AFTER = blind(
    r"^[^,;.]{0,50}?\b(?:was|were|has\s+been|have\s+been|had\s+been|will\s+be|would\s+be|is|are|be|been|being)"
    r"\s+(?:\w+ly\s+)?(?:postponed|delayed|cancell?ed|called\s+off|suspended|shelved|put\s+off|scrapped)\b"
)
# Talks on something other than trade, by the word that names their subject ("nuclear talks with", "global warming
# negotiations", "an infrastructure meeting with", "rounds of negotiations about NATO defense"): no trade talks.
_TALKS_OTHER_TOPIC = (
    r"nuclear|climate|global\s+warming|defen[cs]e|military|security|peace|arms|weapons|missiles?|"
    r"denucleari[sz]ation|disarmament|cease-?fire|infrastructure|nato|budget|debt\s+ceiling"
)
TALKS_OTHER_TOPIC_BEFORE = blind(r"\b(?:" + _TALKS_OTHER_TOPIC + r")\s+(?:[\w-]+\s+)?$")
TALKS_OTHER_TOPIC_AFTER = blind(
    # (Not the meeting where they are held: "talks on the sidelines of a NATO summit".)
    r"^\s+(?:on|about|over|regarding|concerning|with)\s+(?:(?!sidelines?\b|margins?\b)[\w-]+\s+){0,3}?"
    r"(?:" + _TALKS_OTHER_TOPIC + r")\b"
)
# Trade named beside another subject ("trade and security talks") keeps the talks trade talks.
TALKS_TRADE_TOPIC = _words(r"trade|economic|tariffs?|commerce")
# A meeting or call named by itself ("met with", "a meeting with", "a phone call with"), not as talks or negotiations.
TALKS_MEETING = blind(
    r"^(?:met|meet|meets|meeting|phone|telephone|video|virtual|spoke|speaks|speaking|talked|talking)\b|"
    r"^(?:also\s+)?discussed\b|\bdiscussing$"
)
# Talks named as a topic, refused or walked out of, right before them: "briefed on the negotiations", "pressure over
# trade talks", "refuses negotiations", "walked away from the talks".
# (A day after "on" is when, not what: "sat down on Friday for talks".)
TALKS_TOPIC_BEFORE = blind(
    r"\b(?:on(?!\s+(?:\w+day|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|the\s+sidelines)\w*\b)|"
    r"over|about|regarding|concerning|refuses?|refused|refusing|rejects?|rejected|rejecting|"
    r"(?:walk|walks|walked|walking)\s+(?:away\s+from|out\s+of)|quit|quits|abandon|abandons|abandoned)\s+"
    r"(?:[\w.’'-]+\s+){0,3}$"
)
# The sides discussing: talks only where both are named ("the two leaders discussed trade" of a pair named before).
DISCUSSED = blind(r"\bdiscuss(?:ed|ing)\b")
# What makes a meeting trade talks: its clause speaks of trade, or of the economy its sides' officials run ("a call
# with Morocco's finance minister", "met with his counterpart").
MEETING_TRADE_WORDS = _words(
    r"trade|trading|tariffs?|duties|levies|deal|agreement|pact|accord|economic|economy|commerce|commercial|exports?|"
    r"imports?|market|markets|investment|nafta|usmca|tpp|wto|negotiat\w*|talks|purchases?|soybeans|farm|"
    r"finance|financial|treasury|counterparts?"
)
# A call or video meeting is talks only with its other side named after it ("a phone call with Xi", "video calls
# between the ministers"), not "eavesdrop on phone calls", "such phone conversations had taken place".
TALKS_CALL = blind(r"^(?:phone|telephone|video|virtual)\b")
TALKS_CALL_PARTNER_AFTER = blind(r"^\s+(?:[\w-]+\s+){0,4}?(?:with|between)\b")
# (The sides may come between: "four days of talks between Morocco and Peru in Lima".)
TALKS_PLACE_AFTER = re.compile(r"^\s+(?:(?:with|between)\s+[A-Z][\w.-]*(?:\s+and\s+[A-Z][\w.-]*)?\s+)?in\s+[A-Z]")
# A company, its people or a private group as a side of a meeting: a firm or a lobby meeting officials, or an
# official meeting them ("representatives of the refiners met with the ministry", "the billionaire held a
# meeting with the president", "negotiating with our suppliers", "met with Ann Lee, head of a think tank") is
# business or lobbying, not trade talks between governments.
_PRIVATE_SIDE = (
    r"compan(?:y|ies)|firms?|corporations?|conglomerates?|billionaires?|tycoons?|entrepreneurs?|executives?|"
    r"CEOs?|founders?|business(?:man|men|woman|women|\s+leaders|\s+people|\s+executives|\s+community)|"
    r"refiners|growers|farmers|suppliers|manufacturers|investors|bankers|"
    r"(?:industry|business|company)\s+representatives|representatives\s+of|think[\s-]tanks?|lobbyists|"
    r"lobby\s+groups?|chambers?\s+of\s+commerce|"
    # A leader's own staff and the legislature at home are no other side of trade talks either: "met with top
    # advisers", "a meeting with Democrats".
    r"advisers|advisors|aides|lawmakers|legislators|senators|congressmen|democrats|republicans"
)
# The subject right before the talks word ("the refiners met with", "the billionaire reportedly held a").
PRIVATE_SUBJECT_BEFORE = blind(r"\b(?:" + _PRIVATE_SIDE + r")\s+(?:[\w-]+\s+){0,3}$")
# The side met, right after the talks word: a noun phrase headed by one ("with our US suppliers"), or a name with
# an apposition naming one ("with Ann Lee, president of a think tank").
PRIVATE_PARTNER_AFTER = re.compile(
    r"^\s+(?i:with\s+|to\s+)?(?:(?:[\w.’'-]+\s+){0,3}?(?i:" + _PRIVATE_SIDE + r")\b|"
    r"(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w.’'-]*,\s+[^;.]{0,80}?\b(?i:" + _PRIVATE_SIDE + r")\b)"
)
# Talks brought to an end on an agreement are a deal reached (contract: "concluded"), in any of the verbs news
# uses for it and whichever side of "talks" the agreement is named on: "concluded negotiations for a free trade
# agreement", "finished talks on the trade pact", "completed FTA negotiations". A round or session ended
# ("completed the third round of talks on a trade pact") is talks held, not the agreement reached.
_ENDED_VERB = r"(?:concluded|finali[sz]ed|completed|finished|wrapped\s+up)"
_NOT_A_ROUND = r"(?:(?!rounds?\b|sessions?\b|meetings?\b)[\w-]+\s+)"
_AGREEMENT = r"(?:agreements?|deals?|pacts?|accords?|ftas?|treaty|partnership)"
TALKS_CONCLUDED = blind(
    r"\b" + _ENDED_VERB + r"\s+(?:the\s+|their\s+|its\s+)?" + _NOT_A_ROUND + r"{0,2}?(?:talks|negotiations)\s+"
    r"(?:on|for|over)\s+(?:a|an|the|their|its)\s+(?:[\w-]+\s+){0,5}?" + _AGREEMENT + r"\b|"
    r"\b" + _ENDED_VERB + r"\s+(?:the\s+|their\s+|its\s+)?(?:[\w-]+\s+){0,3}?" + _AGREEMENT + r"\s+"
    r"(?:talks|negotiations)\b"
)
# An agreement's signing named by the noun, after a word that sets it in the past: "since the signing of the
# free trade agreement", "witnessed the signing of the pact" (not "ahead of the signing of", "will attend the
# signing of").
AGREEMENT_SIGNED = blind(
    r"\b(?:since|after|following|witnessed|attended|marked|celebrated|hailed|welcomed)\s+"
    r"(?:the\s+|their\s+|its\s+)?signing\s+(?:ceremony\s+)?of\s+(?:the|a|an|its|their|this|that)\s+"
    r"(?:[\w.’'()-]+\s+){0,5}?" + _AGREEMENT + r"\b"
)
TALKS_FAILED = _words(
    r"stalled|stall|collapsed|collapse|broke\s+down|break\s+down|broken\s+down|faltered|derailed|"
    r"standstill|stalemate|deadlock|deadlocked|impasse|logjam|"
    r"had\s+not|has\s+not|have\s+not|hadn't|hasn't|haven't|without|on\s+hold"
)
# Commodity agreements between producing and consuming countries (export quotas, price bands, buffer stocks)
# and producers' cartels are no trade policy between two sides: their talks and pacts are no fact.
COMMODITY_PACT = _words(
    r"ICO|ICCO|OPEC|commodity\s+(?:pacts?|agreements?|accords?|talks|discussions|negotiations)|buffer\s+stocks?|"
    r"international\s+(?:coffee|cocoa|sugar|natural\s+rubber|rubber|tin|jute|wheat|grains?|olive\s+oil)\s+"
    r"(?:agreements?|organi[sz]ations?|councils?|pacts?|accords?)|"
    r"(?:coffee|cocoa|sugar|rubber|tin|jute)\s+(?:pacts?|agreements?|accords?|talks|negotiations|councils?|"
    r"committees?|organi[sz]ations?|producers|consumers|quotas?)"
)
# Preference programmes: ending one is a withdrawal (contract).
PREFERENCE_PROGRAMME = _words(
    r"GSP|Generali[sz]ed\s+System\s+of\s+Preferences|AGOA|trade\s+preferences?|preference\s+programm?e|"
    r"preferential\s+(?:trade\s+)?(?:status|treatment|access)|"
    r"(?:special|preferential|duty-free)\s+trade\s+(?:privileges|benefits|status)"
)
PREFERENCE_ENDED = _words(
    r"withdrew|withdrawn|withdraws|withdraw|withdrawing|revoked|revokes|revoke|revoking|terminated|terminates|"
    r"terminate|terminating|ended|ends|end|ending|suspended|suspends|removed|removes|stripped|strips|"
    r"scrapped|cancelled|canceled"
)
WITHDRAW = _words(
    r"quit|quits|quitting|withdrew\s+from|withdrawn\s+from|withdraws\s+from|withdrawing\s+from|withdraw\s+from|"
    r"pulled\s+out\s+of|pulls\s+out\s+of|pull\s+out\s+of|abandoned|abandons|exited|exits|exit|exiting|left|leaves|leave|"
    r"leaving|tore\s+up|withdrawal\s+from|exit\s+from|"
    # The side quitting between the verb and its particle: "pulled the US out of", "withdrawal of Britain from".
    r"(?:pulled|pulls|pull|pulling)\s+(?:the\s+)?(?:[\w.]+\s+){1,2}?out\s+of|"
    r"(?:withdrawal|exit)\s+of\s+(?:the\s+)?(?:[\w.]+\s+){1,2}?from|"
    # "walked away from the talks" is not a withdrawal; only from an agreement named right after.
    r"(?:walked|walks|walk|walking)\s+away\s+from(?=\s+(?:the\s+|a\s+|its\s+)?(?:[\w-]+\s+){0,3}"
    r"(?:agreement|partnership|pact|deal|accord|treaty|tpp|nafta|usmca)\b)"
)
AGREEMENT_NOUN = _words(r"agreements?|partnership|pact|deal|accord|treaty|TPP|NAFTA|USMCA|trade\s+bloc")
# The agreement a verb of quitting acts on, named right after it ("quit the 12-nation Trans-Pacific Partnership",
# "withdrew from NAFTA"): not one named elsewhere in the clause ("the deal leaves tariffs in place", "left Geneva
# after the agreement was signed", "leaves for Tokyo to finalise the pact").
QUIT_OBJECT = blind(
    # "quit moving the goalposts": a verb after it is what stops, not an agreement quit.
    r"^\s+(?![a-z]+ing\s+(?:the|a|an|its|their|his|her|this|that|our|to|on|with|from)\b)"
    r"(?:(?:the|a|an|its|their|his|her|this|that|our)\s+)?"
    r"(?:(?!(?:for|to|in|on|at|with|without|after|before|out|and|or|but|which|that|as|by|tariffs?|duties|goods)\b)"
    r"[\w.'’()-]+\s+){0,5}?(?:agreements?|partnership|pact|deal|accord|treaty|tpp|nafta|usmca|trade\s+bloc)\b"
)
# ... or named right before it, with the side quitting between: "the deal Trump quit in 2017", "the TPP, which
# Washington abandoned", "the pact was abandoned".
QUIT_OBJECT_BEFORE = blind(
    r"\b(?:agreements?|partnership|pact|deal|accord|treaty|tpp|nafta|usmca)\)?(?:\s*,\s*(?:which|that)\s+|"
    r"\s+(?:(?:which|that)\s+)?)(?:(?!(?:and|or|but|after|before|when|while|as|because|for|to|in|on|at)\b)"
    r"[\w.'’-]+\s+){1,3}$"
)
# Withdrawing only threatened, planned or intended is no withdrawal: "threatening to withdraw from the pact", "is
# committed to withdrawing from NAFTA", "would be prepared to leave".
QUIT_INTENDED_BEFORE = blind(
    r"\b(?:threat\w*|vow\w*|committed|commits|plans?|planned|planning|prepared|ready|willing|consider\w*|"
    r"could|might|may|mull\w*|weigh\w*|possible|potential|proposed|"
    # Only meant or set against another course: "is going to pull out", "his intention to withdraw", "pledged to
    # quit", "any move to withdraw", "instead of withdrawing".
    r"going|gonna|intention|intent|intends?|intended|pledg\w*|promis\w*|moves?|instead\s+of|rather\s+than)"
    r"\s+(?:to\s+)?(?:\w+\s+)?$"
)
# Trade agreements news names without their members (general knowledge, as for the groupings in the gazetteer):
# a deal or withdrawal naming one is between its members, the first listed acting when the clause names no side.
_USMCA = r"U\.?S\.?|United\s+States"
NAMED_AGREEMENTS: tuple[tuple[Cue, tuple[str, ...]], ...] = (
    (
        _words(
            r"USMCA|CUSMA|T-MEC|NAFTA|North\s+American\s+Free\s+Trade\s+Agreement|"
            r"North\s+American\s+(?:free\s+)?trade\s+(?:deal|agreement|pact|accord)|"
            r"(?:" + _USMCA + r")\W{1,3}Mexico\W{1,3}Canada\s+(?:trade\s+)?(?:agreement|deal|pact|accord)"
        ),
        ("US", "MX", "CA"),
    ),
    (
        _words(r"TPP|TPP-12|Trans[\s-]Pacific\s+Partnership|Trans[\s-]Pacific\s+(?:trade\s+)?(?:deal|pact|agreement)"),
        ("US", "JP", "CA", "MX", "AU", "NZ", "SG", "MY", "VN", "BN", "CL", "PE"),
    ),
    (
        _words(r"KORUS|(?:" + _USMCA + r")\W{1,3}(?:South\s+)?Korea\s+(?:free\s+trade\s+)?(?:agreement|deal|pact|FTA)"),
        ("US", "KR"),
    ),
    (
        _words(r"CAFTA|CAFTA-DR|Central\s+American\s+Free\s+Trade\s+Agreement"),
        ("US", "CR", "SV", "GT", "HN", "NI", "DO"),
    ),
)
MULTILATERAL = _words(
    r"partnership|\d+-nation|multilateral|TPP|CPTPP|WTO|World\s+Trade\s+Organi[sz]ation|Paris|bloc|plurilateral"
)
PAUSE = _words(
    r"pause|paused|pauses|pausing|suspend|suspended|suspends|suspending|suspension|delay|delayed|delays|delaying|"
    # "agreed to halt further tariff increases", "stop imposing new tariffs", "halt the imposition of new tariffs":
    # the rises are held off.
    r"(?:halt|halts|halted|halting|stop|stops|stopped|stopping)(?:\s+(?:imposing|raising|levying|adding))?"
    r"(?=\s+(?:the\s+(?:imposition|introduction)\s+of\s+)?(?:further|new|any|additional)\b)|"
    r"defer|deferred|defers|deferring|reprieve|truce|ceasefire|cease-fire|hold\s+off|holds\s+off|held\s+off|holding\s+off|postpone|"
    r"postponed|postpones|put\s+off|puts\s+off|putting\s+off|on\s+hold|freeze|freezes|froze|frozen|freezing|(?:pushed|pushes|push|pushing)\s+back(?=\s+(?:the|its|a|their|his|by|until|to)\b)|"
    # "the deadline was pushed to August 1": moved to a later month, not "moved to impose".
    r"(?:pushed|moved)\s+to(?=\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s)|"
    # "to move the higher tariffs from October 1 to October 15": a measure moved from one day to another is put off.
    r"(?:move|moves|moved|moving)(?=\s[^.;:]{0,160}?\bfrom\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:\d{4}\s+)?to\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))|"
    # An exemption for named goods is a relief (contract); only an exemption *measure* or *period* pauses.
    r"grace\s+period|exemption\s+measure|exemption\s+period|extension\s+of|"
    r"withdrew\s+the\s+threat|not\s+impose|not\s+introduce|not\s+levy|refrain|extend\s+the|extends\s+the|"
    # A rise held off is a pause as a new tariff is ("agreed not to raise tariffs"); a tariff planned and put aside
    # or prevented is paused too ("shelved plans to impose new tariffs", "a deal to avert the duties", "the plan to
    # impose the levy came to a halt").
    r"not\s+(?:to\s+)?(?:raise|increase)|shelve|shelves|shelved|shelving|avert|averts|averted|averting|"
    r"(?:came|come|comes|coming)\s+to\s+a\s+halt|"
    r"extended\s+the|extend\s+his|extend,|tariff\s+deadline|extended\s+(?:it\s+)?(?:to|until)|"
    r"extends\s+(?:it\s+)?(?:to|until)"
)
LIFT = _words(
    r"lift|lifts|lifted|lifting|remove|removes|removed|removing|removal|removals|eliminate|eliminates|eliminated|"
    r"eliminating|abolishes|abolishing|scrap|scraps|scrapped|scrapping|cancel|cancels|cancelled|canceled|cancelling|rescind|rescinds|"
    r"rescinded|revoke|revoked|revokes|repeal|repealed|terminate|terminated|drop|drops|dropped|dropping|"
    r"roll\s+back|rolled\s+back|cease|ceases|end\s+the|ended\s+the|ends\s+the|abolish|abolished|"
    # Other verbs of removal: "will phase out tariffs on textiles", "withdrew the 20% tariff on ethanol".
    r"phase\s+out|phases\s+out|phased\s+out|phasing\s+out|phase-out|withdraw|withdraws|withdrew|withdrawn|"
    r"withdrawing|"
    # "zeroed import tariffs on coffee": cut to zero.
    r"zeroed|zeroes|zeroing|zero\s+out|"
    # A court ruling is a lift only where collection stops (contract).
    r"(?:stopped|stop|stops|ceased|halted|halts|suspended)\s+(?:collecting|collection\s+of)|no\s+longer\s+collect|"
    # A side that stops charging a tariff lifts it: "will no longer charge the 6% duty", "stop applying the tariff".
    r"no\s+longer\s+(?:charge|charges|apply|applies|impose|imposes|levy|levies)|"
    r"(?:stopped|stop|stops|ceased|cease|ceases)\s+(?:charging|applying|imposing|levying)|"
    # A verb of placing whose object is "no tariff" places none: "will impose no tariff on 90% of its goods",
    # "levies no duties on rice" is a tariff at zero, not a tariff. "No new (further, more) tariffs" only denies
    # a tariff to come: the ones in force stay.
    r"(?:impose|imposes|imposed|imposing|levy|levies|levied|levying|charge|charges|charged|charging|apply|applies|"
    r"applied|applying)\s+no(?=\s+(?:(?!(?:new|further|additional|more|other|extra|fresh)\b)[\w-]+\s+)?"
    r"(?:tariffs?|duty|duties|levy|levies|customs)\b)|"
    # Plain English for removing: "to end tariffs on steel", "ending its duties", "to get rid of the levies".
    r"(?:end|ends|ended|ending)(?=\s+(?:(?:the|its|their|all|his|her|these|those|some|certain)\s+)?"
    r"(?:(?!(?:of|with|for|to|in|on|at|by|and|or)\b)[\w-]+\s+){0,2}?(?:tariffs?|duty|duties|levy|levies|"
    r"counter-?tariffs?|surcharges?)\b)|"
    r"(?:get|gets|got|getting|gotten)\s+rid\s+of"
)
# The object a verb of removal governs when it is not the tariff: "withdrew its WTO challenge to the tariffs",
# "dropped its complaint against the duties", "withdrew its offer to cut tariffs" (nothing is lifted).
REMOVED_OTHER_OBJECT = blind(
    r"^\s+(?:its|the|their|his|her|a|an|this|that)\s+(?:[\w-]+\s+){0,2}?(?:complaints?|challenges?|cases?|"
    r"disputes?|requests?|offers?|proposals?|demands?|opposition|objections?|appeals?|lawsuits?|suits?|bids?|"
    r"calls?|petitions?|"
    # A person for or against the tariffs: "removed a fierce opponent of the tariffs from the West Wing".
    r"opponents?|critics?|supporters?|advocates?|proponents?|champions?|architects?|defenders?|foes?|skeptics?|"
    r"backers?)\b"
)
# A measure other than a tariff as the object of a verb of removal or pause: "lifted its curbs on imports of cars
# subject to a 10% duty", "removed the ban on beef", "eased quota restrictions". Its modifiers are never a tariff
# word ("tariff barriers" are tariffs).
NON_TARIFF_OBJECT = blind(
    r"^\s+(?:(?!(?:tariffs?|duty|duties|levy|levies|customs|surcharges?)\b)[\w.’'-]+\s+){0,3}?"
    r"(?:curbs|restrictions?|barriers|bans?|embargo|embargoes|quotas?|licen[cs]es|licen[cs]ing|controls|limits|"
    r"ceilings|sanctions|subsidies|requirements|prohibitions?|moratorium|boycotts?)\b"
)
# ... unless a tariff is named with it as a second object: "removed quotas and tariffs on beef".
TARIFF_COORDINATED = blind(
    r"^(?:\s*,\s*[\w-]+(?:\s+[\w-]+)?){0,4}\s*(?:,|and|or|as\s+well\s+as|plus)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:tariffs?|duty|duties|levy|levies)\b"
)
# A court that removes or suspends a tariff rules on it; the contract counts a lift only where collection stops.
COURT = _words(r"courts?|judges?|tribunals?|justices")
# A side that "withdraws from" something leaves it (a body, an agreement): not a removal of a tariff.
WITHDRAWING = frozenset({"withdraw", "withdraws", "withdrew", "withdrawing"})
FROM_AFTER = blind(r"^\s+from\b")
# A tariff that has run out ends as a removed one does: "the 25% tariffs on Canadian lumber expired on Friday",
# "let its 10% tariff on wine lapse" (its head noun the subject: "the tariff pause expired" is a pause's end).
TARIFF_LAPSED = blind(
    r"\b(?:tariffs?|duty|duties|levy|levies|surcharges?)(?:\s+(?:on|against|for|of|imposed|charged|levied)\b"
    r"[^,;]{0,60}?)?\s+(?:have\s+|has\s+|had\s+)?(?:expired|lapsed)\b|"
    r"\blet\s+[^,;]{0,60}?\b(?:tariffs?|duty|duties|levy|levies|surcharges?)\b[^,;]{0,40}?\s(?:lapse|expire)\b"
)
# The verbs of cutting a tariff, every form.
CUT_VERB = (
    r"reduced|reducing|reduces|reduce|cut|cuts|cutting|lowered|lowering|lowers|lower|slashed|slashing|slashes|"
    r"slash|trimmed|trimming|trims|trim"
)
# A tariff cut to a rate ("will lower its duties to 10%"): the rate left after the cut, not the one acted on.
CUT_TO_RATE = blind(rf"\b(?:{CUT_VERB})\b[^,;.%]{{0,60}}?\bto\s+\d")
# A second verb after a removal that only lowers a tariff ("removed duties on medicine and cut tariffs on cars"):
# the goods after it get a lower rate, not a removal.
CUT_AFTER_LIFT = blind(
    rf"\b(?:and|but|while)\s+(?:\w+\s+)?(?:{CUT_VERB})\s+(?:the\s+|its\s+|their\s+)?"
    r"(?:[\w-]+\s+)?(?:tariffs?|duties|duty|levies|tariff\s+rates?)\b|"
    # Other goods that "will see reduced tariffs", "get lower duties": cut, not removed.
    r"\b(?:and|but|while)\s+[^,;]{0,60}?\b(?:see|sees|saw|get|gets|got|enjoy|enjoys|enjoyed)\s+"
    r"(?:reduced|lower|lowered|cut)\s+(?:[\w-]+\s+)?(?:tariffs?|duties|duty|levies|tariff\s+rates?)\b"
)
# After a verb of removal, a new rate: the tariff is cut (or raised) to it ("drop to 6%", "dropped from 12% to 6%",
# "lifted to 25%", "rolled back to 10%"), or by a share of it ("dropped by a third"), not removed.
FALL_TO_RATE = re.compile(
    r"(?:\s+(?:sharply|further|slightly|back))?\s+(?:to|from|by)\s+(?:(?:about|around|just)\s+)?"
    r"\d{1,3}(?:\.\d{1,2})?\s?(?:%|percent|per\s+cent|pc)",
    re.I,
)
# Goods taken off the list a tariff applies to: "removed 300 goods from the list", "struck rice off the list".
_LIST_REMOVAL_WORDS = (
    r"(?:removed|removes|remove|removing|struck|strikes|took|takes|taken|dropped|drops|left|leaves|kept|keeps)\s+"
    r"(?:[\w,.$]+[\s\u2014\u2013-]+){0,8}?(?:from|off)\s+(?:the|a|its|their)\s+(?:[\w-]+\s+){0,3}lists?"
)
RELIEF = _words(
    r"exempt|exempts|exempted|exempting|exemption|exemptions|exclusion|exclusions|exclude|excluded|excludes|excluding|"
    r"reimburse|reimbursement|reimbursements|rebate|rebates|refund|refunds|refunded|relief|offset|eased|ease|"
    # Customs law's word for giving a duty back or forgoing it ("remission of the surtax for automakers").
    r"remission|remissions|"
    r"stacking|carve-?outs?|carve\s+out|carves\s+out|carved\s+out|carving\s+out|"
    r"waiver|waivers|waive|waives|waived|waiving|spared|grace\s+period|unless\s+companies|unless\s+they|"
    + _LIST_REMOVAL_WORDS
)
LIST_REMOVAL = _words(_LIST_REMOVAL_WORDS)
# Money given back or made up for that is no duty: "to offset its losses from the tariffs", "reimburse the growers'
# association for the costs of fighting a duty case". What is offset or paid back comes before any tariff word.
RELIEF_OTHER_OBJECT = blind(
    r"^(?:(?!\b(?:tariffs?|duty|duties|levy|levies|surcharges?)\b)(?:\d[.,]\d|[^,;.])){0,70}?"
    r"\b(?:loss|losses|costs?|expenses|damages?|fees|harm|shortfall|deficit)\b"
)
# What an exemption or waiver spares when it is a rule other than a tariff: "exempted its firms from the new visa
# requirement", "an exemption from export licensing rules", "energy was exempted from the sanctions", "waived the
# notice requirement", "a refund of the VAT". Its modifiers are never a tariff word ("exempt from the tariff rules"
# still spares a tariff).
_NON_TARIFF_RULE = (
    r"(?:(?!(?:tariffs?|duty|duties|levy|levies|surcharges?)\b)[\w.’'$-]+\s+){0,3}?"
    r"(?:rules?|requirements?|regulations?|bans?|sanctions|inspections?|checks|controls|licen[cs]ing|licen[cs]es?|"
    r"restrictions?|curbs|embargo|embargoes|visas?|obligations?|reporting|scrutiny|standards?|mandates?|"
    r"vat|value-added\s+tax|sales\s+tax|income\s+tax|export\s+taxe?s?|fees?|penalt(?:y|ies)|fines?)\b"
)
RELIEF_NON_TARIFF = blind(
    r"^(?:[^,;.]{0,50}?\bfrom\s+|\s+(?:of\s+)?)(?:(?:the|its|their|his|her|a|an|any|new|all|some|certain)\s+)?"
    + _NON_TARIFF_RULE
)
# The relief words that give money back or make up for something.
MONEY_RELIEF = frozenset(
    {"offset", "reimburse", "reimbursement", "reimbursements", "refund", "refunds", "refunded", "rebate", "rebates"}
)
# Goods on their way when a measure starts: a grace period for them narrows the measure (a relief), it does not
# defer it ("goods already in transit get a grace period until October 5").
IN_TRANSIT = _words(
    r"in\s+transit|en\s+route|on\s+the\s+water|already\s+(?:shipped|loaded)|(?:shipped|loaded|dispatched)\s+before"
)
# Goods given as examples of a longer list.
# A trailing participle of what a measure sets off (", escalating a feud that stems from strikes on vessels",
# ", raising fears of ..."): the goods named in it are not the measure's.
EFFECT_PARTICIPLE = blind(
    r",\s+(?:escalating|sparking|fuell?ing|stoking|deepening|heightening|intensifying|prompting|triggering|"
    r"reviving|worsening|inflaming|raising\s+(?:concerns|fears|hopes|uncertainty|questions|worries|the\s+prospects?))\b"
)
EXAMPLES_OF_GOODS = _words(
    # A relative clause listing what goods include ("on products that include pork and copper") samples them too.
    r"such\s+as|including|comprising|like|among\s+them|ranging\s+from|(?:that|which)\s+include|(?:that|which)\s+includes"
)
# The goods a measure is on, named as a whole before examples of them: all of a side's goods ("tariffs on all
# American imports such as ..."), or a relative clause saying what they include ("products that include ..."):
# the examples sample a package over many kinds of goods, which has no sector.
WHOLE_BEFORE_EXAMPLES = blind(r"\ball[-\s]+(?:[\w-]+\s+){0,2}?(?:goods|imports|products|exports|items|commodities)\s+$")
SAMPLE_RELATIVE = blind(r"^(?:that|which)\s+includes?$")
# The value of the goods a measure covers ("duties on $40 billion worth of imports", "on 200 billion U.S. dollars of
# imports", "a list worth $16bn"): the number, in billions.
GOODS_VALUE = blind(
    r"(?:\$|us\$|usd\s?)?\b(\d+(?:\.\d+)?)\s?(?:billion|bn)\b(?:\s+(?:u\.s\.\s+|us\s+)?dollars?)?"
    r"(?=(?:'s?|’s?)?\s+(?:worth|of|in)\b)|\bworth\s+(?:about\s+|some\s+|nearly\s+|around\s+)?"
    r"(?:\$|us\$)?(\d+(?:\.\d+)?)\s?(?:billion|bn)\b"
)
# The count of goods a measure covers ("cut tariffs on 1,585 items", "on 187 product categories", "on 128 US
# products"): like a value, it tells one tranche from another. Not a share ("96 percent of products").
GOODS_COUNT = blind(
    r"\b(\d{1,3}(?:,\d{3})+|\d+)(?!\s*(?:%|percent|per\s?cent|pct|pc)\b)\s+(?:[\w.-]+\s+){0,2}?"
    r"(?:items|products|goods|categories|tariff\s+lines|lines)\b"
)
# Goods given by their count or value, not by kind ("on 120 items", "on eight products", "on $2 billion worth of
# imports", "on 1,585 tariff lines"): whatever follows as examples ("including pork") is a sample of a package
# over many kinds of goods, so the examples give the measure no sector, however few are named.
COUNTED_GOODS = blind(
    r"(?:\b\d[\d,.]*|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|hundreds|thousands))"
    r"\s+(?:[\w-]+\s+){0,2}?(?:items|products|goods|categories|kinds|types|tariff\s+lines|lines)\b|"
    r"\b(?:billion|million|bn)\b[^,;]{0,30}?\bworth\b|"
    # "a list of US products including soybeans": a list sampled, whatever its length.
    r"\b(?:list|lists|basket|batch|raft|array)\s+of\b"
)
# Access free of a tariff within limits is a relief (contract: a quota inside a measure): "duty-free access
# for 38,000 tonnes", "steel into the US without the 25 percent tariff as long as volumes stay low".
QUOTA_RELIEF = blind(
    r"\b(?:without|free\s+of|free\s+from)\s+(?:the|any|a|paying)\s+(?:[\w%.-]+\s+){0,3}?(?:tariffs?|duty|duties)\b|"
    r"\b(?:(?:duty|tariff)[- ]free|zero[-\u2010\u2011 ](?:tariff|duty))\s+(?:access|entry|treatment|quotas?|status)\b|"
    # "let 20,000 tonnes in tariff-free": duty-free access for an amount (with `QUOTA_WORD`, see `quota_relief`).
    r"\b(?:in|enter|enters|entered|entering)\s+(?:duty|tariff)[- ]free\b|"
    # "enters duty-free under a quota of 40,000 tonnes", "tariff-free up to an annual quota".
    r"\b(?:duty|tariff)[- ]free\s+(?:under|within|up\s+to)\s+(?:a|an|the|its|their)\s+(?:[\w-]+\s+){0,2}?quotas?\b|"
    # "a quota of 100,000 tonnes of Ukrainian wheat duty-free": the quota named before its access.
    r"\bquotas?\s+(?:of|for)\s+(?:[\w.,'’-]+\s+){1,8}?(?:duty|tariff)[- ]free\b|"
    # A tariff-rate quota: a rate "within the quota" or one charged "if the quota is exceeded", "above the quota".
    r"\bwithin\s+(?:the\s+|these\s+|those\s+|its\s+|their\s+|a\s+)?(?:tariff[- ])?quotas?\b|"
    r"\b(?:if|once|when)\s+(?:the\s+|a\s+|its\s+|their\s+)?quotas?\s+(?:is|are|was|were)\s+"
    r"(?:exceeded|filled|exhausted|used\s+up)\b|"
    r"\b(?:above|beyond|outside)\s+(?:the\s+|a\s+|its\s+|their\s+)?quotas?\b|\b(?:out-of|in)-quota\b"
)
# The limit that makes tariff-free access a relief: an amount, or only some of the goods ("select products").
QUOTA_WORD = _words(
    r"quotas?|volumes?|tonnes|tons|limited|limits?|ceiling|cap|capped|tariff-rate|"
    r"(?:select|selected|certain|specified)\s+(?:[\w-]+\s+){0,2}?(?:products|goods|items|exports|imports)"
)
# Words that make a measure an answer to another side's ("in retaliation", "retaliatory duties",
# "countermeasures"): the side answering is the one hit before.
RETALIATORY = _words(
    r"retaliat\w*|counter-?measures?|counter-?tariffs?|hits\s+back|hit\s+back|hitting\s+back|tit-for-tat"
)
# A list of a side's goods that another side would hit ("released a list of Peruvian goods it would penalize",
# "a list of 90 Chilean items to hit with an import tax"): a tariff threatened on those goods, by the side that
# drew the list up, even where no tariff word is used. The list noun (what follows may name its goods), then
# the verb of hitting, its subject a relative pronoun or "to" (the list is what the verb acts on).
GOODS_LIST = blind(r"\blists?\s+of\s+(?:[\w$.,'’-]+\s+){0,6}?(?:goods|items|products|exports|imports)\b")
LIST_HIT_AFTER = blind(
    r"[^.;:!?]{0,100}?\b(?:to|it|they|that|which)\s+"
    r"(?:(?:would|could|may|might|will|can|plans?\s+to|intends?\s+to)\s+)?(?:hit|target|penali[sz]e|tax)\b"
)
# Words of a side answering another's measure ("responded with tariffs", "answered in kind").
ANSWERED = _words(r"respond|responds|responded|responding|answered|answering|in\s+kind|reciprocat\w*")
RETALIATION = _words(r"retaliat\w*|hits\s+back|hit\s+back|hitting\s+back|countermeasures|in\s+response|response")
# Retaliation naming no tariff is a fact only as the answering side's act or threat: the verb ("Oslo
# retaliated", "vowed to retaliate") or the noun as the object of a verb of threatening or launching ("threatened
# retaliation"); the noun as a topic ("such retaliation would cost jobs", "thoughts of retaliation") is none.
RETALIATION_ACT = blind(r"\bretaliat(?:e|es|ed|ing)\b")
RETALIATION_THREATENED = blind(
    r"\b(?:threaten(?:s|ed|ing)?|vow(?:s|ed|ing)?|promis(?:e|es|ed|ing)|pledg(?:e|es|ed|ing)|"
    r"announc(?:e|es|ed|ing)|launch(?:es|ed|ing)?)\s+(?:[\w-]+\s+){0,2}?retaliation\b"
)
# A side's reply stated as matching the measure it answers ("China responded in kind", "Peru answered with
# equivalent retaliatory measures", "hit back with matching duties"): retaliation stated as an act, though no
# "retaliate" and no tariff word may be used.
REPLIED_IN_KIND = blind(
    r"\b(?:respond|responds|responded|responding|answer|answers|answered|answering|reply|replies|replied|"
    r"replying|retaliat(?:e|es|ed|ing)|hits?\s+back|hitting\s+back|str(?:ike|ikes|uck)\s+back)\s+"
    r"(?:\w+\s+){0,2}?(?:in\s+kind\b|with\s+(?:an?\s+|its\s+own\s+|their\s+own\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:retaliatory|counter|reciprocal|equivalent|matching)\b)"
)
# Speculation or denial right before the verb: "might retaliate", "would not retaliate", "never retaliated";
# a side that warns or threatens it could retaliate still threatens ("warned it could retaliate").
RETALIATION_HEDGED = blind(r"\b(?:might|could|would|may)\s+(?:\w+\s+){0,2}?$")
RETALIATION_DENIED = blind(r"\b(?:not|never|unlikely\s+to)\s+(?:\w+\s+){0,2}?$|n't\s+$")
RETALIATION_WARNED = blind(r"\b(?:warn|warns|warned|warning|threaten|threatens|threatened|threatening)\b")
# What opens the measure a reply answers, named in the middle or at the end of a sentence ("China set duties on
# pork in response to the levies Washington placed on steel", "... to retaliate against tariffs Japan imposed
# on rice"): the noun phrase after it is a measure of its own, read with the sides it names.
ANSWERED_CUE = _words(
    r"in\s+(?:response|retaliation|reply|answer)\s+(?:to|for|against)|"
    r"as\s+(?:a\s+)?(?:retaliation|response|reply)\s+(?:to|for|against)|"
    r"retaliat(?:e|es|ed|ing)\s+(?:against|for)"
)
# A tariff the noun phrase itself states as placed, by a participle or a relative clause of its own ("the steel
# tariffs that Trump imposed last May", "tariffs imposed in September on Chinese goods", "its newly imposed
# duties"): background stated as fact, whatever the clause around it asks, wishes or weighs of the measure
# ("worried about lifting the tariffs that Peru imposed"). "Announced" counts only before the noun ("the
# recently announced steel tariffs"); after it, it reads as a verb of the clause.
PLACED_NOUN = blind(
    r"\b(?:tariffs?|duties|levies)(?:\s+on\s+[^,;]{1,60}?)?\s+(?:(?:that|which)\s+(?:[\w.'’-]+\s+){1,4}?"
    r"(?:has\s+|have\s+|had\s+)?(?:already\s+)?|(?:already\s+|recently\s+|newly\s+|previously\s+)?)"
    r"(?:imposed|slapped|levied|erected|enacted)\b|"
    r"\b(?:newly|recently|already)\s+(?:imposed|announced|introduced|enacted)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:tariffs?|duties|levies)\b"
)
# Where the noun phrase of such a tariff opens, looked for in the words before its tariff word: after the
# verb, preposition or comma that governs it ("lifting | the steel tariffs", "exemptions from | steel tariffs").
PLACED_NOUN_OPENS = blind(
    r"(?:[,;:(]|\b(?:from|of|to|against|with|on|for|in|about|over|by|and|or|but|lifting|lift|lifted|removing|"
    r"remove|removed|removal|dropping|drop|ending|end|cutting|cut|nullifying|nullify|wants|want|wanted|"
    r"maintain|maintaining|keep|keeping|exempted|exempt|is|are|was|were|that|which|whether|despite|"
    r"annulling|annul|scrapping|scrap|repealing|repeal))\s+"
)
# Where it ends: a comma, semicolon or dash, or a new clause.
PLACED_NOUN_END = blind(r"[,;:]|\s[—–-]\s|\s(?:while|whereas|but|and\s+(?:said|says|added|warned))\b")
# Where that noun phrase ends: a comma, a semicolon, a dash, a new statement ("while", "but", "and said"), the
# manner of the reply ("by suspending ...", "retaliated against Chile with a 10% duty on fish": the reply's
# own tariff, not the side answered's), or the verb of a sentence whose subject the phrase sits in ("The
# levy in retaliation for Peru's duties on corn came into effect ...", "... was long overdue"): a verb of
# coming into effect, or a form of "be" or a modal not followed by a participle ("duties that were imposed").
ANSWERED_END = blind(
    r"[,;:]|\s[—–-]\s|\s(?:while|whereas|but|and\s+(?:said|says|added|warned))\b|\sby\s+\w+ing\b|"
    r"\swith\s+(?:(?:a|an|its|their|own|new|higher|retaliatory|counter|matching|[\d.]+(?:%|\s*percent|\s*pc)?)\s+)*"
    r"(?:tariffs?|duties|duty|levies|levy|surtax\w*|[\d.]+\s*(?:%|percent|per\s+cent|pc))|"
    r"\s(?:came|comes|come|took|takes|take|went|goes|go|entered|enters)\s+(?:into\s+)?(?:effect|force)\b|"
    r"\s(?:is|are|was|were|will|would|could|may|might)\s+(?!(?:\w+ed|\w+en|been|being)\b)"
)
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
    # "may" as a modal, not the month: "in May", "since May", "early May", "mid-May" date a measure.
    r"could|might|(?<!\d\s)(?<!\bin\s)(?<!\bsince\s)(?<!\bby\s)(?<!\buntil\s)(?<!\bfrom\s)(?<!\bof\s)"
    r"(?<!\bearly\s)(?<!\blate\s)(?<!\blast\s)(?<!\bnext\s)(?<!\bthis\s)(?<!\bthrough\s)(?<!-)may(?!\s+\d)|"
    r"propose|proposed|proposes|vow|vowed|vows|hint|hinted|suggest|suggested|plans?\s+to|"
    r"weighing|weighs|mulling|mulls|eyeing|studying|exploring|floated|floating|"
    r"planning|set\s+to\s+face|would\s+face|if|letters?|possible|potential|likely\s+to"
)
IN_EFFECT = _words(
    r"upheld|upholds|in\s+effect|took\s+effect|went\s+into\s+effect|came\s+into\s+effect|remain|remains|still|already|"
    r"continue|continues|in\s+place|into\s+place|imposed|since|levied|currently|now\s+total|now|original|"
    r"existing|earlier|"
    r"(?:was|were|been)\s+hit\s+with|stays|stay|"
    # A duty extended or renewed is one in force kept longer: "extended the anti-dumping duty for five years".
    r"extended|extends|extending|renewed|renews"
)
# Words that turn a statement into a demand, a wish, a proposal, a condition or a denial.
# "whether" opens a question or a condition, but not after a verb of considering ("considering whether to put
# tariffs on" is a threat under consideration), nor in an aside of alternatives set off by commas ("any buyer,
# whether directly or through third parties, will pay"): "either way".
_NOT_CONSIDERING = r"(?<!consider\s)(?<!considers\s)(?<!considered\s)(?<!considering\s)"
_WHETHER = (
    rf"{_NOT_CONSIDERING}(?<!,\s)(?<!,\s“)(?<!,\s\")whether|"
    rf"{_NOT_CONSIDERING}whether(?!\s+(?:[\w-]+\s+){{0,3}}or\s+[^,;.]{{0,60}}[,”\"])"
)
NOT_A_FACT = _words(
    r"urge|urged|urges|urging|call\s+on|called\s+on|calls\s+on|asked|demand|demanded|demands|pressed|"
    r"request|requests|requested|requesting|appealed|lobbied|lobbying|ask|asks|asking|"
    # Asking an authority for a measure: "petitioned the commission to lift the duties", "calling for action to
    # remove the tariffs", "fighting for an exemption", "hopes that Washington would repeal them".
    r"petition|petitions|petitioned|petitioning|calls?\s+for|called\s+for|calling\s+for|"
    # Applying for an exclusion asks for it: "companies that have applied for the exclusions".
    r"apply\s+for|applies\s+for|applied\s+for|applying\s+for|applications?\s+for|"
    r"fights?\s+for|fighting\s+for|fought\s+for|hopes?\s+that|hoped\s+that|"
    # Pressing for a measure or insisting on it demands it: "pushing for the removal of the duties", "insists
    # that the tariffs go", "clamoring for an exemption".
    r"push(?:es|ed|ing)?\s+for|press(?:es|ed|ing)?\s+for|insist(?:s|ed|ing)?(?:\s+(?:that|on))?|"
    r"clamou?r(?:s|ed|ing)?\s+for|lobby\s+for|lobbies\s+for|"
    # Forecasts and opinions of onlookers: "analysts said tariffs could reach 100%".
    r"analysts?|economists?|experts?|strategists?|observers|forecasters?|"
    # Conditions of eligibility: "to qualify for duty-free status, goods must ...".
    r"in\s+order\s+to|qualify\s+for|eligible\s+for|to\s+receive|to\s+obtain|"
    r"wants?\s+to|wanted\s+to|hopes?\s+to|hoping|seek|seeks|seeking|sought|aim\s+to|aims\s+to|goal\s+of|"
    # What ought to be done is an opinion or a demand, not a measure: "the tariffs need to be repealed", "Beijing
    # should drop its duties", "both sides must remove the same amount".
    r"should|must|ought\s+to|needs?\s+to|needed\s+to|"
    r"toward|towards|eager\s+to|fail|failed|fails|unlikely|would\s+be\s+difficult|scrambling|yet\s+to|"
    r"did\s+not|does\s+not|do\s+not|didn't|doesn't|won't|no\s+longer|never|refused|rejected|denied|"
    # Ruled out, or not planned: "ruled out a pause of its tariffs", "has no plans to suspend the duties".
    r"ruled\s+out|rules\s+out|ruling\s+out|rule\s+out|no\s+plans?\s+to|no\s+intention|"
    r"would\s+not\s+extend|not\s+expecting|before\s+an\s+accord|if\s+a\s+deal|if\s+talks|unless\s+a\s+deal|"
    # "asked whether": a question; but "considering whether to put tariffs on" is a threat under consideration.
    # "before imposing tariffs": not yet done; but a tariff that falls "before hitting zero" names the last step
    # of its own schedule, stated like the steps before it.
    rf"{_WHETHER}|speculat\w*|expects?|expected|speed\s+up|before\s+(?!(?:hitting|reaching)\s+zero\b)\w+ing|"
    # Hearsay and its denial: "a rumor spread that Tokyo may impose duties", "no truth to talk of tariffs".
    r"rumou?rs?|rumou?red|no\s+(?:\w+\s+)?(?:of\s+)?truth|"
    r"no\s+(?:new|further|additional|more)|"
    # A case closed with no duty: "terminated the anti-dumping probe without imposing duties".
    r"without\s+(?:imposing|levying|introducing|applying|setting)"
)
# The mandative subjunctive: a bare "be" in a that-clause, with no modal or "to" before it ("insists that the
# tariffs be removed", "demanded that Mexico be exempted"), says what someone wants done, not what was done.
SUBJUNCTIVE_BEFORE = re.compile(
    r"\bthat\s+(?:[^;:.]{1,120}?\s)?(?<!\bto\s)(?<!\bwill\s)(?<!\bwould\s)(?<!\bcould\s)(?<!\bcan\s)"
    r"(?<!\bmay\s)(?<!\bmight\s)(?<!\bmust\s)(?<!\bshould\s)(?<!\bshall\s)(?<!\bnot\s)(?<!n't\s)"
    r"be\s+(?:\w+ly\s+)?$",
    re.I,
)
# An offer to remove, spare or hold off a tariff is a proposal, not the measure ("is willing to scrap the duties if
# ...", "stands ready to exempt"); only for those kinds: "ready to impose tariffs" is a threat, which is a fact.
OFFERED_BEFORE = blind(
    r"\b(?:willing|ready|prepared)\s+to\s+(?:\w+\s+){0,2}$|\b(?:offer|offers|offered|offering)\s+to\s+(?:\w+\s+){0,2}$"
)
# A condition after a removal or an exemption: "will drop the tariffs if Japan opens its market", "could be exempted
# from the duties provided they ...". What follows the comma is another statement.
CONDITION_AFTER = blind(
    r"^[^,;]{0,80}?(?:(?<!\beven\s)(?<!\bas\s)\b(?:if|unless|provided\s+that|on\s+condition\s+that|as\s+long\s+as)\s|"
    # "will drop them only when Washington ends its tariffs", "only after ...": the act waits on another.
    r"\bonly\s+(?:when|after|once|if)\s|"
    # Waiting on a deal not yet made (the indefinite article: none exists): "once a deal is reached", "as soon
    # as an agreement is signed"; "once the deal took effect" tells when it was done.
    r"\b(?:once|when|after|as\s+soon\s+as)\s+(?:a|an|any)\s+(?:[\w-]+\s+){0,2}?(?:deal|agreement|accord|pact|"
    r"settlement)\s+(?:is|gets|has\s+been)\s)"
)
# "Neither ... nor (or) ..." as the subject denies the verb after it: "neither the comment period nor the talks will
# delay the tariffs", "neither side has lifted its duties".
NEITHER_BEFORE = blind(r"\bneither\b[^,;]{0,140}$")
NEGATION = _words(r"not|no|never|didn't|doesn't|won't|wouldn't|neither|nor")
# Commitments not to tax are pauses ("agreed it would not impose tariffs on cars").
NOT_IMPOSE = _words(
    r"(?:would|will|agreed\s+to|agrees\s+to|to)\s+not\s+(?:impose|introduce|levy)|not\s+intend\s+to\s+(?:impose|levy)|"
    r"not\s+to\s+(?:impose|introduce|levy)|"
    # Giving up a tariff one could impose: "agreed to forgo the duties", "waived its right to impose duties",
    # "agreed to hold up imposing them".
    r"(?:forgo|forgoes|forgoing|forwent|forego|foregoes|foregoing|forewent)(?=\s+(?:[\w-]+\s+){0,3}?"
    r"(?:tariffs?|duty|duties|levy|levies)\b)|"
    r"(?:waive|waives|waived|waiving)\s+(?:its|their|the|his|her)\s+right\s+to\s+(?:impose|levy|introduce)|"
    r"(?:hold|holds|held|holding)\s+up\s+(?:imposing|levying|introducing)|"
    # "agreed to stop imposing new tariffs": a promise not to tax; no tariff in force is lifted.
    r"(?:stop|stops|cease|ceases|halt|halts)\s+(?:imposing|levying|introducing)(?=\s+(?:any\s+)?(?:new|further|more)\s)"
)
# A promise not to tax is a pause only as part of a bargain or for a time ("agreed it would not impose
# ... until August"); a bare "would not impose retaliatory tariffs" is a decision, not a pause.
NOT_IMPOSE_BOUND = _words(
    r"agreed|agrees|agreement|accord|deal|truce|pledged|pledges|committed|commits|promised|promises|vowed|"
    r"guarantees?|guaranteed|assurances?|assured|under\s+the|in\s+return|in\s+exchange|consensus|"
    r"until|before|for\s+now|for\s+the\s+time\s+being|for\s+\d+\s+days|for\s+another|"
    # For as long as talks go on: "while talks continue", "as the two sides restart trade talks".
    r"(?:while|as)\s+(?:[\w-]+\s+){0,5}?(?:talks|negotiations)"
)
# Words that put a date as the start of a measure: right before it ("from", "starting") ...
EFFECT_BEFORE = blind(
    r"\b(?:effective|starting|start|started|starts|from|beginning|begin|begins|as\s+of|effect\s+on|force\s+on|"
    r"place\s+on|effective\s+from)\s+(?:on\s+|the\s+)?$"
)
# The day a pause's length counts from: "for 90 days starting April 1", "for a year, starting in early June".
LENGTH_START_BEFORE = blind(
    r"\b(?:effective|starting|start|started|starts|from|beginning|begin|begins|began|as\s+of|counting\s+from|"
    r"effective\s+from)\s+(?:in\s+|on\s+|the\s+)?$"
)
# ... or a little before it ("took effect on April 9", "will apply to goods shipped after August 7").
EFFECT_WORD = _words(r"effect|apply|applies|kick\s+in|kicks\s+in|implemented")
UNTIL_WORD = _words(
    r"until|till|through|expire|expires|expiring|expired|end|ends|ending|deadline|due|by|to\s+end|"
    # "extended to August 1", "pushing it to Aug. 1", "moving the deadline to July 9".
    r"(?:extended|extends|extend|extending|postponed|delayed|deferred)\s+(?:it\s+)?to|"
    # "pushing it to Aug. 1", "moved them back to July 9", "pushed the deadline to August".
    r"(?:pushing|pushed|pushes|push|moving|moved|moves|move)\s+(?:it|them|this|that|(?:the|its|their)\s+[\w-]+)\s+"
    r"(?:back\s+)?to"
)
# A span of two dates: "from 1 March to 31 August", "between 1 March and 31 August".
SPAN_START_BEFORE = blind(r"\b(?:from|between)\s+(?:the\s+)?$")
SPAN_BETWEEN = blind(r"^\s*(?:to|and|till|until|through)\s+(?:the\s+)?$")
EXPIRY_BEFORE = blind(
    r"\b(?:until|till|through|expire|expires|expiring|expiry\s+on|end\s+on|up\s+to)\s+(?:and\s+including\s+)?"
    r"(?:the\s+end\s+of\s+)?(?:on\s+|at\s+)?$"
)
EXPIRY_OPENS = re.compile(r"(?:until|till|through)\s", re.I)
# A measure said to last a length of time: "will remain in place for three years", "imposed for a period of
# three years", "valid for 12 months" (counted from the day it takes effect).
LASTS_FOR = blind(
    r"\b(?:(?:remain|remains|stay|stays|be|is|are|kept)\s+in\s+(?:place|force|effect)|last|lasts|valid|imposed|"
    r"levied|applied|apply|applies)\s+for\s+(?:a\s+(?:period|term)\s+of\s+|the\s+next\s+|another\s+)?$|"
    r"\bfor\s+a\s+(?:period|term)\s+of\s+$"
)
# A tariff itself extended (kept in force longer), not a pause on one: "extended the anti-dumping duties on
# Chinese foil for five years", "extends its steel safeguard until 2026", "the duties were extended". The object
# (or the passive subject) is the measure, and names no pause, deadline or exemption, which an extension of would
# be a pause or a relief ("extended the tariff truce", "extended the deadline for the duties").
EXTENDED_MEASURE_AFTER = blind(
    r"\s*(?:the\s+|its\s+|their\s+|his\s+|her\s+|a\s+|an\s+|existing\s+)?(?:[\w%.,$-]+\s+){0,5}?"
    r"(?:tariffs?|duty|duties|levy|levies|surcharges?|safeguards?)\b(?![-\s]free)"
)
EXTENDED_MEASURE_BEFORE = blind(
    r"\b(?:tariffs?|duty|duties|levy|levies|surcharges?|safeguards?)\b(?![-\s]free)[^,;]{0,80}?\b(?:is|are|was|were|be|been|"
    r"being)\s+(?:\w+\s+)?$"
)
# The nouns of a pause or of an exemption: an extension of one of these is a pause (or a relief), not a tariff
# kept in force.
PAUSE_OR_EXEMPTION_NOUN = _words(
    r"pause|pauses|truce|reprieve|suspension|deadline|deadlines|exemptions?|exclusions?|waivers?|moratorium|"
    r"deferral|grace|ceasefire|cease-fire|window|talks|negotiations|deal|agreement"
)
# A measure kept or renewed for a length of time: "will maintain the 25% duty on steel for 12 more months",
# "extended the tariffs for another year" (the verb anywhere before the length, "for" right before it).
KEPT_FOR_VERB = blind(
    r"\b(?:maintain|maintains|maintained|maintaining|keep|keeps|kept|keeping|extend|extends|extended|extending|"
    r"renew|renews|renewed|renewing|prolong|prolongs|prolonged|prolonging|retain|retains|retained|retaining)\b"
)
LENGTH_FOR_BEFORE = blind(r"\bfor\s+(?:another\s+|a\s+further\s+)?$")
# A pause or an exemption that is itself ended: "ended the tariff pause", "lifted its suspension of duties",
# "removed the exemption on almonds". The verb governs the measure, not the tariff: no pause, lift or relief.
MEASURE_ENDED = blind(
    r"\b(?:ended|end|ends|ending|lifted|lift|lifts|lifting|scrapped|scrap|scraps|revoked|revoke|revokes|"
    r"terminated|terminate|terminates|cancell?ed|canceled|cancel|cancels|removed|remove|removes|removing|"
    r"withdrew|withdraw|withdraws|rescinded|rescind|rescinds|dropped|drop|drops)\s+"
    r"(?:the\s+|its\s+|their\s+|his\s+|her\s+|a\s+|this\s+|that\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:pause|suspension|truce|reprieve|exemptions?|exclusions?|waivers?|carve-?outs?)\b"
)
# A lift, pause or relief denied right before its verb: "has not lifted the duties", "is not removing them",
# "hasn't exempted beef", "declined to scrap the levy", "cannot be suspended". "Not only lifted" is not a denial.
DENIED_BEFORE = blind(
    r"\b(?:not|never|cannot|can't|hasn't|haven't|hadn't|isn't|aren't|wasn't|weren't|won't|wouldn't|didn't|"
    r"doesn't|don't|couldn't|(?:declined|declines|decline|declining|refuses|refusing)\s+to)\s+"
    r"(?:(?:yet|be|been|being|to|fully|formally|officially|immediately)\s+){0,2}$|"
    # An intention denied: "is not planning on exempting", "does not intend to lift", "is not going to suspend".
    r"\b(?:not|never|no)\s+(?:(?:yet|be|been|being|currently|now)\s+)?(?:planning|plan|plans|intending|intend|"
    r"intends|going|expected|expecting|likely)\s+(?:on|to)\s+(?:be\s+)?$|"
    # Denied before a noun or a gerund: "no removal of the duties", "without lifting the tariffs", "without an
    # exemption".
    r"\b(?:no|without)\s+(?:(?:an?|the|any|further|formal|immediate|fully|formally|immediately)\s+)?$"
)
# A removal, pause or exemption held back or refused by a frame that governs it from further off than a bare
# negation: "is in no hurry to remove the duties", "shows no sign of lifting them", "no indication that they will
# be removed", "has little appetite for scrapping", "is reluctant to exempt", "balked at removing", "stopped short
# of lifting", "far from lifting". A coordinated verb after "and" is a statement of its own.
REFUSED_FRAME_BEFORE = blind(
    r"(?:\b(?:no|little|scant|not\s+much|not\s+any)\s+(?:hurry|rush|sign|signs|indication|intention|appetite|"
    r"desire|inclination|evidence|willingness|urgency)\b|"
    r"\b(?:reluctant|reluctance|unwilling|unwillingness|loath|loth|hesitant|refus\w*|resist\w*|balk\w*|"
    r"stopp(?:ed|ing)\s+short|stops?\s+short|far\s+from|turn(?:s|ed|ing)?\s+down|rebuff\w*|"
    # A decision taken back: "reversed his decision to lift the tariffs", "walked back a pledge to remove them".
    r"revers(?:e|es|ed|ing)|backtrack\w*|walk(?:s|ed|ing)?\s+back|u-turn\w*|"
    # Said to be untrue: "falsely claimed China had removed its tariffs".
    r"falsely|wrongly|incorrectly|mistakenly)\b)"
    r"(?:(?!\band\b)[^,;]){0,90}$"
)
# A removal, pause or exemption only aimed at or attempted is not made: "flew to Washington in an effort to stop
# new tariffs", "is trying to remove the duties", "in a bid to win an exemption", "aimed at lifting them". The
# tariff it names is read for what it is where its owner is named after the aim ("to stop new US tariffs").
AIMED_BEFORE = blind(
    r"\b(?:(?:in\s+)?(?:an?|the|its|their|his|her|one|another)\s+(?:[\w-]+\s+)?(?:effort|efforts|bid|attempt|"
    r"attempts|push|drive|campaign|quest)\s+to|(?:trying|tried|tries|try|attempting|attempted|attempts|attempt|"
    r"striving|strives|strove|scrambling|scrambled|racing|raced|lobbying|lobbied|campaigning|fighting|fought|working|"
    r"worked|works|pushing|pressing)\s+to|"
    r"aimed\s+at|aiming\s+(?:to|at)|aims\s+(?:to|at)|aim\s+(?:to|at)|"
    # A purpose stated as what is meant to follow: "the aim will be for the United States to ease its tariffs".
    r"(?:the|its|their|his|her|our)\s+(?:[\w-]+\s+)?(?:aim|goal|objective|hope|idea|intention)\s+"
    r"(?:is|was|will\s+be|would\s+be)\s+(?:for\s+(?:[\w.'’-]+\s+){1,4})?to)\s+(?:[\w-]+\s+){0,2}$"
)
# A removal, pause or exemption named as what talks are about is not one made: "negotiating the removal of the
# duties", "talks on a suspension of the tariffs", "discussed an exemption for cars".
TALKED_OF_BEFORE = blind(
    r"\b(?:negotiat\w*|talks?|talked|talking|discuss\w*|consultations?|dialogue|debat\w*)\s+"
    r"(?:(?:on|over|about|of|for|regarding|concerning)\s+)?(?:(?:the|a|an|any|its|their|possible|further)\s+)?$"
)
# What a verb of removal drops when it is only a tariff planned or threatened: "dropped its plan to impose
# tariffs", "withdrew its threat of 25% duties". No tariff was in force to be lifted.
PLAN_OBJECT = blind(
    r"^\s+(?:its|the|their|his|her|our|a|an|this|that|these|those)\s+(?:[\w-]+\s+){0,2}?(?:plans?|threats?|"
    r"intention)\b"
)
# A day named as when the measure paused was due to start, not when the pause ends: "delayed the increase
# scheduled for March 1", "refrain from raising it as planned on Jan. 1", "which had been due on June 1".
ORIGINAL_DATE_BEFORE = blind(
    r"\b(?:scheduled|planned|slated|set|due|originally|initially|meant|supposed)\s+"
    r"(?:to\s+(?:take\s+effect|come\s+into\s+(?:force|effect)|go\s+into\s+effect|start|begin|kick\s+in|rise|"
    r"increase|apply|be\s+(?:imposed|raised|applied))\s+)?(?:(?:for|on|from|in)\s+)?(?:the\s+)?$"
)
# Duty-free access ended ("ended duty-free access for Ukrainian sugar", "the end of its duty-free regime"): the
# tariff applies again, the opposite of a lift.
FREE_ACCESS_ENDED = blind(
    r"\b(?:ended|end|ends|ending|the\s+end\s+of|revoked|revoke|revokes|revoking|scrapped|scrap|scraps|"
    r"withdrew|withdraw|withdraws|withdrawing|terminated|terminate|terminates|cancell?ed|cancel|cancels|removed|"
    r"remove|removes|suspended|suspend|suspends|stripped|strip|strips|lost|lose|loses)\s+"
    r"(?:(?:the|its|their|his|her|a|this|that)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:duty|tariff)-free\s+(?:access|status|regime|treatment|entry|trade|privileges?)\b"
)
# What a member suspends to retaliate under WTO rules: "Peru suspended its tariff concessions on 90 Chilean goods"
# raises duties; it pauses no tariff (the tariff word only says which concessions).
CONCESSIONS_AFTER = blind(
    r"\s+(?:of\s+)?(?:the\s+|its\s+|their\s+|some\s+|certain\s+)?(?:[\w-]+\s+)?(?:tariff\s+|trade\s+)?"
    r"(?:concessions?|obligations)\b"
)
# A pause named in a phrase that only refers back to it: "Alongside the tariff suspension, China will ...".
PAUSE_REFERRED = blind(
    r"\b(?:alongside|after|following|despite|besides|beyond|amid|with|since)\s+the\s+(?:[\w-]+\s+)?$"
)
# A removal, pause or exemption named by a gerund as the subject of its clause is an idea talked about, not an
# act: "Removing the tariff would cut car prices", "Lifting the duties is the only way forward", "Exempting cars
# from the levy could cost billions". A gerund set off by a comma ("Lifting the tariff, Peru said ...") is not.
GERUND_SUBJECT = blind(
    r"^\W*(?:removing|lifting|eliminating|scrapping|dropping|abolishing|ending|repealing|suspending|pausing|"
    r"delaying|postponing|deferring|exempting|excluding|waiving)\b[^,;]{0,80}?\b(?:would|could|will|might|may|can|"
    r"should|must|is|was|are|were|remains|means|makes|helps|gives|offers|requires|costs|seems|looks)\b"
)
# A removal only foreseen: an agreement as the subject of "would" ("the two agreements (FTAs) would gradually
# remove tariffs": what a deal would do), or the means of what "would" or "could" happen ("would boost its sales
# by eliminating a 25 percent tariff").
FORESEEN_LIFT_BEFORE = blind(
    r"\b(?:deals?|agreements?|pacts?|accords?|ftas?|treaty|treaties|tpp|cptpp|nafta|usmca)\s+"
    r"(?:\([^()]{1,20}\)\s+)?(?:would|could|might)\s*:?\s+(?:[\w-]+ly\s+)?$|"
    # ... or the means or source of what would happen: "would benefit from lowering its tariffs to zero".
    r"\b(?:would|could|might)\s+(?:[\w-]+ly\s+)?[a-z]+\b[^,;]{0,60}?\b(?:by|from)\s+$|"
    # ... or a participle of the agreement that would: "the deal would cover 40% of output, reducing or
    # eliminating tariffs" (the participle's subject is the deal).
    r"\b(?:deals?|agreements?|pacts?|accords?|ftas?|treaty|treaties|tpp|cptpp|nafta|usmca)\s+(?:would|could|might)\b"
    r"[^;.]{0,100}?,\s+(?:[a-z]+ing\s+(?:or|and)\s+)?$"
)
# A removal as the subject of a prediction: "the removal of tariffs would reduce inflation".
PREDICTED_EFFECT = blind(
    r"^[^,;.]{0,60}?\b(?:would|could|might|may|will)\s+(?:\w+\s+)?(?:reduce|raise|cut|boost|lower|"
    r"increase|hurt|help|benefit|cost|save|add|lift|push|drive|weigh|provide|create|bring|open|give)\b"
)
MANY_GOODS = _words(
    r"(?:a\s+number|a\s+slew|a\s+range|a\s+host|dozens|hundreds)\s+of\s+other|other\s+products|other\s+goods|"
    # "goods ranging from plows to chips", "everything from wine to cars": a package over many kinds of goods.
    # A range of rates is not one of goods: "duties ranging from 12.5% to 28%".
    r"ranging\s+from(?=\s+(?!(?:about|around|roughly|some)\s)[^\W\d])|everything\s+from|"
    r"(?:a\s+)?(?:wide|wider|broad|broader)\s+range\s+of|a\s+variety\s+of"
)
# Goods given by the span they run over ("2,500 items, from food to machinery", "products from toys to phones"): a
# package over many kinds of goods, where the words after "from" name goods (`sectors.many_goods` tells), not an
# origin ("products from China to ...").
GOODS_SPAN_FROM = blind(
    r"\b(?:items|products|goods|imports|exports|categories|lines)\s*,?\s+from\s+([^;,.]{1,60}?)\s+to\s+"
)
# --- x-lists: rates and sectors in list sentences ---
# Goods of their own between two rates ("25% on apples and 10% on other imports", "and 10% for all goods"): the
# later rate is not for the goods named before the first.
OTHER_GOODS_NAMED = _words(
    r"on(?!\s+top\b)|for|to\s+(?:all|other|the\s+rest)|baseline|universal|reciprocal|across-the-board"
)
# Goods named right after a rate ("set 10 percent on all other goods"): that rate's own goods.
OWN_GOODS_AFTER = blind(r"^\W*(?:[\w-]+\s+){0,2}?(?:on|for)\s+(?!top\b)")
# A total the rate before it brings a tariff to: "an extra 30%, bringing the total to 35%", "which with the levy
# already in force raises the duty to 75%", "for a combined rate of 45%".
TOTAL_BEFORE = blind(
    r"\b(?:bring|brings|bringing|brought|take|takes|taking|took|push|pushes|pushing|pushed|lift|lifts|lifting|"
    r"raise|raises|raising|raised|increase|increases|increasing|increased)\s+(?:the\s+|its\s+|their\s+|it\s+|"
    r"them\s+)?(?:[\w-]+\s+){0,3}?to\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?$|"
    r"\b(?:a|the|for\s+a)\s+(?:total|combined|cumulative|overall)\s+(?:[\w-]+\s+){0,2}?(?:of\s+)?$|"
    # The levy an extra one is added to: "a 25% duty on wine, on top of an existing 10% levy".
    r"\b(?:on\s+top\s+of|in\s+addition\s+to|added\s+to)\s+(?:the\s+|an?\s+|its\s+|their\s+)?"
    r"(?:existing|current|earlier|previous|standing|prevailing)\s+$"
)
# Items of two parallel lists paired in order: "on Chile and Bolivia of 20% and 25% respectively".
RESPECTIVELY = _words(r"respectively")
# The goods list paired with tiers "respectively": after "on" or "for", up to the verb or preposition before the
# rates ("tariffs on peanuts, dairy products and trucks are 15%, 12% and 25% respectively", "raised duties on
# gold and palm oil to 10% and 20% respectively"), or after the rates up to "respectively".
GOODS_LIST_OPENS = re.compile(r"\b(?:on|for)\s+(?:the\s+|imported\s+|imports\s+of\s+)?", re.I)
GOODS_LIST_CLOSES = re.compile(
    r"\s+(?:are|is|were|was|will|would|to|at|of|stand|stood|rise|rose|fell|fall|be|by|from)\b|,?\s+respectively\b",
    re.I,
)
GOODS_LIST_SEPARATOR = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+", re.I)
# A range between two rates ("15-25%", "15 to 25 percent"): one tier, not two.
RANGE_BETWEEN = re.compile(r"\s*(?:-|–|—|to)?\s*", re.I)
# --- end x-lists ---
THOSE = _words(r"those\s+nations|those\s+countries|both\s+countries|the\s+two\s+countries|they|both\s+sides")
# "Between" or "among" right before the two sides: they name the sides of a relation ("tension between the two
# countries"), a measure of each on the other only where that relation is tariffs (`parties._mutual`).
RELATION_BETWEEN_BEFORE = blind(r"\b(?:between|among|amongst)\s+$")
# A measure both sides take, each on the other: "cut tariffs on each other's goods", "both sides will suspend
# ...", "the two countries agreed to lower their duties". (Not "reciprocal": that names the US rates.)
# Sides named together agreeing to act on their own tariffs ("Chile and Peru agreed to suspend their tariffs"):
# a bargain, so each side acts on the other, as with "each other".
AGREED_ON_THEIR = blind(
    r"\b(?:agreed|agree|agrees|pledged|pledge|promised|committed)\s+to\s+(?:\w+\s+){1,2}?their\s+"
    r"(?:[\w-]+\s+){0,2}?(?:tariffs?|duties|levies|countermeasures|surcharges?)\b"
)
# A promise of no new tariffs that two sides named together as the subject agree to ("Xi and Trump agreed not
# to impose new tariffs", "... pledged to halt further duties"): each side spares the other.
AGREEING = blind(r"\b(?:agreed|agree|agrees|pledged|pledge|pledges|promised|promise|promises|committed|vowed)\b")
NO_NEW_TARIFFS = blind(
    r"[^,;]{0,50}?\b(?:further|new|any|additional|more)\s+(?:[\w-]+\s+)?(?:tariffs?|duties|levies)\b"
)
MUTUAL = _words(
    # "each others' goods" is a common misspelling of "each other's".
    r"each\s+others?|one\s+another|both\s+sides|both\s+countries|both\s+nations|both\s+governments|"
    r"the\s+two\s+(?:countries|sides|nations|governments|economies)|"
    # "mutual tariff cuts", but not "a mutually beneficial deal", "mutual respect".
    r"mutual(?:ly)?\s+(?:agreed\s+)?(?:tariffs?|duties|cuts?|reductions?|suspensions?|pause|truce|removal|"
    r"elimination|lower|lowering|reduce|reducing|cut|cutting|suspend|lift|lifting|remove|eliminate)"
)
# The reciprocal pronoun of a measure both sides take ("tariffs on each other's goods", "duties imposed on one
# another"): it names the pair as the sides acting and the sides hit alike ("each others'" is a common
# misspelling). "Tit-for-tat" tariffs of a pair are reciprocal by the word's meaning: each side's answers the
# other's ("the two countries slapped tit-for-tat tariffs on $50 billion of goods").
RECIPROCAL_PAIR = _words(r"each\s+others?|one\s+another|tit-for-tat")

# "tariff talks", "tariff negotiator", "non-tariff barriers": the word names something else.
# The rate of such a charge goes with it ("a 5% fuel surcharge"): blanked too, so that it is read as no tariff's.
_NON_TRADE_RATE = r"(?:\b\d[\d.,]*\s*(?:%|percent|per\s+cent|pct|pc)\s+)?"
TARIFF_COMPOUND = Cue(
    r"\b(?:tariff|duty)[- ]free\b|\bnon-?\s?tariffs?\b(?:\s+(?:trade\s+)?barriers)?|"
    r"\b(?:tariffs?|trade)\s+(?:talks|negotiat\w*|tirade|war|wars|"
    r"dispute|disputes|policy|policies|agenda|revenue|revenues|regime|structure|fight|battle|row|tensions|team|"
    r"chief|envoy|collections|income|receipts)\b|\b(?:average|effective)\s+(?:[\w.]+\s+){0,2}?tariff\s+rates?\b|"
    # The treaty's name (General Agreement on Tariffs and Trade) names a treaty, not a tariff.
    r"\bagreement\s+on\s+tariffs\s+and\s+trade\b|"
    # A surcharge over a rate of interest is a bank's charge on credit: "removed a surcharge over the lombard rate".
    r"\bsurcharges?\s+(?:over|above|on\s+top\s+of)\s+(?:the\s+|its\s+)?(?:[\w-]+\s+){0,3}?rates?\b|"
    # A price list of a utility or a carrier, a charge of a lender or the taxman: "electricity tariff", "fuel
    # surcharge", "stamp duty", "a levy on bank transactions", "a penalty on unpaid taxes"; and "on duty" at work.
    rf"{_NON_TRADE_RATE}\b(?:fuel|electricity|power|water|gas|utility|utilities|feed-in|mobile|phone|telephone|"
    r"broadband|internet|"
    r"roaming|postal|hotel|tourist|stamp|windfall|bank|banking|payroll|property|late|overdraft)\s+"
    r"(?:tariffs?|surcharges?|levy|levies|duty|duties|penalty|penalties)\b|"
    rf"{_NON_TRADE_RATE}\b(?:levy|levies|penalty|penalties|surcharges?|tariffs?|duty|duties)\s+on\s+"
    r"(?:[\w-]+\s+){0,2}?"
    r"(?:transactions|profits|income|deposits|payments|salaries|wages|assets|balance\s+sheets|taxes|banks|lenders)\b|"
    r"\b(?:on|off)\s+duty\b(?![-\s]free)|\bduty\s+of\s+care\b",
    bounded=False,
    needles=("tariff", "trade", "duty", "duties", "surcharge", "levy", "levies", "penalt"),  # all its words hold one
)
# A sentence that opens with an auxiliary or a question word and ends with "?" asks, it states nothing ("Will the
# duties stay in place?"); a question after a statement ("Tariffs took effect: what now?") is not one.
QUESTION = blind(
    r"^[\"“‘']?(?:will|would|could|can|should|shall|must|might|may|does|do|did|is|are|was|were|has|have|had|what|"
    r"why|how|when|where|who|whom|whose|which)\b[^:;]*\?[\"”’']?\s*$"
)
# A link to another story set in the page ("More: Trump imposes tariffs on allies", "Read more: How steel became a
# security issue", "Related: ...", "Tariff talks stall Read more"): a headline of another article, with no stop of
# its own, states nothing this article reports. A label run into a sentence that ends with a stop is read as before.
_NO_STOP = r"(?:[^.!?]|(?<![a-z]{2})\.)*"  # dots only after a single letter: "U.S." ends no sentence
LINK_LINE = blind(
    r"^\W{0,3}(?:(?:read|see|also|read\s+also|also\s+read|see\s+also)\s+)?(?:more|related|also)(?:\s+(?:stories|news|"
    rf"coverage|about\b))?\s*:{_NO_STOP}$|^\W{{0,3}}read\s+more\b{_NO_STOP}$|\bread\s+more\W{{0,3}}$"
)
# A matrix verb that makes everything after it a wish, a fear, a demand or a condition.
HEAD_BLOCK = _words(
    # A forecast or outlook states no policy: "the bank lowered its growth outlook, citing tariffs".
    r"outlook|forecast|forecasts|forecasting|projection|projections|"
    r"bill|bills|legislation|draft\s+law|lacked|lacks|unlawful|illegal|ruled\s+that|(?:would|will)\s+not\s+(?!impose|introduce|levy)|won't|not\s+accept|reject|rejected|rejects|oppose|opposed|"
    rf"opposes|any\s+deal|if|unless|{_WHETHER}|worried|worries|feared|fears|fear|urge|urged|urges|urging|pushed(?!\s+back)|pressed|pressing|"
    r"demand|demanded|demands|asked|asking|wants?|wanted|hopes?|hoped|hoping|refuse|refused|calls\s+for|"
    r"called\s+for|would\s+be\s+difficult|not\s+confident|(?<!to\s)seek|seeking|seeks|sought|explained|argued|criticized|"
    r"condemned|regrettable|"
    # A recommendation is a proposal until someone decides on it ("the board recommended duties of 12%"); "as
    # recommended by" and "recommended, and the ministry imposed" report the decision.
    r"recommend(?:s|ed|ing)?(?!\s+by\b)(?!\s*,\s*and\b)"
)
# A tariff in a time clause "before a 20% tariff (takes effect)" is one the text takes as coming, whatever the
# clause asks for before it ("asked for a grace period before a 20% tariff on its tea").
#
# So is a plan or threat that a condition takes as made and only asks whether it is carried out ("if Trump goes
# ahead with plans to impose tariffs on cars", "if he follows through on his threatened 45% tariff", "should the
# US carry out its threats to levy duties"): the threat itself is stated.
PRESUPPOSED_BEFORE = blind(
    r"\bbefore\s+(?:a|an|the|its|their|his|her|any)\s+(?:[\w%.-]+\s+){0,3}$|"
    r"\b(?:goes|go|going|went)\s+ahead\s+with\s+(?:(?:its|their|his|her|the)\s+)?(?:plans?|threats?)\s+to\s+"
    r"(?:[\w%.$-]+\s+){1,4}$|"
    r"\b(?:follows?|followed|following)\s+through\s+(?:on|with)\s+(?:(?:its|their|his|her|the)\s+)?"
    r"(?:(?:plans?|threats?)\s+to\s+|threatened\s+|planned\s+)(?:[\w%.$-]+\s+){0,4}$|"
    r"\bcarr(?:y|ies|ied|ying)\s+out\s+(?:its|their|his|her|the)\s+(?:plans?|threats?)\s+to\s+(?:[\w%.$-]+\s+){1,4}$"
)
# Under consideration: a threatened tariff, but not yet a lift, relief, pause or deal.
CONSIDERED = _words(
    r"considering|consider|considers|proposal|proposals|proposed|possible|potential|could|might|(?<!\d\s)may(?!\s+\d)|"
    # Other verbs of weighing an idea: "is weighing exemptions for cars", "mulling the removal of the duties"
    # ("weighs on growth" is a burden, not a thought).
    r"weighing(?!\s+on\b)|weighs(?!\s+on\b)|mulling|mulls|contemplating|contemplates|eyeing|floated|floating|"
    # Looking into an idea or being open to it: "is looking at removing the duties", "is open to lifting them",
    # "there is a chance the tariffs will be lifted", "exploring an exemption".
    r"looking\s+at|looks\s+at|open\s+to|chance|chances|exploring|explores|studying|studies|"
    # An idea only hinted at or pictured: "hinted at removing the duties", "the plan envisages scrapping them".
    r"hint\s+at|hints\s+at|hinted\s+at|hinting\s+at|envisages?|envisaged|envisaging|envisions?|envisioned|"
    r"envisioning|"
    # Thinking of it, or waiting or hoping for it: "thinking about removing the duties", "farmers are counting on
    # the removal", "waiting for an exemption", "would welcome the removal" ("welcomed the removal" is a reaction
    # to an act done, and stays).
    r"thinking\s+(?:about|of)|think\s+about|thinks\s+about|thought\s+about|"
    r"count(?:s|ed|ing)?\s+on|bank(?:s|ed|ing)?\s+on|wait(?:s|ed|ing)?\s+for|await(?:s|ed|ing)?|"
    r"(?:would|will|'d)\s+welcome|look(?:s|ing)?\s+forward\s+to|"
    # A hedge on what will happen: "would likely be exempted", "will probably remove them".
    r"likely|probably|possibly|perhaps|maybe|"
    # An idea named as such: "the idea of removing the duties", "the prospect of an exemption".
    r"idea\s+of|notion\s+of|prospects?\s+of|possibility\s+of|option\s+of|"
    # An opinion on doing it: "it would be wrong to remove them", "it is time to lift the tariffs".
    r"(?:it|this|that)\s+(?:is|was|would\s+be|will\s+be|'s)\s+(?:\w+\s+)?(?:wrong|a\s+mistake|unwise|foolish|wise|"
    r"right|better|best|good|premature|time|important|crucial|essential|necessary)\s+to"
)
# What is said of a removal, exemption or pause named as a noun when it is only possible or talked about: "the
# removal of the tariffs is on the table", "an exemption remains an option", "the repeal is being discussed". A
# statement of another subject after a conjunction ("... took effect and more cuts are possible") is not its own.
ONLY_POSSIBLE_AFTER = blind(
    r"^(?:(?!\b(?:and|but|while|though|although|whereas)\b)[^,;]){0,80}?\b(?:is|are|was|were|remains?|remained|"
    r"seems?|seemed|looks?|looked|appears?|appeared)\s+(?:still\s+|now\s+|also\s+|very\s+)?"
    r"(?:on\s+the\s+table|possible|likely|unlikely|an?\s+(?:[\w-]+\s+)?(?:option|possibility|idea)|"
    r"under\s+(?:consideration|discussion|review|study)|in\s+(?:sight|the\s+works|play)|"
    r"up\s+for\s+(?:debate|discussion|negotiation)|"
    r"being\s+(?:discussed|considered|weighed|studied|negotiated|debated|explored|reviewed|sought)|"
    # Waiting on something else: "any removal of the duties depends on the talks", "is contingent on a deal".
    r"(?:contingent|conditional|dependent)\s+(?:on|upon)|"
    # Said to be untrue: "reports that China had lifted its tariffs were false".
    r"(?:false|untrue|incorrect|inaccurate|baseless|unfounded|fake))\b|"
    r"^(?:(?!\b(?:and|but|while|though|although|whereas)\b)[^,;]){0,80}?\b(?:depends|depended|hinges|hinged)\s+"
    r"(?:on|upon)\b"
)
# Verbs that make a tariff a policy statement rather than a topic ("the tariffs would hurt investment").
POLICY_BEFORE = _words(
    r"impose|imposes|imposed|imposing|imposition|announce|announces|announced|announcing|slap|slapped|slapping|"
    r"levy|levied|levying|levelled|leveled|raise|raised|raises|raising|hike|hiked|increase|increased|charge|"
    r"charging|target|targeting|retaliat\w*|threaten|threatened|threatens|warned|warning|considering|maintain|"
    # "is threatening tariffs", "threatening new duties on": the verb, its object near; "a threatening letter
    # about the tariffs" is an adjective.
    r"threatening(?=(?:\s+(?:new|more|higher|further|additional|extra|steep|\$?[\d.,]+|billions?|of|worth|in))*\s*$)|"
    r"maintains|halving|halved|doubled|rolling\s+out|rolled\s+out|revealed|unveiled|reimpose|reimposed|"
    r"reduce|reduced|cut|cuts|lower|lowered|face|faces|facing|subject\s+to|hit\s+by|pay|setting|set|"
    r"slash|slashes|slashed|"
    r"apply|applies|applied|extra|additional|new|reciprocal|retaliatory|punitive|sweeping|steep|steeper|"
    r"original|existing|blanket|universal|combined|total|"
    # Tariffs said to be in force by when they came: "than earlier tariffs on steel", "the current tariffs on
    # steel will raise $21 billion".
    r"earlier|current|previous|prior|"
    # Other verbs of imposing, each with its inflections: "enacted tariffs", "will restore the duties",
    # "reinstated levies", "introduced a surcharge", "placed tariffs on".
    r"enact|enacts|enacted|enacting|restore|restores|restored|restoring|reinstate|reinstates|reinstated|"
    r"reinstating|reintroduce|reintroduces|reintroduced|reintroducing|reimposes|reimposing|introduce|introduces|"
    r"introduced|introducing|places|placed|placing|slaps|hikes|hiking|levelling|"
    # "put tariffs on washing machines", "is putting duties on wine" (the tariff its object, right after it).
    r"put(?=\s+(?:new\s+|more\s+|higher\s+|steep\s+|\w+\s+)?$)|puts(?=\s+(?:new\s+|more\s+|higher\s+)?$)|"
    r"putting(?=\s+(?:new\s+|more\s+|higher\s+)?$)|"
    r"leveling|"
    # Verbs of raising said in phrases: "ramped up tariffs", "stepped up duties", "escalated tariffs", and of
    # putting goods under them: "subjected Chilean wine to tariffs", "products subjected to the tariffs".
    r"(?:ramp|ramps|ramped|ramping|step|steps|stepped|stepping|jack|jacks|jacked|jacking)\s+up|escalate|"
    r"escalates|escalated|escalating|subjected|subjecting|subjects|"
    # A duty kept or made final by the body that rules on it: "upheld a countervailing duty", "approved a 30
    # percent tariff", "finalized the tariff", "assessed a temporary duty".
    # A duty kept in force longer is one in force ("extended the anti-dumping duty on foil", "renews its steel
    # safeguard"); an extended pause or deadline is read as a pause before tariffs are.
    r"extend|extends|extended|extending|renew|renews|renewed|renewing|prolong|prolongs|"
    r"uphold|upholds|upheld|upholding|approve|approves|approved|finali[sz]e|finali[sz]es|finali[sz]ed|"
    r"assessed\s+(?:a|an)|"
    # Tariffs named by the value of the goods they hit: "the $60 billion in tariffs", "the 300 mln dlrs in
    # duties" (the definite article: a measure already known; "collected $9 billion in tariffs" is revenue).
    r"the\s+\$?[\d.,]+\s+(?:billion|million|mln|bln|bn)\s+(?:(?:u\.s\.\s+)?(?:dollars|dlrs)\s+)?(?:in|of)|"
    # ... or a further tranche so named ("another $60 billion in tariffs"): a measure, where "paid $9 billion in
    # tariffs" is revenue (and "a $9 billion tariff bill" a cost).
    r"(?:another|additional|further|extra)\s+\$[\d.,]+\s*(?:billion|million|bn)\s+(?:(?:worth\s+)?(?:in|of))"
)
# Tariffs given as a side's answer: "Chile responded with tariffs on Peruvian goods", "answered in kind with
# duties", "hit back with a matching round of tariffs" (but not "responded with anger over the tariffs": a noun
# of opinion takes the tariffs as its object through "over", "to", "of", "about" or "against").
RESPONSE_WITH = blind(
    r"\b(?:respond|responds|responded|responding|answer|answers|answered|answering|counter|counters|countered|"
    r"countering|reciprocate|reciprocates|reciprocated|(?:hit|hits|hitting|struck|strike|strikes|fought|fight|"
    r"fights)\s+back)\s+(?:[\w-]+\s+){0,2}?with\s+(?:(?:amount|level|scale|round|set|package|list|wave)\s+of\s+|"
    r"(?!(?:of|to|against|over|about|on|at)\s)[\w$.,'’%-]+\s+){0,6}$"
)
# A tariff as the subject of what it does ("higher duties would raise costs", "the tariffs have given farmers a
# tough time", "any new tariff would worsen inequity"): its effect, an opinion or forecast, not a measure taken. A
# verb of placing inside the subject ("the tariffs slapped by Washington would ...") still states the measure.
CONSEQUENCE_AFTER = blind(
    r"^(?:\s+(?!imposed\b|slapped\b|announced\b|levied\b|placed\b|put\b|introduced\b|enacted\b|"
    r"that\b|which\b)[\w$'’.-]+){0,6}?\s+(?:would|will|could|might|may|can|have|has)\s+(?:also\s+|already\s+|only\s+|"
    r"further\s+|likely\s+|surely\s+|eventually\s+)?(?:hurt|harm|worsen|damage|cost|affect|burden|make|become|"
    r"cause|given|give|weigh|punish|undermine|drive|push|kill|destroy|raise\s+(?:costs|prices|the\s+cost|"
    r"the\s+price)|increase\s+(?:costs|prices|the\s+cost|the\s+price))\b"
)
# Verbs that place a tariff right before it: the tariff is their object, whatever it is said to do after.
PLACING_BEFORE = _words(
    r"impose|imposes|imposed|imposing|slap|slaps|slapped|slapping|levy|levied|levying|introduce|introduced|"
    r"introducing|announce|announced|announcing|enact|enacted|restore|restored|put|puts|putting|place|placed|"
    r"placing|adopt|adopted|unveil|unveiled|retaliated\s+with|responded\s+with|answered\s+with"
)
# A tariff said to have changed by a share of itself ("Peru's duty on oil was lowered by 12%", "is now cut
# by half"): a measure changed, at no rate the sentence states (the share is no rate).
CHANGED_BY_AFTER = blind(
    r"^[^,;]{0,70}?\b(?:has|have|had|was|were|is|are)\s+(?:now\s+)?(?:been\s+)?(?:cut|reduced|lowered|slashed|"
    r"dropped|raised|increased|hiked)\s+by\s+(?:half|a\s+third|a\s+quarter|\d)|"
    r"^[^,;]{0,70}?\b(?:has|have|had|was|were|is|are)\s+(?:now\s+)?(?:been\s+)?(?:halved|doubled)\b"
)
# A side's own tariffs, the possessive pointing back to the subject of its clause ("China retaliated with its own
# tariffs", "they are ready to hit back with duties of their own"): the tariff word right after or before it.
OWN_BEFORE = blind(r"\b(?:its|their)\s+own\s+(?:[\w-]+\s+){0,2}$")
OWN_AFTER = blind(r"^\s+of\s+(?:its|their)\s+own\b")
# ... where the subject answers or places them ("retaliated with", "responded by slapping", "countered with"), not
# where it bears them ("Peru's exporters face their own tariffs in Chile").
OWN_PLACED = blind(
    r"\b(?:retaliat\w*|respond\w*|answer\w*|counter|counters|countered|countering|reciprocat\w*|"
    r"(?:hit|hits|hitting|struck|strike|strikes|fired|fire|fires|firing)\s+back|impos\w+|slap\w*|lev(?:y|ies|ied|ying)|"
    r"introduc\w+|put|puts|putting|rais\w+|announc\w+|unveil\w*|threaten\w*|vow\w*)\b"
)
# A preposition before a side: that side is no subject ("tariffs on China", "in talks with Peru"); the examples
# of a group are ("countries like Peru and Chile have ...").
PREPOSITION_BEFORE = blind(
    r"\b(?:on|from|against|with|for|to|of|in|into|at|by|over|toward|towards|between|than)\s+"
    r"(?:the\s+)?$"
)
POLICY_AFTER = _words(
    r"take\s+effect|takes\s+effect|took\s+effect|went\s+into\s+effect|came\s+into\s+effect|in\s+effect|"
    r"in\s+place|into\s+place|remain|remains|apply|applies|will\s+be|kick\s+in|kicks\s+in|imposed|levied|"
    r"announced|"
    r"rise|rises|will\s+rise|will\s+increase|total|totals|already|slapped|starting|effective|"
    # The same verbs in the passive: "duties ... were introduced", "tariffs have been levelled against".
    r"enacted|restored|reinstated|reintroduced|reimposed|introduced|placed|levelled|leveled|"
    # A change in the passive with any auxiliary: "duties would be cut later this year", "are to be raised".
    r"(?:would|will|shall|are\s+to|is\s+to)\s+(?:also\s+|further\s+|now\s+)?be\s+"
    r"(?:cut|raised|reduced|lowered|increased|imposed|applied|slashed)|"
    r"go\s+into\s+effect|goes\s+into\s+effect|"
    # A tariff on goods counted by their value is a measure taken, not the tax in general ("tariffs on $34
    # billion in goods", "levies on another $16 billion of products").
    r"on\s+(?:(?:another|an\s+additional|a\s+further|roughly|about|around|nearly|some|over|more\s+than|up\s+to)\s+)?"
    r"\$[\d.,]+\s*(?:billion|bn|million)\b"
)


# ---- Clauses and roles ----

# What a pause or lift verb can act on besides a tariff word: "delayed the deadline", "suspended them".
TARIFF_OBJECT = _words(
    r"deadline|deadlines|measures?|countermeasures|counter-measures|increases?|hikes?|implementation|imposition|"
    r"reimposition|it|them|those|plans?|start|reciprocal|retaliation|truce|pause|collection|duty-free|tariff-free|"
    # Rates a measure sets higher than others ("paused the higher rates for 90 days"): a tariff's, never a rate of
    # money, which a central bank raises or cuts without "higher" or "country-specific".
    r"(?:higher|steeper|country[- ]specific|punitive)\s+rates?"
)
# An object that is not a tariff, though a tariff word may modify it or follow: a pause or a removal of it is no
# pause or lift of a tariff ("suspended the tariff talks", "delayed shipments of wheat", "postponed the vote on
# the tariff bill", "suspended imports of beef"). The words before the noun are determiners and modifiers, never
# a tariff noun itself ("suspended tariffs on imports" pauses the tariffs).
_OTHER_NOUNS = (
    r"talks|negotiations|meetings?|summit|visits?|trips?|votes?|voting|reply|replies|responses?|shipments?|"
    r"exports?|imports?|purchases?|orders?|deliveries|payments?|investigations?|inquiry|inquiries|probes?|"
    r"hearings?|reviews?|cooperation|dialogue|consultations|sales|production|operations"
)
OTHER_OBJECT = blind(
    r"\s+(?:of\s+)?(?:(?!(?:tariffs|duties|levies|surcharges|on|of|in|for|to|from|with|and|or)\b)[\w.’'-]+\s+){0,3}?"
    r"(?:" + _OTHER_NOUNS + r")\b"
    # ... which is not itself the modifier of a tariff noun: "suspended import duties".
    r"(?![\s-]+(?:tariffs?|duty|duties|tax|taxes|levy|levies|surcharges?)\b)"
)
# The same nouns as the subject of a passive pause, with the tariff only in their complement: "the talks on
# tariffs were postponed", "the vote on the tariff bill was delayed".
OTHER_SUBJECT = blind(r"\b(?:" + _OTHER_NOUNS + r")\s+(?:on|over|about|with|of|for|into)\s")
# Where the object of a verb ends: a clause mark, or a new clause ("..., which", " while ").
OBJECT_END = blind(
    # (Not the stop of an initial: "delaying the U.S. rise in tariffs" goes on past "U.S."; nor a decimal point:
    # "eliminate its 38.5% tariff".)
    # A reason after the object is not the object: "put the negotiations on hold over the tariffs".
    # A cause after the object is not the object either: "scrapped those plans due to the tariffs".
    r"[,;:]|(?<!\b\w)(?<!\d)\.|(?<=\d)\.(?!\d)|\s(?:while|which|because|after|before|as|but|over|amid|due\s+to|"
    r"owing\s+to|thanks\s+to|"
    # ... nor is what a verb with no object reacts to: "stocks had dropped in response to the tariffs".
    r"in\s+(?:response|reaction)\s+to|"
    r"and\s+(?:will|would|has|have|had|is|are|\w+ing|\w+ed))\s"
)
# A passive verb right before a cue: "the tariffs were lifted", "the levy has been suspended".
PASSIVE_BEFORE = blind(
    r"\b(?:be|been|being|was|were|is|are|get|got|remain|remains|remained|stay|stays|stayed)\s+"
    r"(?:\w+ly\s+|also\s+|now\s+|all\s+|temporarily\s+)?$"
)

RATES_NOUN = _words(r"rates?")
# Ranges of rates: "ranging from 5% to 10%", "between 10 and 25 percent", "9-16pc".
RANGE_BEFORE = blind(r"\b(?:(?:range|ranges|ranged|ranging|varying|vary|varies)\s+(?:from\s+)?|between\s+)$")
# A verb of change before "X% to Y%" makes it a change ("raised 10% to 25%" is rare, but "cut ... 10% to 5%").
CHANGE_BEFORE = _words(
    r"raised?|raises|raising|cut|cuts|lowered|lower|reduced?|reduces|increased?|increases|hiked?|doubled|halved|"
    r"double|doubles|doubling|triple|triples|tripled|tripling|halve|halves|halving|"
    r"rose|rise|rises|fell|fall|dropped|went"
)
# "12.5% to 30.1%" with no "from" before it: a range, not a change.
RANGE_TO = re.compile(r"\s*(?:to|-|–)\s*")
RANGE_JOIN = re.compile(r"\s*(?:to|and|-|–)?\s*")
RANGE_LOW_BEFORE = re.compile(r"(?<![\d.,$])(\d{1,3}(?:\.\d{1,2})?)\s?(?:-|–|to)\s?$")
# A number that is a day of the month or a section, not the low end of a range: "from January 1 to 25%", "on
# March 3 to 20%", "Section 232 to 50%".
NOT_LOW_END_BEFORE = blind(
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|section|article|no)\.?\s*$"
)
# Alternatives and tiers with the unit said once: "tariffs of 4 or 7 percent", "duties of 11 and 19 percent".
ALTERNATIVE_LOW_BEFORE = re.compile(r"(?<![\w.,$])(\d{1,3}(?:\.\d{1,2})?)\s+(?:or|and)\s+$")
FROM_BEFORE = blind(r"\bfrom\s*$")
# Tiers or alternatives with the unit said each time and nothing between them: "tariffs of 10% and 25% on
# steel", "30% or 35%" (the goods after the last are those of each).
TIER_JOIN = re.compile(r"\s*,?\s*(?:and|or)\s+", re.I)
# Tiers joined by "and" alone: with as many kinds of goods after them they go one to one ("25% and 10% tariffs on
# steel and aluminum"); "or" gives alternatives, which do not.
TIER_AND = re.compile(r"\s*,?\s*and\s+", re.I)
# The side that pays or faces a figure makes it a tariff rate: "Laos will face 40%", "pays 10%".
PAY_BEFORE = blind(
    r"\b(?:face|faces|facing|faced|pay|pays|paying|paid)\s+(?:a\s+|an\s+|the\s+)?"
    r"(?:extra\s+|additional\s+|further\s+|new\s+|higher\s+|lower\s+)?$"
)
# A passive verb of taxing right before its rate: "cocoa is taxed at 30%", "will be dutied at 12 percent" states
# the rate even where no tariff noun does.
TAXED_AT = blind(
    r"\b(?:(?:taxed|tariffed|dutied|levied|charged|assessed)\s+(?:at\s+)?|"
    # "Korea taxes American cars at 8%": the goods between the verb and its rate.
    r"(?:tax|taxes|taxed|taxing)\s+[^,;.]{1,50}?\bat\s+)(?:a\s+|an\s+)?(?:rate\s+of\s+)?"
    r"(?:flat\s+|higher\s+|lower\s+|new\s+|combined\s+)?$"
)
# Goods named before a verb of taxing make it a tariff, not a tax on income or profits ("profits are taxed at
# 21%").
TAXED_GOODS = blind(r"\b(?:goods|imports?|imported|exports?|products|shipments|from|made\s+in|origin)\b")
# "..., which stays at 25%": the rate kept for a party left out of a change.
STAYS_AT = blind(r"\b(?:stays|stay|remains|remain|kept|keeps|staying|remaining)\s+at\s*$")
# "Tunisia (25%)", "Algeria and Libya (30%)": a rate in brackets right after a party.
PARTY_PAREN_RATE = re.compile(r"[A-Z][\w.]+\s*\(\s*\d{1,3}(?:\.\d{1,2})?\s?(?:%|percent|per\s?cent)\s*\)")
PARTY_PAREN_BEFORE = re.compile(r"[A-Z][\w.]+\s*\(\s*$")
# Rates of other things than tariffs.
OTHER_RATES_BEFORE = _words(
    r"interest|exchange|growth|inflation|unemployment|jobless|mortgage|policy|savings|tax|income|corporate|key|"
    r"borrowing|federal|funds|payroll|pass-through|"
    r"benchmark|base|increase|decrease|export|import|utilisation|fill|success|response|approval|vacancy|"
    r"participation|birth|poverty|utilization|utilisation|conversion|discount|repo|lending|deposit|tariff-free|"
    # What lenders charge: "cap credit card rates at 15 percent", "loan rates", "bond rates".
    r"card|credit|loan|loans|bond|bonds|prime"
)
# The word right before "rate(s)" that makes it the rate of money, prices or people, never a tariff's, however near
# a tariff word stands ("cut its benchmark interest rate to 2.5% to cushion the blow from US tariffs", "the repo
# rate at 5.5%"). Narrower than `OTHER_RATES_BEFORE`: "import", "tax" and "base" rates can be a tariff's.
MONEY_RATE_BEFORE = blind(
    r"\b(?:interest|exchange|growth|inflation|unemployment|jobless|mortgage|policy|savings|borrowing|funds|"
    r"benchmark|repo|lending|deposit|discount|prime|card|credit|loan|bond|vacancy|participation|birth|poverty|"
    r"utili[sz]ation|conversion|overnight|refinancing|bank|key|cash|fertility|employment|"
    r"(?:income|corporate|payroll|sales|property|capital\s+gains)\s+tax)\s+$"
)
# A central bank or monetary authority: the "rates" it cuts or holds are its own ("Mexico's central bank cut
# rates by half a point to 8% as US tariffs weigh").
CENTRAL_BANK = blind(
    r"\b(?:central\s+banks?|reserve\s+bank|federal\s+reserve|the\s+fed|bank\s+of\s+(?:england|japan|korea|canada|"
    r"thailand|mexico|israel|russia|china|indonesia)|banxico|monetary\s+(?:authority|policy\s+committee)|"
    r"ecb|rbi|boj|pboc|people['’]s\s+bank|rate[- ]setters?)\b"
)
# A tax a side levies on its own people or sales, not on goods from abroad ("a payroll tax on their earnings",
# "a national sales tax", "registration fees"): in a sentence that names no trade across a border, "a 6.2% levy" or
# "federal and provincial levies" are that tax, no tariff (contract: a tariff taxes goods imported).
DOMESTIC_TAX_NAMED = blind(
    r"\b(?:payroll|sales|income|property|excise|value[- ]added|consumption|inheritance|estate|wealth|social\s+security|"
    r"goods\s+and\s+services)\s+tax(?:es)?\b|\bregistration\s+fees?\b"
)
CROSS_BORDER = blind(
    r"\b(?:imports?|imported|importing|importers?|exports?|exported|exporters?|foreign|overseas|abroad|customs|"
    r"cross-border|trading\s+partners?|retaliat\w*)\b"
)

# Measures on every trading partner at once.
# A deal between two sides: the sector tariffs it sets are between them, not on everyone.
BILATERAL = blind(
    r"\b(?:deal|agreement|pact|accord|arrangement|concessions?)\s+(?:\w+\s+){0,3}?with\b|"
    r"\b(?:under|in|implementing)\s+(?:the|its|his|their|a)\s+(?:[\w-]+\s+){0,3}(?:deal|agreement|pact)\b"
)
# A side named as the object of a tariff word, not as the origin of goods ("tariffs on Brazil", "duties against
# Canada"; not "tariffs on Canada's steel", which the caller sees by the name's end).
# "tariffs on both the EU and Canada", "duties against either Japan or Korea": a determiner of the list of sides.
TARIFF_ON_BEFORE = blind(
    r"\b(?:tariffs?|duties|duty|levies|levy)\s+(?:on|against)\s+(?:both\s+|either\s+)?(?:the\s+)?$"
)
# A rate on every partner at once, named in the rate's own phrase.
UNIVERSAL_RATE = blind(
    r"\b(?:universal|baseline|global|worldwide|blanket|across-the-board|minimum)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:tariffs?|rates?|duty|duties|levy|levies)\b|\b(?:tariffs?|duties|levies)\s+(?:\w+\s+){0,2}?(?:worldwide|globally)\b"
)
# A rate renamed by an apposition as the rate on everyone ("pays 10% on its goods, the baseline level set for
# most countries").
UNIVERSAL_APPOSITION = blind(
    r",\s+(?:the|a)\s+(?:universal|baseline|global|blanket|minimum)\s+(?:level|rate|tariffs?|duty|duties|levy)\b"
)
RECIPROCAL = _words(r"reciprocal|universal|baseline|worldwide|global|all\s+(?:countries|trading\s+partners|imports)")

# ---- A second predicate of one subject (x-predicates) ----
# The verbs of a measure, each in every form English gives it: a second verb of these after "and" with no subject
# of its own ("Peru lifted its duties on wine and raised those on steel to 15%") states a measure of its own.
_MEASURE_STEMS = (
    ("impose", "imposes", "imposed", "imposing"),
    ("raise", "raises", "raised", "raising"),
    ("lift", "lifts", "lifted", "lifting"),
    ("remove", "removes", "removed", "removing"),
    ("cut", "cuts", "cut", "cutting"),
    ("lower", "lowers", "lowered", "lowering"),
    ("reduce", "reduces", "reduced", "reducing"),
    ("eliminate", "eliminates", "eliminated", "eliminating"),
    ("scrap", "scraps", "scrapped", "scrapping"),
    ("slash", "slashes", "slashed", "slashing"),
    ("slap", "slaps", "slapped", "slapping"),
    ("levy", "levies", "levied", "levying"),
    ("hike", "hikes", "hiked", "hiking"),
    ("increase", "increases", "increased", "increasing"),
    ("double", "doubles", "doubled", "doubling"),
    ("halve", "halves", "halved", "halving"),
    ("suspend", "suspends", "suspended", "suspending"),
    ("pause", "pauses", "paused", "pausing"),
    ("delay", "delays", "delayed", "delaying"),
    ("postpone", "postpones", "postponed", "postponing"),
    ("exempt", "exempts", "exempted", "exempting"),
    ("extend", "extends", "extended", "extending"),
    ("set", "sets", "set", "setting"),
    ("add", "adds", "added", "adding"),
    ("introduce", "introduces", "introduced", "introducing"),
    ("put", "puts", "put", "putting"),
    ("place", "places", "placed", "placing"),
    ("apply", "applies", "applied", "applying"),
    ("waive", "waives", "waived", "waiving"),
    ("abolish", "abolishes", "abolished", "abolishing"),
    ("drop", "drops", "dropped", "dropping"),
    ("announce", "announces", "announced", "announcing"),
    ("threaten", "threatens", "threatened", "threatening"),
    ("keep", "keeps", "kept", "keeping"),
)
_ANY_FORM = "|".join(sorted({form for stem in _MEASURE_STEMS for form in stem}, key=lambda w: (-len(w), w)))
# Right after "and" only a finite form opens a predicate: a base form may be an infinitive's second verb ("to
# impose duties and raise ..."), a present participle a noun ("lifting gear").
_FINITE_FORM = "|".join(sorted({form for stem in _MEASURE_STEMS for form in stem[1:3]}, key=lambda w: (-len(w), w)))
_BASE_FORM = "|".join(sorted({stem[0] for stem in _MEASURE_STEMS}, key=lambda w: (-len(w), w)))
# What a verb of placing, raising or removing governs in the active voice: a tariff, a rate, a determiner. Not
# "in", "on" or "by" ("imposed in April and raised in June": two participles of one measure, no predicate).
_MEASURE_OBJECT = (
    r"(?:the|its|their|his|her|a|an|new|further|additional|extra|higher|lower|retaliatory|punitive|import|export|"
    r"them|it|tariffs?|duties|duty|levies|levy|\d)\b"
)
_SECOND_PREDICATE = (
    r"(?:(?:also|then|later|subsequently|again)\s+)?(?:"
    # With its auxiliary: "... and will be entirely removed", "... and has raised its duty to 20%".
    r"(?:will|would|has|have|had|is|are|was|were|could|can|may|might|shall|should)\s+(?:(?:also|now|then)\s+)?(?:to\s+)?"
    rf"(?:(?:be|been|being)\s+)?(?:[a-z]+ly\s+)?(?:{_ANY_FORM})\b"
    # A finite verb with its object: "... and raised duties on steel", "... and cut its tariff to 5%".
    rf"|(?:{_FINITE_FORM})\s+(?={_MEASURE_OBJECT})"
    # A bare verb: a second infinitive of a modal or "to" before it ("will impose ... and raise its duty ...").
    rf"|(?:{_BASE_FORM})\s+(?={_MEASURE_OBJECT})"
    r")"
)
# A clause that opens with a second predicate (after "and", "but" or a comma): the subject is the previous one's.
SECOND_PREDICATE = blind(rf"^\s*(?:(?:and|but)\s+)?{_SECOND_PREDICATE}")
# A bare verb after "and" shares the modal or "to" of the predicate before it ("Peru will impose a tariff on wine
# and cut its duty on steel": will cut), which goes with the subject to the second predicate. "to" before a
# determiner is a preposition ("exports to the US").
BARE_FORMS = frozenset(stem[0] for stem in _MEASURE_STEMS)
# "cut", "set" and "put" are past tenses too: with no modal before them they are finite verbs of their own.
SHARED_FORMS = frozenset({"cut", "set", "put"})
MODAL_OR_TO = blind(
    r"\b(?:to|will|would|could|can|may|might|shall|should|must)\s+(?:(?:also|then|now|soon)\s+)?"
    r"(?!(?:the|a|an|its|their|his|her|this|that|these|those|all|some|be|\d)\b)(?=[a-z])"
)
# The first verb of a clause, where its subject ends: an auxiliary, a finite verb of a measure, or one a tariff
# itself does ("the levy rose to 20%", "the duty took effect").
FIRST_VERB = blind(
    r"\b(?:has|have|had|is|are|was|were|will|would|could|can|may|might|shall|should|must|did|does|"
    r"said|says|rose|rises|fell|falls|climbed|climbs|stood|stands|remained|remains|took|takes|went|goes|"
    rf"{_FINITE_FORM})\b"
)

# The opening of a relative clause whose verb makes the measure before it draw a reply (see `CLAUSE_BREAK`):
# a verb of causing, then within three words a word of retaliation.
_REPLY_RELATIVE = (
    r"(?i:which|that)\s+(?:has\s+|have\s+|had\s+)?(?:prompted|spurred|triggered|provoked|drew|forced|sparked|"
    r"led|pushed|caused)\s+(?:[\w.'’-]+\s+){0,3}?(?i:retaliat|counter-?(?:tariff|dut|lev|measure)|tit-for-tat)"
)
# The same opening at the start of the clause it cut off: a reply, by the side answering on the side answered.
REPLY_RELATIVE = re.compile(rf"\s*{_REPLY_RELATIVE}")
# Case matters here ("and Beijing hitting back", ": He said"), so the words are marked case-blind one by one.
# Every break opens with one of the characters of the first class, which lets the engine skip, one table look-up
# each, every other character of the text; the look-behind after it then says which character that was, so that
# only the breaks opening with it are tried there (in the order they are written, as one alternation would).
CLAUSE_BREAK = re.compile(
    r"[,;:\"”\s](?:"
    # After a comma.
    r"(?<=,)(?:"
    r"(?i:\s+(?:while|whereas|although|though|but|to\s+which|which\s+he|and\s+(?=\w+\s+(?:would|will|has|have|had|said)))\s+)"
    r"|(?i:\s+and\s+(?=(?:\w+\s+)?(?:agreed|said|added|noted|stressed|warned|told|announced|has|have|will|would)\b))"
    r"|\s+and\s+(?=[A-Z]\w+\s+\w+ing\b)|\s+(?=[a-z]+ing\s+(?:\w+\s+){0,3}(?i:tariffs?|duties|levies)\b)"
    # A speech participle starts a statement of its own: "..., adding that if China retaliates ...".
    r"|(?i:\s+(?=(?:citing|blaming|accusing|saying|adding|noting|warning|stressing|arguing)\s))"
    # So does a side moved to act: "..., prompting Canada to announce 25% counter-tariffs" (Canada acts there).
    r"|\s+(?=(?:prompting|forcing|leading|causing|pushing|spurring|provoking|triggering)\s+(?:the\s+)?[A-Z])"
    # A time or reason clause has a subject of its own: "India raised duties, when the US hiked its tariffs".
    r"|(?i:\s+(?=(?:when|after|because|since)\s+(?:the\s+)?[A-Z]))|\s+(?=following\s+(?:the\s+)?[A-Z])"
    # A second event in the order it came: "US duties took effect, followed by Canada's counter-tariffs".
    r"|\s+(?=followed\s+(?:soon\s+|shortly\s+|quickly\s+)?by\s+(?:the\s+)?[A-Z])"
    r"|(?i:\s+and\s+(?=(?:later|then|subsequently|again)\s))"
    r")"
    # After a closing quote: "... ," and the speaker goes on.
    r"|(?<=[\"”])(?i:\s+and\s+(?=(?:\w+\s+)?(?:agreed|said|added|noted|stressed|warned|told|announced|has|have|"
    r"will|would)\b))"
    # After a space (the first of a run of spaces), before a word or dash a break there opens with.
    r"|(?<=\s)(?=\s*[aAbosw\-–—])(?:"
    r"(?i:\s*and\s+(?=the\s+(?:[\w-]+\s+){0,3}(?:tariffs?|duty|duties|levy|rate)\b[^,;]{0,40}?"
    r"\b(?:will|would|was|were|is|are|set|remain|remains|rose|fell|cut|raised)\b))"
    # A time or reason clause without a comma, when a named subject and its verb open it ("China set 34% on US
    # goods after Trump raised duties on Chinese goods to 54%"): the rate after it is that subject's.
    r"|\s*(?=(?:after|when|because|since|before|once)\s+(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){1,3}"
    r"(?:administration\s+|government\s+)?(?:has\s+|had\s+|have\s+|had\s+already\s+)?"
    r"(?:[a-z]+ed|hit|cut|set|put|slapped|said|made|took|began|struck|rose|won)\s)"
    # A contrast with a subject of its own, even without a comma ("Peru raised its duty to 20% while Chile cut
    # its own to 5%", "whereas the EU kept ..."): each side's statement is read with its own sides and rate.
    r"|(?P<contrast>\s*(?i:while|whereas)\s+)(?=(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){1,3}(?:administration\s+|government\s+)?"
    r"(?:(?:will|would|has|have|had|is|are|was|were|could|can|may|might|also|then|later)\s+)*[a-z]+\s)"
    # "Trump raised tariffs to 125% and China retaliated with 84%": a named subject and its verb after "and"
    # (not a participle: "on Canada and Mexico imposed in March"; `split_clauses` also leaves "Trump and Xi").
    r"|(?P<and_subject>\s*and\s+(?=(?:the\s+)?[A-Z][\w.'’-]*\s+(?:[A-Z][\w.'’-]*\s+)?(?:also\s+|then\s+|later\s+)?"
    r"(?:[a-z]+ed|(?!(?:including|according|following|regarding|excluding|starting|beginning|during)\b)[a-z]+ing|"
    r"hit|cut|set|put|struck|slapped|"
    # (or a verb of placing in the present: "Germany taxes cars at 10% and the US charges 25% on trucks")
    r"charges|imposes|levies|applies|sets|puts|slaps|keeps|maintains|taxes|raises|cuts)"
    r"\s+(?!(?:by|in|on|last|this|earlier|since|under|at|for)\b)"
    # A modal or auxiliary right after the named subject ("... on Peruvian corn and Chile would answer with 10%").
    r"|(?:the\s+)?[A-Z][\w.'’-]*\s+(?:[A-Z][\w.'’-]*\s+)?(?:will|would|has|have|had|could|is|was)\s+"
    r"(?:also\s+|then\s+|later\s+|now\s+|since\s+)?(?:be\s+|been\s+)?[a-z]+\s))"
    # "Peru taxed steel but exempted Bolivia": "but" before a second verb of the same subject, a second act.
    r"|\s*but\s+(?=(?:also\s+|then\s+|later\s+)?(?:exempted|exempts|excluded|excludes|spared|spares|offered|"
    r"offers|granted|grants|gave|gives|kept|keeps|left|leaves|delayed|delays|postponed|postpones|suspended|"
    r"suspends|paused|pauses|lifted|lifts|removed|removes|dropped|drops|lowered|lowers|imposed|imposes|"
    r"raised|raises|added|adds)\s)"
    # "Peru lifted its duties on wine and raised those on steel to 15%": a second predicate of the same subject.
    rf"|(?P<second_verb>\s*and\s+)(?={_SECOND_PREDICATE})"
    r"|\s*[-–—]\s+"
    r")"
    r"|(?<=;)\s+|(?<=:)\s+(?=[A-Z])"
    # A relative clause saying the measure drew a reply ("... on Chilean wine, which prompted Chile to retaliate",
    # "duties on Peruvian corn that spurred counter-tariffs from Lima"): the reply is a measure of its own, by
    # the side answering, and the rate before it stays with the measure answered.
    rf"|(?<=[,\s])\s*(?={_REPLY_RELATIVE})"
    r")"
)
# A sentence that opens with a time or reason clause ("After the US raised tariffs, Beijing ..."): the clause
# ends at its first comma. Conditions ("If talks fail, ...") are read whole: they govern what follows.
LEADING_SUBORDINATE = re.compile(
    r"^\s*(?:(?:After|When|Since|Because|As|While|Following|Before|Although|Though|Despite|Amid|In\s+the\s+wake\s+of|"
    # The measure answered ("In response to the US tariffs, Korea ..."): not the one the main clause takes.
    r"In\s+(?:response|reply|answer|retaliation)\s+(?:to|for|against))"
    # (A comma inside a number, "1,300 goods", ends no phrase.)
    r"\s(?:[^,;]|(?<=\d),(?=\d{3}\b)){10,}?,\s+"
    # An opening participle or purpose phrase ("Seeking to shield its mills, Peru ...", "Angered by the levy, Chile
    # ...", "To protect farmers, the government ..."): the reason or manner of the main clause, whose subject
    # follows the comma. Phrases of time or scope ("Starting Monday", "Including Peru") and phrases that state a
    # rate of their own are left whole, and so is the scene of a statement ("Speaking after three hours of talks in
    # Ottawa, the two ministers said ...": the talks it names are the speakers').
    r"|(?:(?!(?:Beginning|Starting|Including|Excluding|Effective|Pending|Following|Speaking|Talking|Addressing|"
    r"Writing)\b)[A-Z][a-z]+ing|"
    r"[A-Z][a-z]+ed\s+(?:by|with|over|at|about)|To\s+[a-z]+)"
    r"\s[^,;\d%]{8,}?,\s+(?=(?:the\s+|its\s+)?[A-Z]))"
)
# A time phrase opening a sentence with a gerund and no subject of its own ("After signing the pact with Peru,
# Chile ..."): its doer is the subject of the main clause after the comma.
OPENING_GERUND = re.compile(r"^\W*(?:After|Before|Since|Upon|On|While|By)\s+[a-z]+ing\b")
TARGET_BEFORE = blind(
    r"\b(?:on|from|against|to|into|for|with|toward|towards|between|including|of|charge|charges|charged|"
    r"hit|hits|pressuring|punish|penalize|exempting|excluding|spare|sparing|helping|"
    # The object of a verb of striking is the side struck: "slapped China with tariffs", "is threatening Japan".
    r"hitting|slap|slaps|slapped|slapping|threaten|threatens|threatened|threatening|target|targets|targeted|"
    r"targeting|punishes|punished|punishing|penalizes|penalized|penalizing)\s+"
    r"(?:the\s+|all\s+|its\s+|their\s+|some\s+|most\s+|imported\s+|certain\s+|goods\s+from\s+|other\s+|"
    r"products\s+from\s+|imports\s+from\s+|both\s+|any\s+|and\s+)*$"
)
# The one offered or granted something ("offer Canada a reprieve"): whom the measure falls on (but not
# "give Washington's partners time": there the possessor is not the one given it).
RECIPIENT_BEFORE = blind(
    r"\b(?:offer|offers|offered|offering|grant|grants|granted|granting|give|gives|gave|giving|award|awarded)\s+"
    r"(?:both\s+|and\s+)*$"
)
# The side a levy is paid or owed to collects it: "Ghana pays a 14% levy to Togo", "the duties owed to the
# EU". That side acts; the side paying is hit.
# "a grace period from Washington", "a waiver from the EU": the side that spares acts.
GRANTOR_BEFORE = blind(
    r"\b(?:reprieve|exemption|exclusion|waiver|delay|extension|grace\s+period|carve-?out)\s+from\s+(?:the\s+)?$"
)
PAYEE_BEFORE = blind(r"\b(?:pay|pays|paid|paying|owe|owes|owed|owing)\b[^,;.]{0,30}?\bto\s+(?:the\s+)?$")
# "countermeasures from Ottawa", "retaliation by Beijing": the source, not the target.
SOURCE_BEFORE = blind(
    r"\b(?:countermeasures|retaliation|response|tariffs?|duty|duties|levy|levies|measures|imposed|levied|announced|set|"
    r"introduced|enacted|reimposed|reinstated|reintroduced|restored|slapped|placed)\s+"
    r"(?:from|by)\s+(?:the\s+)?$|"
    # ... with its rate between: "will face tariffs of 20% from Peru" (the side charging them, as without the rate).
    r"\b(?:tariffs?|duty|duties|levy|levies)\s+of\s+(?:up\s+to\s+)?[\d.]+\s?(?:%|percent|per\s+cent|pc)\s+"
    r"(?:from|by)\s+(?:the\s+)?$|"
    # The agent of a passive of lifting, pausing or easing: "the duties on Thai rice were lifted by Indonesia".
    r"\b(?:lifted|removed|eliminated|scrapped|abolished|dropped|repealed|revoked|rescinded|suspended|paused|"
    r"postponed|delayed|deferred|exempted|waived|granted|extended)\s+(?:\w+\s+)?by\s+(?:the\s+)?$|"
    # The agent of a passive after the rate it sets: "would be tariffed at 20 percent by Peru".
    r"\b(?:tariffed|taxed|raised|lowered|cut|set|fixed|hit)\s+(?:at\s+|to\s+|with\s+)?(?:a\s+)?[\d.]+\s?"
    r"(?:%|percent|per\s+cent|pc)\s+(?:\w+\s+){0,2}?by\s+(?:the\s+)?$"
)
TARGET_AFTER = blind(
    # (An abbreviation in brackets may follow the name: "the European Union (EU) will face".)
    r"^(?:'s|’s)?(?:\s*\([^()]{1,12}\))?(?:\s*,[^,]{0,50},)?"
    # The last name of a list left open ("Brazil, Korea and others will get exemptions"): the others share its role.
    r"(?:\s+(?:and|or)\s+(?:(?:several|some|many|a\s+few|a\s+handful\s+of)\s+)?others\b)?"
    r"\s*(?:(?:will|would|is|was|has|had|could|were|are)\s+)?"
    r"(?:also\s+|both\s+|all\s+|each\s+)?"
    r"(?:still\s+|currently\s+|now\s+|already\s+|effectively\s+)?"
    r"(?:set\s+to\s+|continue\s+to\s+|continues\s+to\s+(?:be\s+)?|be\s+|been\s+|being\s+)?"
    r"(?:face|faces|facing|faced|pay|pays|paid|paying|subject\s+to|"
    # "Chile is among the countries most exposed to the tariffs": whoever is exposed to a measure is hit by it.
    r"(?:,\s*)?(?:(?:one\s+of|among)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?)?"
    r"(?:the\s+)?(?:most\s+|more\s+|highly\s+|heavily\s+|particularly\s+|especially\s+)?(?:exposed|vulnerable)\s+to|"
    # "Malaysia secured a lower rate": whoever obtains a rate is the side that pays it.
    r"(?:have|get|gets|got|receive|received|enjoy|enjoys|won|wins|secured|secures|obtained|negotiated|clinched|"
    r"landed)\s+(?:a\s+|an\s+)?(?:much\s+|far\s+|\w+ly\s+)?(?:lower|higher|reduced|preferential)|"
    # "Vietnam agreed to a 20% rate", "Peru accepted a 15% tariff": the side that accepts a rate pays it.
    r"(?:agreed\s+to|agrees\s+to|accepted|accepts)\s+(?:a|an|the)\s+(?:\S+\s+){0,2}?(?:rate|tariffs?)\b(?!\s+(?:on|against)\b)|"
    # "Mexico was granted a reprieve" is spared; "the EU granted an exemption" grants it.
    r"(?:won|wins|win|got|gets|get|getting|secured|secures|secure|received|receives|receive|obtained|obtains|"
    r"obtain|"
    # "Moldova requested a grace period": the side asking to be spared is the one a measure falls on.
    r"requested|requests|sought|seeks|asked\s+for|asks\s+for|"
    # With no article the spared side may win relief, or exemptions in the plural: "Canada won relief from".
    r"(?:was|were|is|are|be|been|being)\s+(?:granted|given))\s+(?:(?:a|an)\s+(?:[\w-]+\s+){0,2}?|"
    # (Up to three words may qualify it: "would get at least temporary exemptions".)
    r"(?=(?:[\w-]+\s+){0,3}?(?:relief|exemptions|exclusions|waivers)\b)(?:[\w-]+\s+){0,3}?)"
    r"(?:reprieve|exemptions?|exclusions?|waivers?|delay|extension|grace\s+period|carve-?out|break|relief|"
    # "Australia received a duty-free quota": the side whose goods it lets in, not the side granting it.
    r"respite|quota))\b"
)
# Passive only: "Mexico was exempted" is spared, but "Mexico exempted auto parts" acts. After a copula "exempt"
# is the adjective ("Australia will be exempt", "Chile remains exempt"): spared as well.
PASSIVE_TARGET_AFTER = blind(
    # (An abbreviation in brackets may follow the name: "the European Union (EU) was hit".)
    r"^(?:'s|’s)?(?:\s*\([^()]{1,12}\))?(?:\s*,[^,]{0,50},)?\s*(?:(?:will|would|could|may|might)\s+)?"
    r"(?:also\s+|still\s+)?"
    r"(?:continues?\s+to\s+|continued\s+to\s+|set\s+to\s+)?"
    r"(?:is|was|be|are|were|been|being|has\s+been|have\s+been|remain|remains|remained)\s+"
    r"(?:also\s+|\w+ly\s+|all\s+|still\s+)?"
    r"(?:hit\s+by|hit\s+with|spared|exempted|excluded|exempt)\b"
)
POSSESSIVE = re.compile(r"^(?:'s|’s)\s+")
# The side met in talks named inside a tariff clause ("cut tariffs on 800 goods ahead of talks with Japan"): the
# partner of the talks, not a side the tariff hits.
TALKS_WITH_BEFORE = blind(
    r"\b(?:talks|negotiations|consultations|dialogue|meetings?|summit)\s+with\s+(?:the\s+|its\s+|their\s+)?$"
)
# The place a visit or trip goes to ("On a visit to Washington, Turkey's minister said ..."): where the speaker
# is, not a side of the measure.
VISIT_TO_BEFORE = blind(r"\b(?:visit|visits|trip|trips|tour|journey|state\s+visit)\s+to\s+(?:the\s+)?$")
# Goods named by a possessive pronoun after "on" ("tariffs on its semiconductor products"): the goods of a side
# already named, not of every origin.
ON_ITS_BEFORE = blind(r"\bon\s+(?:its|their)\s+(?:[\w-]+\s+){0,2}?$")
# A side named as the seller, by its export trade ("Peru's largest export market", "Chile's exporters"): whose
# goods a measure falls on, never the side taxing them.
EXPORTER_AFTER = blind(
    # (A name ending in "s" or a stop may take the apostrophe alone: "the U.S.' third largest export market".)
    r"^(?:'s|’s|'|’)\s+(?:[\w-]+\s+){0,2}?(?:export\s+(?:markets?|destinations?|partners?|buyers?|customers?)|"
    r"exporters?|export\s+(?:earnings|revenues?|industry|sector|trade|volumes?)|"
    # "Chile's biggest market for pisco": where its goods are sold.
    r"(?:markets?|destinations?|buyers?|customers?)\s+for)\b"
)
# A side said to be another's market ("Peru has become Chile's biggest market for pisco", "Korea is Peru's
# top export destination"): the side buying, whose tariff the goods sold to it pay.
MARKET_OF_AFTER = blind(
    r"^\s+(?:is|was|has\s+(?:already\s+|now\s+)?become|had\s+become|became|remains|remained)\s+"
    r"(?:now\s+|already\s+|still\s+)?(?:the\s+)?[\w.\s-]{1,30}?(?:'s|’s|'|’)\s+(?:[\w-]+\s+){0,2}?(?:export\s+)?"
    r"(?:markets?|destinations?|buyers?|customers?)\b"
)
# Where goods are sold ("before it reached Korean shelves", "Japanese shoppers pay more"): the market a demonym
# names is the side letting the goods in, not their origin.
# (An importer or buyer pays its own country's duty: "Korean importers will pay 10% on Vietnamese shrimp".)
MARKET_AFTER = blind(
    r"^\s+(?:shelves|stores|supermarkets|retailers|consumers|shoppers|dinner\s+tables|importers|buyers|purchasers)\b"
)
# What a side buys from another ("China's imports from Chile", "Japan's purchases of US corn"): the side that
# owns the imports lets them in, so it is the one whose tariff falls on them.
# Goods "Mexico-bound" go to Mexico's market, which taxes them (as "goods to Mexico"); a side's supplier sells
# into it ("Chile, Peru's largest wine supplier, faces ...").
OWN_IMPORTS_FROM = blind(
    r"^(?:(?:'s|’s)\s+(?:\w+\s+)?(?:imports|purchases)\s+(?:of\s+[\w\s-]{1,30}?\s+)?from|-bound|"
    r"(?:'s|’s)\s+(?:[\w-]+\s+){0,3}?suppliers?)\b"
)
GOODS_AFTER = blind(
    r"^(?:'s|’s)?\s*(?:[\w-]+\s+){0,2}?(?:goods|imports|products|exports|shipments|items|steel|aluminum|autos|"
    r"cars|EVs|vehicles|food|automobiles|automakers|carmakers|companies|farmers|beef|corn|producers|"
    r"manufacturers|made)\b"
)
# Words between a party and "tariffs" that keep the tariffs its own ("U.S. tariffs", "China's new 34% levies");
# goods in between ("Chilean copper tariffs") make the party the one hit.
TARIFF_AFTER = blind(
    r"^(?:'s|’s)?\s*(?:(?:own|new|additional|extra|retaliatory|reciprocal|import|punitive|counter|existing|"
    r"higher|lower|steep|steeper|sweeping|latest|planned|proposed|original|current|baseline|\d+(?:\.\d+)?\s?"
    r"(?:%|percent|per\s?cent)|section\s+\d+)[\s-]+){0,3}(?:tariffs?|duties|duty|levies|levy|counter-?tariffs?|"
    # The other words of TARIFF_WORD for a tariff: "Canada's 25% surtax", "Chile's import surcharge".
    r"counter-?duties|surtax|surtaxes|surcharges?)\b"
    # "enter China duty-free" (or "duty free"): a word of manner, not a tariff China owns or is charged.
    r"(?![-\u2010\u2011 ]free\b)"
)
# A side's decision or plan to place tariffs is its own tariff, whoever speaks of it: "China weighs the impact of
# the United States' decision to impose tariffs on its goods", "Peru's plan to slap new duties on Chilean wine",
# "after a U.S. move to put tariffs on steel" (the side's name as the plan's modifier).
DECIDED_TARIFF_AFTER = blind(
    r"^(?:'s|’s|'|’)?\s+(?:[\w-]+\s+)?(?:decision|plan|plans|move|threat|announcement|order|proposal|bid|pledge|"
    r"vow|promise)\s+to\s+(?:impose|levy|slap|raise|put|place|add|increase|hike|set|charge|apply|introduce|"
    r"announce|unveil)\s+"
    r"(?:[\w%.-]+\s+){0,4}?(?:tariffs?|duties|duty|levies|levy)\b"
)
# "levies" as a verb right after its subject: "India levies 50% on ...", "Chile now levies a duty on ...", "the
# EU levies duties on ..." (the noun takes "of" or "on" after it: "US levies on steel").
LEVIES_VERB = blind(
    r"^\s*(?:also\s+|now\s+|already\s+|still\s+)?levies\s+(?=\d|a\s|an\s|its\s|(?:[\w-]+\s+)?(?:tariffs?|duties|"
    r"levies|taxes|surcharges?)\b)"
)
# "Thailand's reciprocal tariff", "Japan's tariff rate will be 15%": the rate a country is charged, not its
# own schedule (which takes an object: "India's tariff rate on US goods", or is an average, overall or bound rate:
# "lower Chile's overall tariff rate to 6%").
FACED_RATE_AFTER = blind(
    r"^(?:'s|’s)\s+(?!(?:\w+\s+)?(?:average|applied|bound|mfn|simple|overall|general|statutory)\b)(?:[\w-]+\s+){0,2}?"
    r"(?:reciprocal\s+(?:tariffs?|duty|duties|levy|rate)|tariff\s+rate)\b(?!\s+(?:on|for|against)\b)"
)
DEAL_AFTER = blind(r"^\s*(?:trade\s+)?(?:deal|agreement|pact|talks)\b")
GOVERNMENT_AFTER = blind(
    # A side's body that rules on trade, named with a word or two of its field ("the Canadian Import Tribunal",
    # "the Peruvian Trade Commission"), acts for that side as its government does.
    r"^\s*(?:(?:[\w-]+\s+){0,2}?(?:tribunal|commission|agency|authority|department)\b|officials?|government|authorities|president|prime\s+minister|minister|ministry|PM|leader|delegation|"
    r"negotiators?|side|counterparts?|premier|vice\s+premier|trade\s+minister|finance\s+minister|commerce|"
    r"customs|cabinet|regulators?|lawmakers|parliament|embassy|envoy|officials)\b"
)
EXAMPLES = blind(
    r"\b(?:dozens|scores|many|several|a\s+long\s+list)\s+of\s+(?:\w+\s+){0,2}?"
    r"(?:countries|economies|nations|partners)\W+(?:including|such\s+as|like|among\s+them)\b"
)
# A group of countries given by a number or a quantity instead of names ("14 countries", "several nations",
# "around 90 other economies", "53 African countries"): its noun, and the quantity that ends the words before it
# (at most two words between: "other", "African", "of its trading"). A count must be at least `GROUP_MIN_COUNT`:
# "the two countries", "both nations" are the parties named before.
GROUP_NOUN = _words(r"countries|nations|economies|(?:trading|trade)\s+partners|jurisdictions")
GROUP_QUANTITY_BEFORE = re.compile(
    r"\b(?:(?P<count>\d{1,3})|dozens\s+of|scores\s+of|hundreds\s+of|several|numerous|multiple|various|"
    r"a\s+(?:number|host|raft|slew|series|range|list|dozen)\s+of|"
    r"(?P<word>five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety|hundred))\s+(?:[a-z-]+\s+){0,2}?$",
    re.I,
)
GROUP_MIN_COUNT = 5
# Parties named after a group as examples of it ("14 countries, including Myanmar"): the group is hit, all of it.
EXAMPLES_AFTER = re.compile(r"^\W{0,3}\s*(?:including|such\s+as|like|among\s+them|notably|especially)\b", re.I)
# Goods named right after a tariff or its rate without an origin, and without referring back to a measure
# ("25% on certain furniture", "a tariff on imported cars", "10% for most goods"): "on" and a word that is not a
# determiner, a pronoun, a day or a month; or "for" and a word of quantity or of foreign origin.
GOODS_WITHOUT_ORIGIN_AFTER = re.compile(
    r"^(?:\s+[\w-]+){0,2}?\s+(?:on\s+(?!(?:the|its|his|her|their|our|your|these|those|this|that|them|it|him|us|"
    r"such|each|both|which|whom|what|top|hold|track|behalf|board|average|now|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|"
    r"dec|january|february|march|april|june|july|august|september|october|november|december)\b)[a-z]|"
    r"for\s+(?:all|most|every|any|imported|foreign)\b)",
    re.I,
)
# A side's tariff level as a whole ("its overall tariff level", "the average tariff rate"), not a rate on someone's
# goods ("the average tariff rate on Chinese goods").
_TARIFF_LEVEL = (
    r"\b(?:overall|average|general)\s+(?:import\s+)?tariff\s+(?:level|rate)s?\b(?!\s+(?:on|for|against|of)\b)|"
    r"\btariff\s+levels?\b(?!\s+(?:on|for|against|of)\b)"
)
# A country's own tariffs cut, or its tariff level, with no origin named: a schedule lowered for every origin
# (a unilateral cut is most-favoured-nation), not a measure on the partner the article is about. The cut
# governs a tariff: its verb right before it ("reduced import tariffs", "will lower duties"), its noun right
# after ("tariff cuts", "a duty reduction"), or the tariff the passive subject ("tariffs would be cut").
OWN_SCHEDULE = blind(
    r"\b(?:cut|cuts|cutting|reduce|reduces|reduced|reducing|lower|lowers|lowered|lowering|slash|slashes|"
    r"slashed|slashing)\s+(?:\w+\s+){0,3}?(?:import\s+)?(?:tariffs?|duties|duty|levies)\b|"
    r"\b(?:tariff|duty|customs)\s+(?:cuts?|reductions?)\b|"
    r"\b(?:tariffs?|duties)\s+(?:\w+\s+){0,6}?(?:would|will|were|was|are|is|be|been)\s+(?:be\s+)?"
    r"(?:cut|reduced|lowered|slashed)\b|" + _TARIFF_LEVEL
)
# A tariff referred back to by a definite word ("reduced the duty to 85 cents"): a measure already named.
DEFINITE = _words(r"the|that|this|those|these")
TARIFF_LEVEL = blind(_TARIFF_LEVEL)
# Goods said to come from abroad, from no origin in particular, right after a tariff or its rate ("tariffs on
# imported cars", "a levy on all foreign steel", "duties on imports of copper"): every origin's goods.
IMPORTED_GOODS_AFTER = re.compile(
    r"^(?:\s+[\w-]+){0,2}?\s+on\s+(?:all\s+|most\s+|any\s+)?(?:imported|foreign|foreign-made|overseas|"
    r"imports\s+of|all\s+imports)\b",
    re.I,
)
# The two sides of talks named again without their names: "the two sides will meet again", "both countries
# agreed to keep talking". They are the sides of the last talks or measure the article named.
PAIR_SUBJECT = _words(
    r"(?:the\s+two|both)\s+(?:sides|countries|nations|governments|economies|leaders|capitals|delegations|partners)"
)
_DAY_OR_MONTH = (
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|"
    r"august|september|october|november|december|jan\.?|feb\.?|sept?\.?|oct\.?|nov\.?|dec\.?|\d{1,2}"
)
# ("on Friday between Peru and Korea": the sides after "between" are named in their order, neither met "with";
# "on" a day is a date, no partner slot.)
PARTNER_BEFORE = blind(
    r"\b(?:with|to|against|on(?!\s+(?:the\s+)?(?:" + _DAY_OR_MONTH + r")\b)|by)\s+(?:the\s+|its\s+|their\s+)?"
    r"(?:(?!between\b|among\b)\w+\s+){0,2}(?:the\s+)?$"
)
# The side met "with", right before its name ("talks with the UK", "deals with the governments of"): the
# first item of a list of partners.
WITH_BEFORE = blind(r"\bwith\s+(?:the\s+|its\s+|their\s+)?(?:(?!between\b|among\b)\w+\s+){0,2}(?:the\s+)?$")
# What stands between two items of a list of parties ("Chile, Peru and the EU"), and the word that closes one.
LIST_GAP = re.compile(r"\s*,\s*(?:(?:and|or)\s+)?(?:the\s+)?|\s+(?:and|or)\s+(?:the\s+)?", re.I)
LIST_CLOSING = re.compile(r"\b(?:and|or)\b", re.I)
# A place opening a wire story ("OSLO -", "Lagos:", "Lima, Jan 5"): where it was filed, not a party.
DATELINE_AFTER = re.compile(
    r"\s*(?:\([^)]{1,30}\)\s*)?(?:[-–—]+\s|:\s|,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}\b|\d{1,2}\s+[A-Z][a-z]+))"
)
# An office acting without its country named: "the government will raise ...", "the finance minister cut ...".
# ("The administration" is left out: in trade news it is Washington's, and named as such elsewhere.)
OFFICE_SUBJECT = blind(
    r"\b(?:government|cabinet|"
    r"(?:finance|commerce|trade|economy|industry|agriculture)\s+(?:minister|ministry)|"
    r"ministry\s+of\s+(?:finance|commerce|trade|economy|industry)|customs\s+authorit(?:y|ies))\b"
)
# Words of the tariffs only Washington levies: a clause using them is about US tariffs, whoever else it names.
# Offices every government has, which the gazetteer reads under their US names ("the Treasury", "Congress", "the
# Commerce Department", "the administration"): in an article that names the US in no other way, they are the
# offices of the country the article is about ("Treasury Cabinet Secretary John Mbadi" in a story on Kenya's budget).
SHARED_OFFICE_NAMES = frozenset(
    {
        "treasury",
        "treasury secretary",
        "congress",
        "commerce department",
        "department of commerce",
        "commerce secretary",
        "the administration",
    }
)
US_TARIFF_WORDS = blind(r"\breciprocal\b|\bsection\s+(?:232|301|201|122)\b|\bieepa\b|\bliberation\s+day\b")
# "The country" or "the nation" as a subject, right before its verb, refers back to the side the sentence is
# about ("China's soybean buying changed after the country decided to impose ..."), not to an article's guess.
THE_COUNTRY_SUBJECT = blind(
    r"(?<!\bon\s)(?<!\bto\s)(?<!\bof\s)(?<!\bin\s)(?<!\bfor\s)(?<!\bfrom\s)(?<!\binto\s)(?<!\bwith\s)(?<!\bby\s)"
    r"(?<!\bagainst\s)\bthe\s+(?:country|nation)\s+(?:(?:has|had|have|will|would|then|also|later|already|first|"
    r"recently|previously)\s+)*(?:[a-z]+ed|decides|imposes|plans|cuts|raises|lowers|levies|slaps|announces)\b"
)
# A clause that starts with a participle or an auxiliary has no subject of its own: it shares the previous one.
CONTINUES = blind(r"^\s*(?:and\s+|but\s+)?(?:[a-z]+ing|has|have|had|was|were|is|are|will|would|also)\b")
TOPIC_BEFORE = blind(
    r"\b(?:talks|negotiations|negotiate|negotiating|discussions|consultations|dialogue)\b[^;]{0,40}?\b"
    r"(?:on|over|about)\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}$"
)
# A tariff that is only sought: "time to negotiate a lower tariff", "push for lower duties".
SOUGHT_BEFORE = blind(
    r"\b(?:negotiate|negotiating|seek|seeking|secure|securing|win|winning|push\s+for|pushing\s+for|lobby\s+for|"
    r"making\s+the\s+case\s+for)\s+(?:a\s+|an\s+)?(?:lower|better|reduced|lighter|smaller)\s+$"
)
EFFECT_AFTER = blind(r"^\W*(?:\w+\W+){0,2}?(?:took|takes|take|went|go|goes)\s+(?:into\s+)?effect")
AUXILIARY_START = blind(r"^\s*(?:and\s+|but\s+)?(?:has|have|had|was|were|is|are|will|would)\s+(?!been\b)\w")
# A place named after "in" or "at" (or after a city: "in Geneva, Switzerland"), or as the place a visitor
# leaves ("as the delegation left Lima for home") ...
VENUE_AT = blind(
    r"\b(?:(?:in|at)\s+(?:the\s+)?(?:[A-Z][\w.-]*\s*,\s*|[a-z]+\s+city\s+of\s+)?|(?:left|leaving|departed|departing)\s+)$"
)
# ... in a clause about a meeting is where the meeting is.
MEETING_WORD = _words(
    r"summit|summits|talks|meeting|meetings|met|meet|negotiations|negotiators|sidelines|conference|forum|"
    r"gathered|gathering|round|visit|visited|hosted|hosts|dinner|dined|dine|dines|dining|held|convened|ministerial|"
    r"session"
)
# ... or is followed by the meeting it hosts: "is in Geneva for talks", "arrived in Tokyo to attend a two-day meeting".
MEETING_AFTER = blind(
    r"^\s+(?:for|to\s+attend|to\s+take\s+part\s+in)\s+(?:[\w-]+\s+){0,4}?(?:talks|meeting|meetings|negotiations|summit|"
    r"conference|forum|session|visit)\b"
)
# A report verb: the parties a deal or talks are between are named after it ("X announced that A and B ...").
REPORTED_THAT = blind(r"\b(?:said|says|announced|announces|told\s+\w+|stated|confirmed|reported)\s+that\s")
SUMMIT_AFTER = blind(r"^\s+(?:\w+\s+)?(?:summit|summits|meeting|ministerial|forum|conference|leaders)\b")
VENUE_BEFORE = blind(r"\b(?:in|at)\s+$")
# Where an agreement was signed ("was signed in Singapore", "sealed the pact on Friday in Hanoi"): a place, not a
# party; goods "made in" or "grown in" a country are the exception.
SIGNED_AT = blind(
    r"\b(?:signed|signing|sealed|inked|initiall?ed|concluded)\s+"
    r"(?:(?!made\b|produced\b|grown\b|built\b|based\b|sold\b)[\w'’-]+\s+){0,4}?(?:in|at)\s+(?:the\s+)?$"
)
# A name right before another ("US China relations", "U.S.-Japan trade") or before the relations it qualifies
# ("in US relations with Beijing") names a pair or a side's affairs, not where a meeting is.
NAME_JOINER = re.compile(r"\s*[-/–]\s*|\s+")
QUALIFIED_AFTER = blind(r"\s*[-/–]?\s*(?:relations|ties|relationship|trade\s+relations|economic\s+relations)\b")
SAME_RATE = blind(r"\bthe\s+same\s+(?:\w+\s+)?(?:tariffs?|rate|duty|duties|levy|levies)\b")
# The importing side taxes: "imports into the US", "goods to the United States", "products entering Canada";
# goods that "enter Japan duty-free" are let in by Japan.
INTO_BEFORE = blind(
    # Not a probe "into" a side's practices: that side is looked at, not the market goods go into.
    r"\b(?:(?<!probe\s)(?<!probes\s)(?<!investigation\s)(?<!investigations\s)(?<!inquiry\s)(?<!look\s)into|"
    # A verb of selling abroad, as its participle: "the steel it ships to Canada", "what Chile sells to Peru".
    r"(?:imports|exports|goods|shipments|products|sales|imported|exported|shipped|sold|ships|sells|export|ship|sell)\s+"
    # "goods exported from Chile to Peru", "exports of Chilean wine to Peru": the side they go to.
    r"(?:(?:from|of)\s+(?:the\s+)?(?:[\w-]+\s+){1,3}?)?to|"
    r"enter|enters|entered|entering|(?:headed|heading|bound|destined)\s+for|"
    # "Chilean cars face a 100% tariff in Peru": the market where the tariff is charged; so is the country
    # where goods are taxed ("are taxed at 30% in Korea").
    r"(?:tariffs?|duty|duties|levy|levies)\s+in|"
    r"(?:taxed|tariffed|dutied|levied|charged)\b[^,;]{0,16}?\s+in)\s+(?:the\s+)?$"
)
SPEAKER_AFTER = blind(
    # The side's own office speaking counts as the side ("Mexico's president said ...").
    r"^(?:'s|’s)?(?:\s+\w+){0,2}?\s+(?:said|says|told|added|noted|wrote|stressed|explained|argued|claimed|posted)\b"
)
# A time clause ("..., when Washington raised duties on steel") tells what came before, as background: its actor
# is not the one the article's later clauses without an actor speak of.
BACKGROUND_CLAUSE = blind(r"^\s*(?:when|after|since|before|ever\s+since|following)\b")
# A speaker named after what it reports, at the clause's end ("..., the Thai trade minister told reporters"):
# the source of the statement, not a party to the talks it reports.
TRAILING_SPEAKER = blind(r",\s*(?:[^,;]{0,80}?)\s(?:told|said|says|added|noted|confirmed|stated)\b[^,;]{0,60}$")
SELF_AFTER = blind(r"^(?:\s+on\s+\w+)?(?:\s+that)?\s+(?:it|they|we|its|their)\b")
REACTION_AFTER = blind(r"^\s*(?:welcomes|welcomed|hails|hailed|slams|slammed|criticizes|criticized)\b")
# "the Trump administration's tariffs", "the Chinese government's duties": the office stands for its country.
OFFICE_AFTER = blind(r"^\s+(?:administration|government|cabinet)(?='s|’s)")
# A rate bound to the party named right after it ("46% for Vietnam", "a 20% tariff on Chilean goods") ...
RATE_FOR_AFTER = blind(
    r"^\s*(?:[\w-]+\s+){0,3}?(?:for|on|against|to)\s+(?:imports\s+from\s+|goods\s+from\s+|products\s+from\s+)?"
    r"(?:the\s+)?$"
)
# ... or right before it ("Japan and Korea (15%)", "India's 25 percent", "Vietnam at 46%", "Brazil: 10%").
RATE_OF_BEFORE = blind(
    r"^(?:'s|’s)?\s*(?:\(|at|:|,|-|–|—|with|gets|got|faces|faced|facing|pays|"
    r",?\s*which\s+(?:stays|remains|will\s+stay|will\s+remain|stay|remain|is\s+kept|keeps)\s+at)?\s*(?:a|an|the)?\s*$"
)
# A party named after "except" is left out of the measure: "on all aluminum, except from Britain".
EXCEPT_BEFORE = blind(
    r"\b(?:except|excepting|excluding|other\s+than|apart\s+from|with\s+the\s+exception\s+of|but\s+not|"
    # "everyone but China", "all countries but Brazil": "but" after everyone is an exception.
    r"(?:everyone|everybody|all\s+(?:other\s+)?(?:countries|nations|economies|partners|trading\s+partners))\s+but)\s+"
    r"(?:for\s+)?(?:[\w-]+\s+){0,3}?(?:from\s+|in\s+|of\s+)?(?:the\s+)?$"
)
COORDINATED = blind(r"^\s*(?:,|and|or|&|, and|, or)\s*(?:the\s+)?$")
# Verbs whose subject is the side that acts on a tariff.
ACTION = Cue(
    r"impose|imposes|imposed|imposing|announce|announces|announced|announcing|announcement|slap|slapped|"
    r"levy|levied|levying|raise|raised|raises|raising|hike|hiked|hikes|increase|increased|charge|target|"
    r"targeted|targeting|retaliat\w*|threaten|threatened|threatens|warned|warns|halving|halved|doubled|cut|cuts|"
    r"reduce|reduced|lower|lowered|lowering|lift|lifts|lifted|remove|removed|eliminate|eliminated|abolish|abolished|scrap|"
    r"scrapped|cancel|cancelled|canceled|rescind|rescinded|suspend|suspended|suspends|pause|paused|delay|"
    r"delayed|delaying|extend|extended|extends|exempt|exempted|eased|hold\s+off|held\s+off|defer|"
    r"rolling\s+out|revealed|signed|hitting\s+back|hits\s+back|hit\s+back|not\s+impose|not\s+introduce|"
    r"will\s+charge|maintain|include|includes|tariffs?|duty|duties|levy|levies|\d+(?:\.\d+)?\s?(?:%|percent|per\s?cent)",
)
US_AUTHORITY = Cue(
    r"\bsection\s+(?:232|301|201|122)\b|\bIEEPA\b|\bfentanyl\b", bounded=False, needles=("section", "ieepa", "fentanyl")
)
# A tax levied at home on sales, income or profits is no tariff ("a 10 pct sales tax on phone services").
RATE_NOUN_AFTER = blind(
    r"^\s*(?!(?:sales|income|value-added|consumption|payroll|property|corporate|profits?|pass-through)\s)"
    # A tax on what firms or people earn is no tariff: "a 10 percent tax rate on profits".
    r"(?!(?:[\w-]+\s+)?(?:rate|tax)\s+on\s+(?:\w+\s+)?(?:profits|income|earnings|wages|salaries)\b)(?:[\w-]+\s+)?"
    r"(?:charge|rate|threat|tax|taxes|hike|levy)\b|"
    # Countermeasures given a rate are tariffs ("its 25% countermeasures on US goods", "25% retaliatory
    # measures"); only vague ones are no fact, and "40% of measures" is a share.
    r"^\s*(?!of\s)(?:[\w-]+\s+)?(?:countermeasures|counter-measures|measures)\b"
)
REPLACES = blind(r"\b(?:replaces|replaced|replacing|supersedes|superseded|superseding)\b")
# A rate said to be the former one, then the present one: "which had been 12%, is now 6%", "previously 12%,
# now 6%".
FORMER_BEFORE = blind(
    r"\b(?:(?:which|that)\s+(?:had\s+been|was|were|used\s+to\s+be|stood\s+at)|previously|formerly|once)\s+"
    r"(?:at\s+)?$"
)
NOW_RATE = re.compile(
    r"\s*,?\s*(?:(?:now|currently|today)\s+)?"
    r"(?:(?:is|are|will\s+be|has\s+been|stands?\s+at|goes\s+to|falls\s+to|rises\s+to|drops\s+to)\s+)?"
    r"(?:(?:now|currently|today)\s+)?(?:at\s+)?",
    re.I,
)
FORMER_RATE = blind(
    r"(?:,\s*|\s)(?:down|up|lowered|reduced|raised|cut)\s+from\s+(?:[\w-]+\s+){0,4}$|"
    # A multiple of the old rate, or the rate the new one takes the place of: "to 50 percent, doubling the 25
    # percent rate", "15%, replacing the 30% rate threatened"; but one said to be in force ("doubling the existing
    # 25% duty") stays a fact of its own.
    r",\s*(?:doubling|tripling|quadrupling|halving|replacing|superseding)\s+(?:the|its|their|a|an|that|this)\s+"
    r"(?!(?:[\w-]+\s+)?(?:existing|current|present)\b)(?:[\w-]+\s+){0,2}$"
)
RATE_WORD = blind(r"\b(?:rate|rates|levy|duty|duties)\b")
# A verb that states what a tariff (its subject) comes to: "will amount to 35%", "stands at 10%", "is set at 5%".
AMOUNTS_TO = blind(r"\b(?:amount|amounts|amounted|amounting|stand|stands|stood|set|fixed)\s+(?:to|at)\s*$")
# The ceiling a rising tariff reaches is a rate stated, as "up to 25%" is: "topping out at 25%", "would
# eventually reach 25 percent", "peaking at 25%" (where the tariff is what rises, `CEILING_OF_OTHER` tells).
CEILING_BEFORE = blind(
    r"\b(?:top|tops|topped|topping)\s+out\s+at\s*$|\b(?:peak|peaks|peaked|peaking)\s+at\s*$|"
    r"\b(?:eventually|gradually|ultimately|finally)\s+(?:reach|reaches|reached|reaching|hit|hits|hitting)\s*$"
)
# What rises to a ceiling when it is not the tariff named with it: "unemployment in the towns hit by the tariffs
# rose, topping out at 9%".
CEILING_OF_OTHER = _words(
    r"unemployment|inflation|prices|growth|gdp|index|stocks?|shares|yields?|deficit|surplus|revenues?|profits?|"
    r"sales|output|jobs|wages|costs"
)
# A verb or noun of change whose object is the tariff, its new rate given after the goods: "will lower duties on
# several Peruvian goods, such as fish and copper, to 9%", "raised the duty on imported barley to 80 percent",
# "a cut in the levy on bicycles, scooters and their spare parts from 20% to 11%".
CHANGED_OBJECT = blind(
    rf"\b(?:{_RAISE_OR_CUT}|slash|slashes|slashed|slashing|bring|brings|bringing|brought|reduction|reductions|"
    r"rise)\s+(?:(?:of|in|on)\s+)?"
    r"(?:the\s+|its\s+|their\s+|his\s+|her\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:tariffs?|duty|duties|levy|levies)\b"
)
# Goods of a named origin listed by example: "Peruvian goods, such as fish and copper" (each example is
# from that origin, however far down the list).
ORIGIN_GOODS_LIST = blind(
    r"^\s*(?:[\w-]+\s+)?(?:goods|products|imports|exports|items)\s*,?\s*(?:including|such\s+as|like|notably|"
    r"especially|among\s+them)\b[^;:.]*$"
)
# A rate stated in force on its own before a later step up or down: "12% on sofas, which rises to 20% on May 3"
# (a relative or coordinated clause of its own, not the subject of the change).
RATE_IN_FORCE_THEN = blind(r",\s*(?:which|that|and|but|then|before|rising|increasing|falling|going)\b")
# When the step comes, said without a day: "in June", "from early March", "after a week", "in two months".
STEP_LATER = blind(
    r"^\s*(?:in|from|by|after|within|starting|beginning)\s+(?:(?:early|mid|late)[-\s]+)?"
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b|"
    r"^\s*(?:in|after|within)\s+(?:a|an|one|two|three|four|five|six|\d{1,2})\s+(?:days?|weeks?|months?|years?)\b|"
    r"^\s*(?:next|later\s+this)\s+(?:week|month|year)\b"
)
# The first rate said to take effect before it changes: "25% would take effect at once and double to 50% in
# May" states both rates as facts, as a rate "in force until" its step does.
IN_FORCE_FIRST = blind(
    r"\b(?:(?:take|takes|taking|took|taken|go|goes|going|went|gone|come|comes|coming|came|enter|enters|entered)\s+"
    r"(?:into\s+)?(?:immediate\s+)?(?:effect|force)|in\s+(?:effect|force)|immediately|at\s+once)\b"
)
TO_BEFORE = blind(
    # ... with a ceiling or an approximation between: "raised tariffs on 544 products to as much as 35%".
    r"\b(?:to|from)\s*$|\bto\s+(?:as\s+(?:much|high)\s+as|up\s+to|about|around|nearly|almost|roughly)\s*$"
)
# Between the new rate and the old in "to 15% from 10%".
TO_NEW_FROM_OLD = re.compile(r"\s*from\s*", re.I)
# The same with a few words of time or terms between the new rate and its old one: "will rise to 50 per cent in
# 2025 from 25 per cent", "falls to 15% under the agreement from 27.5%", "to 30% for 90 days, from 145%"; never a
# word that starts another statement or another rate's goods ("and", "but", "while").
# (read word by word in `rates.py`: the words between, then "from" and the old rate)
GAP_FROM_END = re.compile(
    r",?\s+from\s+(?:(?:about|around|roughly|nearly|almost|some|over|just)\s+|the\s+(?:(?:previous|current)\s+)?)?$",
    re.I,
)
GAP_STOP_WORDS = frozenset({"and", "but", "or", "while", "whereas", "to", "from", "than"})
# A verb of range whose subject is the tariff: "duties on ... steel products will range from 5% to 9%".
RANGES_FROM = blind(r"\b(?:range|ranges|ranged|ranging|vary|varies|varied|varying)\s+(?:from|between)\s*$")
CHANGED_TO = blind(
    r"\b(?:reduced|reduce|cut|lowered|lower|raised|raise|increased|increase|doubled|halved|rise|rises|"
    r"hiked|brought\s+down|will\s+be|"
    # The past and the other forms of "rise" and "fall" ("Duties on Canadian lumber, which took effect in May,
    # rose to 35%"): a statistic that rises or falls is told by its subject (`STAT_VERB_BEFORE`).
    r"rose|risen|rising|fell|fallen|falling|fall|falls|dropped|drop|drops|dropping|jumped|climbed|"
    # Other verbs of raising and cutting, with their inflections: "bumped up to", "slashed to", "trimmed to".
    r"(?:bump|bumps|bumped|bumping|hike|hikes|hiking|jack|jacks|jacked|ratchet|ratchets|ratcheted)\s+up|"
    # "double to 50%", "tripled to 30%": the multiple says how, the figure after "to" is the new rate.
    r"double|doubles|doubling|triple|triples|tripled|tripling|halve|halves|halving|"
    r"slash|slashes|slashed|slashing|trim|trims|trimmed|trimming|boost|boosts|boosted|boosting|"
    r"reduces|reducing|raises|raising|increases|increasing|lowers|lowering|cuts|cutting)\s+to\s*$"
)
# A verb of change whose object is a pronoun, in a clause cut from the sentence that named the tariff ("... a 5%
# tariff, and raise it to 25%", "reduce it to 7.5 percent", "increase them to as much as 25%"): the figure is the
# new rate of the tariff the pronoun stands for.
PRONOUN_CHANGED_TO = blind(
    rf"\b(?:{_RAISE_OR_CUT}|boost|boosts|boosted|boosting|slash|slashes|slashed|slashing|double|doubles|doubled|"
    r"doubling|ratchet|ratchets|ratcheted|ratcheting|bump|bumps|bumped|bumping|bring|brings|brought|bringing)\s+"
    r"(?:it|them)\s+(?:up\s+|down\s+|further\s+)?to\s+(?:as\s+(?:much|high)\s+as\s+|up\s+to\s+)?$"
)
AUTHORITY_HINT = Cue(
    r"section|ieepa|emergency|retaliat|countermeasure|dumping|countervail|safeguard|subsid",
    bounded=False,
    needles=(
        "section",
        "ieepa",
        "emergency",
        "retaliat",
        "countermeasure",
        "dumping",
        "countervail",
        "safeguard",
        "subsid",
    ),
)
AUTHORITY = (
    (blind(r"section\s+232"), "section_232"),
    (blind(r"section\s+301"), "section_301"),
    (blind(r"section\s+201"), "section_201"),
    (blind(r"section\s+122"), "section_122"),
    (blind(r"\bIEEPA\b|emergency\s+economic\s+powers"), "ieepa"),
    # Trade remedies are tariff facts of their own kind of authority (contract).
    (blind(r"anti-?\s?dumping|dumping\s+duties"), "anti_dumping"),
    (blind(r"countervailing|anti-?\s?subsidy"), "countervailing"),
    (blind(r"safeguard"), "safeguard"),
    (blind(r"retaliat|countermeasure"), "countermeasure"),
)
# The agreement a deal verb takes as its object, within its own clause: not "implement the consensus reached in
# Lima, and come to an agreement" (what the second verb wants is no deal reached). A memorandum is an agreement
# only between two sides ("a memorandum of understanding", "a memorandum with Peru"); one a leader signs alone is
# an order to his own officials ("signed a memorandum directing tariffs").
# Agreements in the plural as the deal verb's object: several deals, one with each partner named.
PLURAL_AGREEMENT = blind(r"\b(?:deals|agreements|pacts|accords|ftas)$")
# ... made with the partners named right after them.
PARTNERS_AFTER = blind(r"\s+(?:with|between)\b")
DEAL_OBJECT = blind(
    r"^\W*(?:[\w’'-]+(?:[^\w,;]+|,\s*(?!(?:and|but|or|which|while|then)\b))){0,8}?"
    r"(?:deals?|agreements?|pacts?|accords?|memorand(?:um|ums|a)(?=\s+with\b)|framework|"
    r"understandings?|arrangements?|FTA)\b"
)
# An agreement only aimed at, between the deal verb and the agreement: "agreed to work toward a free trade
# agreement", "announced a possible trade deal", "agreed to study the feasibility of an FTA".
DEAL_GOAL = _words(
    r"toward|towards|work\s+on|working\s+on|explore|exploring|pursue|pursuing|seek|seeking|study|studying|"
    r"feasibility|possible|potential|eventual|future|prospective|proposed"
)
# An agreement only imagined, as the clause's subject: "A trade deal with Peru would remove tariffs on wheat",
# "Any agreement must include farm goods". What such a clause says the deal would do is no measure taken.
IMAGINED_DEAL = blind(
    r"^\W*(?:(?:[\w’'-]+\s+){1,4}?(?:said|says|that)\s+)?(?:a|an|any|such\s+a)\s+(?:[\w’'-]+\s+){0,3}?"
    r"(?:deal|agreement|pact|accord|fta)\b[^,;]{0,60}?\b(?:would|could|might|must)\b"
)
# An agreement of another domain than trade, named as such: "a peace deal", "a defence pact", "a nuclear
# accord", or a company's contracts ("signed deals worth $25 billion").
OTHER_AGREEMENT = _words(
    r"peace|ceasefire|cease-fire|armistice|defen[cs]e|military|nuclear|climate|extradition|arms|weapons|"
    # The Paris Agreement is the climate treaty.
    r"paris\s+(?:climate\s+)?(?:agreement|accord|pact|deal)|confidentiality|non-disclosure|nondisclosure|"
    # The monetary order of 1944-1971, no trade agreement.
    r"bretton\s+woods|"
    r"(?:deals?|contracts?|agreements?)\s+(?:worth|valued\s+at)"
)
# A deal between a government's own branches or parties is domestic politics, no trade agreement between
# sides: "lawmakers struck a deal", or, where the clause names legislators, a deal "with the White House".
_LEGISLATORS = (
    r"lawmakers|legislators|congress|congressional|senators?|democrats|republicans|speaker|"
    r"(?:house|senate)\s+(?:leaders?|majority|minority)"
)
_DEAL_WORD = r"(?:deals?|agreements?|accords?|compromises?|pacts?)"
DOMESTIC_DEAL = blind(
    r"\b(?:" + _LEGISLATORS + r")\s+(?:[\w’'-]+\s+){0,3}?(?:reached|struck|sealed|clinched|hammered\s+out)\s+"
    r"(?:(?:an?|the|their)\s+)?(?:[\w-]+\s+){0,2}?" + _DEAL_WORD + r"\b"
)
LEGISLATORS = _words(_LEGISLATORS)
DEAL_WITH_GOVERNMENT = blind(
    r"\b" + _DEAL_WORD + r"\s+with\s+(?:the\s+)?(?:white\s+house|(?:[\w-]+\s+)?administration|congress|lawmakers|"
    r"democrats|republicans|(?:house|senate)\s+\w+)\b"
)
# An agreement on migration or the border ("reached an agreement to curb illegal immigration"), where its clause
# says nothing of trade: no trade agreement.
MIGRATION = _words(
    r"immigration|immigrants?|migration|migrants?|asylum(?:\s+seekers)?|border\s+(?:security|actions?|enforcement|"
    r"crossings?|wall)|illegal\s+crossings"
)
MIGRATION_DEAL = blind(
    r"\b" + _DEAL_WORD + r"\s+(?:to|on|over|that)\s+(?:[\w-]+\s+){0,3}?(?:immigration|immigrants|migration|"
    r"migrants|asylum|border)\b"
)
TRADE_WORD = _words(r"trade|trading|tariffs?|duty|duties|imports?|exports?|goods|commerce|commercial")
# Companies as the side that signs: their deals are contracts, not trade agreements.
COMPANIES_BEFORE = blind(
    r"\b(?:companies|firms|businesses|corporations|enterprises|carmakers?|automakers?|airlines?|retailers?)\s+"
    r"(?:[\w-]+\s+){0,4}$"
)
# An agreement a side has with named partners, referred to as a known thing ("the Chilean trade pact with
# Peru", "its agreement with the United States", "the recent deal between Chile and Peru"): background stated
# as fact, a deal. The partner must follow; an indefinite one ("a trade deal with Peru") is only talked of.
DEAL_WITH_PARTNER = _words(r"(?:agreements?|deals?|pacts?|accords?|FTAs?)\s+(?:with|between)")
# ... with nothing but these words (and party names) between the determiner and the noun: "its supply deal
# with Petrobras" is a company's contract.
DEAL_KNOWN_WORDS = _words(
    r"trade|free|bilateral|recent|existing|economic|commercial|partnership|preferential|comprehensive|landmark|"
    r"new|current|initial|interim|first|phase|one|and|the|of"
)
# ... after a definite or possessive word, with no indefinite one between ("the minister wants a deal with").
DEAL_KNOWN_BEFORE = blind(
    r"\b(?:the|its|their|his|her|our|this|that|[\w.]+['’]s)\s+(?:(?!(?:a|an|any|no|some|another|such)\b)[\w.’'-]+\s+){0,3}$"
)
DEAL_PASSIVE = blind(
    r"\b(?:deal|agreement|pact|accord|protocol)\b[^.;]{0,60}?\b(?:was|(?:had|has|have)\s+(?:already\s+)?been|were)\s+"
    r"(?:already\s+|\w+ly\s+)?(?:reached|struck|signed|concluded|sealed|finali[sz]ed|forged)\b"
    # Announced, said of the agreement itself (not of "news of the deal"): "the agreement between Chile and Peru
    # that was announced on Friday".
    r"|\b(?:deal|agreement|pact|accord)\b(?:\s+(?:between|with)\s+[^,;.]{1,50}?)?\s+(?:(?:that|which)\s+)?"
    r"(?:was|were|(?:had|has|have)\s+been)\s+announced\b"
    # A reduced relative, its name in brackets between: "the Lima Agreement (LA), signed by both sides in 2015".
    r"|\b(?:deal|agreement|pact|accord|(?:pacific|economic|trade)\s+partnership)(?:\s+\([^()]{1,20}\))?,?\s+"
    # ... or after another participle of its making: "the Trans-Pacific Partnership, initiated by Bush, signed by".
    r"(?:(?:initiated|launched|negotiated|proposed|drafted|begun)\s+by\s+[^,;.]{1,40},\s+)?"
    r"(?:signed|reached|struck|concluded|sealed|forged|announced|made)\s+(?:on|last|in|this|earlier|at|by|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday)\b"
    # An agreement in force is background stated as fact: "the FTA in place since 2009", "comes into force".
    # (Not one that only might: "a new agreement could come into force next year".)
    r"|\b(?:agreement|FTA|pact|accord)\b(?:(?!\b(?:could|might|may|would)\b)[^.;]){0,40}?"
    r"\b(?:in\s+place|in\s+force|into\s+force|into\s+effect)\b"
    r"|\b(?:has|have|had)\s+(?:maintained|had)\s+an?\s+(?:[\w-]+\s+){0,3}(?:agreement|FTA|pact)\b"
)
# An agreement with the side that reached it in an object relative clause: "the 2011 deal the United States signed
# with Korea", "the new trade deal we have made with Peru" (background stated as fact). Not a subject relative
# ("the deal that made headlines"), a judgement ("the worst deal ever made") nor one only wished or denied ("the
# deal Peru would sign", "had not signed").
DEAL_MADE_BY = blind(
    r"\b(?:deals?|agreements?|pacts?|accords?|ftas?)\s+(?:(?:that|which)\s+)?"
    r"(?:(?!(?:that|which|who|will|would|could|might|may|should|must|shall|can|to|and|or|but|if|is|was|are|were|be|"
    r"been|not|never|no|ever|wants?|wanted|hopes?|hoped|seeks?|sought|proposed|with|on|of|for|in)\b)[\w.’'-]+\s+){1,4}?"
    r"(?:(?:has|have|had)\s+(?:already\s+)?)?(?:signed|made|reached|struck|negotiated|sealed|inked|concluded|clinched|"
    r"forged)\b"
)
# The subject of a verb of reaching a deal, two sides joined by "and" right before it ("the U.S. and Mexico reached
# an agreement", "he and Japan had reached"): `deal_verb` is the verb matched; the sides are read in the text before.
DEAL_SUBJECT_BEFORE = re.compile(
    r"(?:^|[^\w.’'-])(?P<first>he|she|we|it|[\w.’'-]+)\s+and\s+(?:the\s+)?(?P<second>[\w.’'-]+(?:\s+[\w.’'-]+)?)\s+"
    r"(?:(?:have|has|had)\s+)?(?:(?:already|finally|now|just|also)\s+)?$",
    re.I,
)
# ... or as the agent of a passive: "an agreement made by Chinese President Xi and U.S. President Trump".
DEAL_AGENT = re.compile(
    r"\b(?:deal|agreement|pact|accord)\b[^.;]{0,40}?\b(?:signed|reached|struck|concluded|sealed|forged|made)\s+by\s+"
    r"(?P<first>[^,;]{2,60}?)\s+and\s+(?P<second>[^,;]{2,60}?)(?=\s+(?:in|on|at|last|this|earlier)\b|[,;.]|$)",
    re.I,
)
# A deal verb governed by a word of possibility, benefit or wish: the deal is imagined, not reached ("the prospect
# of signing a deal with China", "the benefits of signing trade agreements", "they wish they made the deal").
DEAL_UNREAL_BEFORE = blind(
    r"\b(?:prospects?|possibility|possibilities|idea|hopes?|chances?|goal|aim|benefits?|advantages?|costs?|"
    r"risks?|wish|wishes|wished)\s+(?:of\s+|that\s+)?(?:\w+\s+){0,2}$"
)
MODAL_BEFORE = blind(r"\b(?:will|would|could|can|may|might|to|shall|should)\s+(?:\w+\s+)?$")
ADJECTIVE_PAUSE = blind(
    r"\b(?:the|its|his|their|a)\s+(?:suspended|paused|delayed|deferred)\s+(?:[\w-]+\s+)?"
    r"(?:tariffs?|duties|levies|reciprocal|increase|hike)"
    r"|\b(?:before|after|since|until|when)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,4}(?:was|were|had\s+been)\s+"
    r"(?:suspended|paused|delayed|deferred)\b"
    # "frozen" before the goods it describes ("frozen orange juice", "frozen pork"): food kept cold, not a tariff
    # held; "frozen until", "frozen at 10%", "have frozen their duties" still pause.
    r"|\bfrozen(?=\s+(?!(?:until|till|at|for|since|in|on|by|from|through|and|or|as|to|under|pending|the|its|"
    r"their|his|her|a|an|all|any|these|those|tariffs?|duty|duties|levy|levies|rates?|indefinitely)\b)[a-z])"
)
# "may" the verb, not the month: "In May 2022", "since May", "mid-May", "May 1", "a pause from May", "through May"
# name a time.
MODAL = blind(
    r"\b(?:could|might|perhaps|possibly)\b|"
    r"(?<!\bin\s)(?<!\bof\s)(?<!\bby\s)(?<!\bsince\s)(?<!\buntil\s)(?<!\bearly\s)(?<!\blate\s)(?<!-)(?<!\d\s)"
    r"(?<!\bfrom\s)(?<!\bthrough\s)(?<!\btill\s)(?<!\bbefore\s)(?<!\bafter\s)(?<!\bfor\s)(?<!\bmid\s)"
    r"\bmay\b(?!\s+\d)"
)
NO_PAUSE = blind(r"\b(?:did|does|do)\s+not\s+(?:impose|introduce|levy)|no\s+longer\s+extend|not\s+extend|seek|seeking")
REMAINING = blind(
    r"\b(?:leaving|keeping|maintaining|remain|remains|still\s+in\s+effect|in\s+place|continue\s+to\s+pay|"
    r"leave|leaves|keep|keeps|kept)\b"
)
INCLUDING = blind(r"\bincluding\b")
# Goods a clause names for a tariff of its own, by kind, origin or value ("on imports", "Chinese products", "$3
# billion of goods"); goods referred back to ("on the shipments", "these products") are the ones already named.
OWN_GOODS = blind(
    r"(?<!\bthe\s)(?<!\bthese\s)(?<!\bthose\s)(?<!\bsuch\s)(?<!\bthe\ssame\s)"
    r"\b(?:goods|imports?|imported|products|exports|shipments|items|commodities|merchandise|lines|articles|"
    r"categories|worth|billion|million|bln|mln|bn)\b|"
    # A country's whole schedule ("the overall tariff level has fallen to 6.8%") is on all goods.
    r"\b(?:overall|average|total|general)\s+(?:\w+\s+)?(?:level|rate)s?\b|"
    # A side's country-wide rate ("now faces reciprocal duties of 50%") covers every kind of its goods, not
    # the goods an earlier sentence named.
    r"\b(?:reciprocal|baseline|universal|blanket|across-the-board)\b|"
    # Goods of any kind after "on" ("on ammonium nitrate", "on kitchen cabinets"), not a day or a reference back.
    r"\bon\s+(?!(?:the|these|those|such|its|his|her|their|them|it|which|top|behalf|board|average|monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|"
    r"february|march|april|june|july|august|september|october|november|december)\b)[a-z]"
)
# Another measure with its own rate set beside a tariff just named: "... - alongside a 25% duty on steel".
BESIDE_BEFORE = blind(
    r"(?:,|\s[-–—])\s*(?:alongside|as\s+well\s+as|besides|in\s+addition\s+to|on\s+top\s+of|plus)\s+"
    r"(?:a|an|the|its|their)?\s*(?:new\s+|separate\s+|further\s+)?$"
)
CONDITION = blind(r"\b(?:unless|if|provided|until|as\s+long\s+as)\b")
OTHER_MEASURE = blind(
    r"\s+(?:and|as\s+well\s+as|while|but|plus)\s+(?:the\s+|a\s+)?(?:new\s+|other\s+|\w+\s+){0,2}"
    r"(?:levies|tariffs|duties|levy|tariff|duty)\b"
)
# A length that extends a pause: "extended the truce by 90 days", "for another six months", "a further 30 days",
# "a 90-day extension". It counts from the day the pause was due to end, not from the day it is told.
EXTENDED_BY = blind(
    r"\b(?:extend|extends|extended|extending|prolong|prolongs|prolonged|prolonging)\b[^,;]{0,80}?"
    r"\b(?:by|for)\s+(?:another\s+|a\s+further\s+|an\s+(?:additional|extra)\s+)?$|"
    r"\b(?:another|a\s+further|an\s+additional|an\s+extra)\s+$"
)
EXTENSION_AFTER = blind(r"\s*extensions?\b")
PAUSE_NOUN_ENDS = blind(
    r"\b(?:pause|truce|reprieve|suspension|grace\s+period)\b[^;]{0,80}?\b(?:expires?|ends?|set\s+to\s+(?:end|expire)|"
    r"due\s+to\s+(?:end|expire)|runs?\s+out|lapses?)\b"
)

# A tariff named only by a definite noun phrase ("the duties", "these levies", "such tariffs") is one the
# article already spoke of.
DEFINITE_TARIFF = blind(r"\b(?:the|these|those|such|this|that)\s+(?:[\w-]+\s+)?(?:tariffs?|duty|duties|levy|levies)\b")

# ... unless the phrase goes on to say what the measure is: a compound ("the tariff adjustments") or a relative
# clause with its actor ("the higher tariffs he has imposed").
DEFINED_AFTER = blind(
    r"\s+(?:adjustments?|increases?|hikes?|package|regime|plan|schedule|order|measures?|rates?)\b|"
    r"\s+(?:that\s+|which\s+)?(?:[\w.]+\s+){0,2}(?:(?:has|have|had|was|were|is|are)\s+(?:been\s+|being\s+)?)?"
    r"(?:imposed|announced|levied|slapped|introduced|set|placed)\b"
)


# ---- Sectors ----

# Words that start a reason or a time clause: the goods named after them are not the goods taxed.
# "since January 2017", "after 2019" only date what follows: a time phrase, no clause of its own.
_BARE_DATE = (
    r"(?!\s+(?:(?:early|mid|late)[-\s]+)?(?:january|february|march|april|may|june|july|august|september|october|"
    r"november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|\d{4})\b(?!\s+\w+(?:ed|s)\b))"
)
REASON_AFTER = _words(
    r"after" + _BARE_DATE + r"|because|amid|following" + _BARE_DATE + r"|citing|since" + _BARE_DATE + r"|while|when|"
    r"in\s+response|in\s+retaliation|"
    # The same reason given with "as": "as retaliation for the duties placed by Chile".
    r"as\s+(?:a\s+)?(?:retaliation|response|reply)\s+(?:to|for|against)|over\s+(?:its|their|his)|"
    r"depending\s+on|based\s+on|"
    # A purpose of making good a loss, or its cause: "to make up for what the US tariff on steel cost".
    r"to\s+(?:make\s+up\s+for|offset|compensate\s+for|balance)|caused\s+by|"
    # A purpose of punishing, or the wrong punished: "to penalize Japan for breaking a pact on chips",
    # "for alleged violation of a chip pact" (the goods of the pact are not the goods taxed).
    r"to\s+(?:penali[sz]e|punish|retaliate)|for\s+(?:its\s+|their\s+)?(?:alleged|failure|violation|breaking|breach)"
)
# A verb of replying, or its noun, whose object is the measure a reply answers ("Canada responded to US taxes on
# steel with tariffs of its own", "retaliated against the steel tariffs with ...", "to answer Trump's tariffs"):
# the goods named in that object are the measure answered's, not the reply's.
ANSWERING_VERB = _words(
    r"respond(?:s|ed|ing)?\s+to|retaliat(?:e|es|ed|ing)\s+(?:to|against|for)|repl(?:y|ies|ied|ying)\s+to|"
    r"answer(?:s|ed|ing)?|in\s+(?:response|retaliation|reply|answer)\s+(?:to|for|against)|"
    r"as\s+(?:a\s+)?(?:retaliation|response|reply)\s+(?:to|for|against)"
)
# Where the object answered ends and the reply's own means begin: "with" and the reply's tariff, however it is
# qualified ("with retaliatory tariffs", "with taxes on American soybeans", "with duties of their own").
# A noun naming a measure in that object (a tax on goods of any kind, a tariff): a reply "to cheap steel" answers
# no measure, and its goods may be the reply's own.
MEASURE_NOUN = _words(r"tariffs?|duties|duty|levies|levy|tax|taxes|surtax\w*")
REPLY_WITH = blind(
    r"\swith\s+(?:[\w'’-]+\s+){0,3}?(?:tariffs?|duties|duty|levies|levy|taxes|tax|surtax\w*|counter-?tariffs?)\b"
)
# Words after which the goods named are left out of a measure ("40% on Ghanaian goods, but excludes cocoa"):
# not the goods the measure's rate is for.
LEFT_OUT = _words(
    r"excludes?|excluded|excluding|exempts?|exempted|exempting|spares?|spared|sparing|except|excepting|"
    r"but\s+not|other\s+than|apart\s+from|with\s+the\s+exception\s+of|carves?\s+out|carved\s+out"
)

SECTOR_WORDS: dict[str, str] = {
    "auto_parts": r"(?:auto|car|vehicle|automobile|automotive)s?[- ](?:and\s+(?:auto\s+|car\s+)?)?parts|"
    r"(?:automobiles|cars|vehicles|autos)\s+and\s+(?:their\s+)?parts|auto\s+components",
    "autos": r"autos?|cars?|automobiles?|automotive|vehicles?|EVs?|automakers?|carmakers?|auto\s+industry|"
    r"(?:heavy\s+|pickup\s+)?trucks|motorcycles?|motorbikes?|two-wheelers",
    # Steel by its mill products: "iron billets", "rebar", "wire rods" (x-lists).
    "steel": r"steel|billets?|rebars?|wire\s+rods?|"
    # Mill products named by how they are rolled or finished, as trade-remedy cases name them: "hot-rolled
    # coils", "cold-rolled flat products", "stainless sheet", "tinplate", "galvanized sheet".
    r"coils?|(?:hot|cold|flat)[-\s]rolled|stainless|tinplate|galvani[sz]ed",
    "aluminum": r"alumin(?:i)?um",
    "copper": r"copper",
    "lumber": r"lumber|timber|softwood|wood|sawn\s+wood|"
    # Wood panels, goods of anti-dumping cases: "hardwood plywood", "fibreboard".
    r"plywood|hardwood|fib(?:re|er)board|particleboard",
    "semiconductors": r"semiconductors?|chips?|chipmakers?|microchips?",
    "pharmaceuticals": r"pharmaceuticals?|pharma|drugs?|medicines?|drugmakers?",
    "agriculture": r"agricultur(?:e|al)|farm\s+(?:goods|products|produce|exports)|corn|soybeans?|soy|"
    r"rice|beef|wheat|pork|poultry|chicken|dairy|sorghum|food\s+products|coffee|cocoa|bananas?|fruits?|"
    r"vegetables|sugar|grains?|meat|eggs|cheese|seafood|fish|fishery|food|foods|foodstuffs?|beverages|drinks|"
    r"nuts|walnuts?|almonds?|pistachios?|cashews?|chickpeas|lentils|pulses|beans|barley|oats|canola|rapeseed|"
    r"cattle|livestock|sheep|goats|lamb|mutton|shrimps?|prawns?|salmon|tuna|lobsters?|sardines|crabs?|"
    r"wines?|beer|spirits|whiske?y|bourbon|liquor|vodka|rum|gin|cognac|brandy|champagne|juices?|tea|milk|"
    r"butter|apples|oranges|citrus|tomatoes|"
    # Potato goods whole ("frozen potato chips" are food, not semiconductors).
    r"potato(?:es|\s+(?:chips|fries|flakes|starch|products))?|(?:french\s+)?fries|"
    # Raw cotton is a crop; cotton made into yarn, cloth or clothes is a textile.
    r"cotton(?!\s+(?:yarns?|fabrics?|cloth|textiles?|garments?|clothing|apparel|shirts?|products))|"
    # Oils pressed from crops are food, not fuel: "canola oil", "rapeseed oil" (the whole phrase, before "oil").
    r"onions|(?:olive|palm|sunflower|vegetable|cooking|edible|soybean|soy|canola|rapeseed|corn|peanut|groundnut|"
    r"coconut|fish)\s+oils?|"
    # Crops and staples a country's own duties name in budgets and schedules ("the duty on imported maize",
    # "levies on sunflower seeds", "tariffs on flour and cereals").
    r"maize|millet|cassava|cereals|flour|oilseeds|sunflower\s+seeds|groundnuts|soymeal|sugarcane|"
    r"honey|garlic|peas|avocados|grapes|spices",
    # Crude oil, not a crude edible oil ("crude palm oil" is a farm good).
    "energy": r"energy|crude(?!\s+(?:palm|soybean|soy|sunflower|vegetable|edible|degummed)\b)|oil|LNG|LPG|"
    r"liquefied\s+natural\s+gas|natural\s+gas|coal|solar(?:\s+cells|\s+panels)?|petroleum|fuels?|"
    # Motor fuels by name, and the biofuels blended into them; not the cars or engines that burn them.
    r"(?:diesel|petrol|gasoline)(?!\s+(?:cars?|vehicles?|engines?|trucks?|models?))|bio-?diesel|bio-?fuels?|ethanol",
    "shipbuilding": r"shipbuilding|ships|vessels|shipbuilders",
    "electronics": r"electronics|smartphones?|(?:mobile|cell|cellular)\s+phones?|laptops?|computers?|"
    r"consumer\s+electronics|televisions?|telecom(?:munications?)?\s+(?:equipment|gear)|"
    r"(?:video\s+)?game\s+consoles?|gaming\s+consoles?|"
    # The general goods phrases of the trade: "electronic products", "electrical goods".
    r"(?:electronic|electrical)\s+(?:goods|products|imports|exports|equipment|appliances)",
    "textiles": r"textiles?|apparel|garments?|clothing|footwear|yarns?|fabrics?|"
    # Man-made fibres named by their kind: "viscose rayon", "viscose staple fibre".
    r"viscose|rayon|carpets?|rugs",
    # "Capital goods" are the machines and equipment firms invest in; tractors are farm machinery.
    "machinery": r"machinery|capital\s+goods|tractors|cranes|industrial\s+machines|machine\s+tools|"
    r"(?:power|hand|motori[sz]ed)\s+tools",
    "critical_minerals": r"critical\s+minerals|rare\s+earths?|lithium|graphite|cobalt|nickel|manganese|gallium|"
    r"germanium|antimony|tungsten",
}
# Words that look like a sector but are something else in trade prose.
NOT_SECTOR = Cue(
    r"\b(?:(?:buying|buy|buys|purchases?\s+of|importing|imports\s+of)\s+)?(?:russian|iranian|venezuelan)\s+"
    r"(?:federation\s+)?(?:oil|crude|energy|gas)\b|\b(?:oil|energy)\s+(?:purchases|ties)\b|"
    r"\bpurchases?\s+of\s+(?:\w+\s+)?oil\b|\bauto\s+list\b|\bwood\s+list\b|"
    # Drugs that are smuggled, and chips that are bargained with, are not goods under a tariff.
    r"\b(?:illegal|illicit)\s+drugs\b|\bdrugs?\s+(?:trafficking|smuggling|cartels?|flows?|trade|traffickers)\b|"
    r"\bbargaining\s+chips?\b|\bfood\s+(?:prices|inflation|security)\b|"
    # Talks that "bear fruit" grow none, and a food retailer or company is a firm, not goods.
    r"\b(?:bear|bears|bore|borne|bearing)\s+fruit\b|\bfood\s+(?:retailers?|compan(?:y|ies)|chains?|stores?)\b|"
    # Coils and rolled products of another metal are that metal's, not steel: "cold-rolled aluminium coils".
    r"\b(?:hot|cold|flat)[-\s]rolled(?=\s+(?:alumin(?:i)?um|copper|brass)\b)|"
    r"(?<=aluminium\s)coils?\b|(?<=aluminum\s)coils?\b|(?<=copper\s)coils?\b",
    bounded=False,
    needles=("oil", "crude", "energy", "gas", "list", "drug", "chip", "food", "fruit", "rolled", "coil"),
)

# What goods or sides are spared from ("exempt from the reciprocal tariffs and the Brazil tariff"): a country naming
# a tariff there says which tariff, not who is spared.
EXEMPT_FROM_BEFORE = blind(
    r"\b(?:exempt|exempted|exemption|exemptions|excluded|exclusion|exclusions|spared|relief|waiver|waived)\s+"
    r"from\s+[^;.]{0,80}$"
)
# Goods given by a count, then examples ("tariffs on 150 product categories such as shoes and Korean rice
# cookers"): an origin named in an example does not narrow the counted goods to that origin.
COUNTED_GOODS_EXAMPLES = blind(
    r"\b\d[\d,]*\s+(?:[\w-]+\s+){0,2}?(?:items|products|goods|categories|tariff\s+lines|lines)\s+"
    r"(?:such\s+as|including|like)\s+[^;.]{0,100}$"
)


# ---- Talks, deals and dates (x-talks5) ----
# A tariff set for a length of time: "imposed fees of 15% on billets for 180 days", "will levy a 10% duty on
# wire for two years" (the verb anywhere before the length, "for" right before it), like `KEPT_FOR_VERB`.
IMPOSED_FOR_VERB = blind(r"\b(?:impose|imposes|imposed|imposing|levy|levies|levied|levying)\b")
# The day a tariff's length counts from, named right after the length: "for 180 days from Monday", "for two
# years starting April 1" (the date found may begin with the word itself).
START_AFTER_LENGTH = blind(r"\s*(?:from|starting|beginning|effective|as\s+of)\b")


# ---- Rates of a change (x-tariffs5) ----
# A change with words between its old and new rate ("from about 45% in the 1980s to only 10% in 2015", "from 14.1%
# when it joined to 8.5%"): one statement, at the new rate. The words between are a time or an
# occasion, not goods ("from 25% on steel to 50% on copper" gives two rates).
FROM_OLD_BEFORE = blind(
    r"\bfrom\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|some\s+|over\s+|more\s+than\s+|just\s+)?$"
)
CHANGE_GAP_TO = re.compile(
    r"(?:\s+(?!(?:and|but|or|while|whereas|on|for|against|to)\b)[\w'’.-]+){1,8}?\s+to\s+"
    r"(?:only\s+|just\s+|about\s+|around\s+|roughly\s+|nearly\s+|a\s+mere\s+)?",
    re.I,
)

# ---- Parties of a fact (x-parties3) ----
# The agent of a passive of obtaining a rate or terms ("the rates won by Japan", "the lower tariff secured by
# Korea", "the terms negotiated by the EU"): the side that gets the rate pays it; it does not impose it.
OBTAINED_BY_BEFORE = blind(
    r"\b(?:rates?|tariffs?|duty|duties|levy|levies|terms|deals?|agreements?)\s+(?:\w+\s+)?"
    r"(?:won|secured|obtained|negotiated|clinched|landed|struck|reached|achieved|got|gotten|received)\s+"
    r"(?:\w+\s+)?by\s+(?:the\s+)?$"
)
# Parties listed with a note in brackets after one of them ("Japan (15%), Korea and the EU", "Chile (CL), Peru"):
# still one list, whose members share a role.
COORDINATED_PAST_NOTE = blind(r"^\s*\([^()]{1,20}\)\s*(?:,|and|or|&|, and|, or)\s*(?:the\s+)?$")
# A party right before a verb of placing a tariff in -ing, a time phrase between ("the impact of China imposing
# ...", "on the heels of Peru last month levying ..."): the subject of that verb, the side acting, even after "of".
GERUND_ACTOR_AFTER = blind(
    r"^\s*(?:(?:last|this|earlier\s+this|later\s+this)\s+(?:week|month|year)\s+|(?:on|in)\s+[A-Z]\w+\s+)?"
    r"(?:imposing|levying|slapping|introducing|placing|hiking|raising\s+(?:its|their)\s+|"
    r"announcing\s+(?:its\s+|their\s+)?(?:own\s+)?(?:new\s+)?(?:retaliatory\s+)?(?:tariffs|duties|levies))\b"
)
# A kind of goods given as an example of a broader class ("most goods, including cars", "products such as
# chips"): the measure is on that class, whose origin the clause named, not a sector tariff on everyone.
GOODS_EXAMPLE_BEFORE = blind(
    r"\b(?:goods|products|imports|exports|items|shipments)\s*,?\s+"
    r"(?:including|such\s+as|like|notably|especially)\s+(?:[\w-]+\s+){0,2}$"
)
# The side told of a measure ("would notify Chile of new tariffs", "informed Lima of the imposition of a duty"):
# the one it falls on, not its author (the words before the party, then those right after it).
NOTIFIED_BEFORE = blind(
    r"\b(?:notify|notifies|notified|notifying|inform|informs|informed|informing|warn|warns|warned|warning|"
    r"alert|alerts|alerted|alerting)\s+(?:the\s+)?$"
)
NOTICE_OF_AFTER = blind(r"^\s*(?:of|about)\s")

# ---- Tariff sentences left unread (x-tariffs6) ----
# Other forms of the verbs of cutting a tariff that `POLICY_BEFORE` names ("is lowering its tariffs on cars",
# "cutting import tariffs", "slashing duties on wine"): the tariff is their object just the same. A gerund used as
# a noun ("the lowering of tariffs helped exports") names the cut as a topic, not a measure. "Reducing" is left
# out: it is as often the aim of a pact or talks ("a pact aimed at reducing tariffs"), and read so it cost
# precision on the scored news.
CUT_FORMS_BEFORE = _words(r"(?:lowering|cutting|slashing)(?!\s+of\b)|lowers|reduces")
# A condition on how talks go ("if talks fail", "unless a deal is reached"): what would follow is leverage in the
# talks, not a measure (as `NOT_A_FACT` reads "if talks", "unless a deal" where the condition comes first).
TALKS_CONDITION = _words(r"talks|negotiations?|deal|agreement|accord|fail|fails|failed")
# "Retain" as a verb of keeping a rate in force beside a pause or removal ("will suspend the 24% duty but retain a
# 10% levy", "while retaining a 10% tariff"): the rate after it is left in force, as after "keeping".
RETAINING = blind(r"\b(?:retain|retains|retained|retaining)\b")

# ---- Headlines (x-headline) ----
# In a headline a comma stands for "and" between two predicates of one subject ("Peru confirms pause of 30%
# tariff on Chilean wine, keeps 10% levy"): a verb in the present tense after the comma opens a clause of its own,
# as ", and retains ..." would in a sentence. The verb must be followed by a rate, a determiner or a tariff word,
# so that a list of plural nouns ("cars, trucks, parts") is not taken for one.
HEADLINE_SECOND_VERB = re.compile(
    r",\s+(?=[a-z]{3,}[^s\W]s\s+(?:\d|a\s|an\s|its\s|new\s|no\s|further\s|more\s|higher\s|extra\s|"
    r"tariffs?\b|duties\b|levies\b|levy\b|talks\b))"
)


# ---- False facts (x-false) ----
# A wish or aim whose infinitive is followed by a second verb coordinated with it ("aims to cut the duties and
# win exemptions", "hopes to restart talks and avoid new tariffs"): the second verb is wished for too. No comma
# or semicolon between, which would start another statement.
WISH_CHAIN = blind(
    r"\b(?:aims?|aimed|aiming|seeks?|seeking|sought|wants?|wanted|wanting|hopes?|hoped|hoping|eager|"
    r"strives?|striving)\s+to\s+[^,;]{1,140}?"
    # The second verb bare, as an infinitive is: "and imposed", "and raises" are statements of their own.
    r"\s(?:and|or)\s+(?:to\s+)?(?!\w+ed\b)(?!\w+[^s]s\b)\w+\s+[^,;]{0,60}$"
)
# A tariff named as the agent of a harm ("losses caused by the duties", "exporters hurt by the levies"): a cause
# named in passing, not a measure stated (a tariff "hit by" is faced, and stays a measure). As with a tariff that is
# the subject of its effect, a verb of placing in its own phrase ("hurt by the duties Lima imposed on ...") still
# states the measure (`PLACED_AFTER`).
EFFECT_AGENT_BEFORE = blind(
    r"\b(?:caused|damaged|hurt|harmed|affected|impacted|squeezed|battered|stung|pinched|dented|crippled|"
    r"weighed\s+down|hampered|disrupted)\s+(?:\w+\s+)?by\s+(?:[\w.'’$-]+\s+){0,4}$"
)
PLACED_AFTER = blind(
    r"^\s+(?:[\w.'’-]+\s+){0,3}?(?:imposed|slapped|announced|levied|placed|put|introduced|enacted|set|charged)\b"
)
# Talks named as a person's role ("Lee, who led the negotiations for Lima, said ...", "Mr Diaz, the delegate to
# the talks, said ..."): they describe the speaker, they are not the point of the sentence (contract).
TALKS_ROLE_BEFORE = blind(
    r"(?:\bwho\s+(?:is\s+|was\s+|has\s+been\s+|had\s+been\s+|also\s+)?(?:led|leads|leading|heads|headed|heading|"
    r"oversees|oversaw|overseeing|chairs|chaired|chairing|directs|directed|directing|coordinates|coordinated|"
    r"coordinating)|\b(?:delegate|delegates|negotiator|negotiators|envoy|representative)\s+(?:to|at|in|for))\s+"
    r"(?:[\w’'-]+\s+){0,5}$"
)
# Talks meant or pressed for, not yet held ("stated its intention to hold more talks", "keeps pushing for
# negotiations on a pact"): an aim, like a wish (`TALKS_UNREAL`).
TALKS_AIMED_BEFORE = _words(
    r"intention|intentions|intend|intends|intended|intending|push\s+for|pushes\s+for|pushed\s+for|pushing\s+for|"
    r"press\s+for|presses\s+for|pressing\s+for|aim|aims|aimed|aiming"
)
# Onlookers foreseeing what a side will do ("Experts analyzed that Lima would probably answer with tariffs", "the
# analysts see an accord whereby Peru lifts its duties"): a forecast over all that follows it in its clause, however
# far (`NOT_A_FACT` reads onlookers only right before a cue). Onlookers who "said" may report a fact.
ONLOOKER_FORESEES = _words(
    r"(?:analysts?|economists?|experts?|observers|strategists?|forecasters?)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:see|sees|saw|expect|expects|expected|predict|predicts|predicted|forecast|forecasts|analy[sz]ed|"
    r"believe|believes|believed|foresee|foresees|anticipate|anticipates|anticipated)"
)

# The kind arbiter (`kind_arbiter.py`): word endings stripped the simple way so that a verb's forms and a noun's
# plural share one feature ("lifted", "lifting", "lifts" -> "lift"); and the words that say a statement is hedged.
KIND_LEMMA_ENDING = re.compile(r"(?<=\w{3})(?:ing|ed|es|s)$")
KIND_HEDGE = _words(r"will|would|could|might|may|should|shall|can|plan|plans|planned|planning|expected|likely")


# ---- Lists of the pause, talks and relief readers (session 14) ----
# A trade war held or paused: "putting the trade war on hold", "the trade war was 'on hold'", "froze the tariff
# war". Both sides hold off their tariffs (a truce).
WAR_PUT_BEFORE = blind(
    r"\b(?:put|puts|putting|placed|places|placing|kept|keeps|keep)\s+(?:the|this|that|their|its|our)\s+"
    r"(?:[\w-]+\s+)?(?:trade|tariff)\s+wars?\s+$"
)
WAR_SUBJECT_BEFORE = blind(
    r"\b(?:trade|tariff)\s+wars?\b[^,;]{0,60}?\b(?:is|are|was|were|be|been|being|remains?|remained|stays?|stayed)\s+"
    r"[\"“‘']?$"
)
WAR_OBJECT_AFTER = blind(r"^\s+(?:the|this|that|their|its|our)\s+(?:[\w-]+\s+)?(?:trade|tariff)\s+wars?\b")
# A deal made to avert a tariff ("reached a deal with Mexico to avert the duties") holds it off; "trying to avert",
# "little could be done to avert" do not.
DEAL_TO_BEFORE = blind(r"\b(?:deal|agreement|accord|pact|truce)\b[^,;]{0,40}?\bto\s+$")
# A pause noun as what something is called or taken for: "describing this as a truce", "seen as a reprieve".
NAMED_AS = blind(
    r"\b(?:describ\w*|call|calls|called|calling|characteri[sz]\w*|label\w*|dub\w*|term|termed|regard\w*|view\w*|"
    r"seen|see|sees|hail\w*|branded)\b[^;]{0,80}?\bas\s+(?:an?\s+)?(?:[\w-]+\s+)?$"
)
KIND_BEFORE = blind(r"\b(?:a|an|any|every|each)\s+$")
REPORT_OF_BEFORE = blind(r"\b(?:news|word|reports?|details|rumou?rs?)\s+of\s+(?:the\s+|a\s+|an\s+)?$")
PASSIVE_TALKS = blind(r"being\s")
# "This week" right after the talks places them in time too ("acknowledged the U.S.-Mexican talks this week"),
# though it names no day to resolve.
THIS_WEEK_AFTER = blind(r"\s+(?:[\w-]+\s+){0,3}?this\s+week\b")
# "Offset by" in the passive weighs one thing against another ("the jobs gained are offset by jobs lost"): no duty
# is made up for.
BALANCED_BY = blind(r"\s+(?:\w+ly\s+)?by\b")
# A relief only made possible: the power to grant it ("would give Trump the flexibility to approve exemptions"),
# or one in a question or a relative clause of what would be ("the process by which exemptions would be created",
# "which countries would be subject to the tariffs, and which exempt").
CAPACITY_BEFORE = blind(
    r"\b(?:flexibility|power|powers|authority|discretion|leeway|latitude|ability|option)\s+to\s+(?:[\w-]+\s+)?$"
)
WOULD_IN_QUESTION = blind(r"\b(?:which|whether|how|what)\b[^,;.]{0,80}?\bwould\b")
# A relief in the passive with no agent: "exemptions were later offered to Mexico", "Canada was exempted".
PASSIVE_RELIEF = blind(
    r"\b(?:exemptions?|exclusions?|waivers?|relief)\s+(?:was|were|has\s+been|have\s+been|had\s+been|is|are)\s+"
    r"(?:\w+\s+)?(?:granted|given|offered|made|extended)\b(?!\s+by\b)|"
    r"\b(?:was|were|has\s+been|have\s+been|had\s+been|is|are)\s+(?:\w+\s+)?(?:exempted|excluded|spared)\b(?!\s+by\b)"
)
# A relief handed to named sides, with no tariff word of its own, speaks of the measure just stated: passive
# ("Exemptions already had been granted to Mexico"), or active with its giver as subject ("The US then provided
# temporary exemptions for Brazil and Korea"). Not an offer or a request: those grant nothing yet.
RELIEF_HANDED = blind(
    r"\b(?:exemptions?|exclusions?|waivers?)\s+(?:already\s+|also\s+|since\s+|\w+ly\s+)?"
    r"(?:was|were|(?:has|have|had)\s+(?:already\s+|also\s+|since\s+|\w+ly\s+)?been)\s+"
    r"(?:already\s+|also\s+|since\s+|\w+ly\s+)?(?:granted|given|extended)\s+"
    r"(?:to|for)\b|"
    r"\b(?:granted|gave|provided|extended|issued|handed)\s+(?:[\w-]+\s+){0,2}?(?:exemptions?|exclusions?|waivers?)\s+"
    r"(?:to|for)\b"
)
# A ceasefire is a trade truce only where its sentence speaks of trade ("a ceasefire in the trade war") or its
# sides are those of the article's trade talks or deal: a ceasefire in a war of arms pauses no tariff.
CEASEFIRE = blind(r"\bcease-?fire")
TRADE_CEASEFIRE = blind(
    r"\b(?:trade|tariff)\s+cease-?fire|"
    r"\bcease-?fire\s+(?:in|on|over)\s+(?:the\s+|their\s+|its\s+|a\s+)?(?:[\w-]+\s+)?(?:trade|tariff|economic)\b"
)
# "Relief" felt: "investors greeted the ceasefire with relief", "reacted with relief". Not relief given from a
# tariff: "provided exporters with relief from the duties".
RELIEF_FELT = blind(r"\bwith\s+(?:some\s+|great\s+|visible\s+|palpable\s+)?$")
RELIEF_FROM_AFTER = blind(r"^\s+(?:from|on|against)\b")
