"""A language model as the extractor: one article to an OpenAI-compatible chat server, its facts back.

`trade-monitor llm-extract` is an `extract.command` ready made for the model
servers people run (Ollama, llama.cpp's server, vLLM, hosted APIs): they all
answer the chat-completions request. This module writes that request (the
contract summed up as a system prompt, the article and its date as the user's
message, temperature 0 so one article reads the same twice), and reads the
answer back into facts.

A model gets things wrong one fact at a time, so its facts are checked one at
a time: a fact the contract does not allow (a kind or sector of its own
invention, a country it spelt out) is dropped and named, and the others are
kept. The command runner checks our output again; whatever we print passes.
What cannot be read at all (no server, an error status, a reply that is not
the JSON asked for) is an ExtractionError naming the server, so the article
fails and is tried again on the next poll.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import httpx

from monitor.errors import ExtractionError
from monitor.extract.command import AUTHORITIES, check_fact
from monitor.extract.facts import KINDS, SECTORS

#: How much of a server's error body a message quotes.
SHOWN_BODY = 200

# Everything the contract asks of a fact, in our words, for a model that has never seen it. Lists of
# allowed values come from the code, so the prompt cannot drift from what the checks accept.
SYSTEM_PROMPT = f"""\
You read news articles about trade policy and list the policy facts they report, as JSON.

Answer with a single JSON object and nothing around it: {{"facts": [...]}}. \
If the article reports no fact, answer {{"facts": []}}.

Every fact is an object with these keys:
- "kind": one of {", ".join(KINDS)}.
- "imposer": the side that acts, as a two-letter ISO 3166-1 code (US, CN, JP, MX, CA ...), \
or EU (the European Union).
- "targets": a list of the sides on the receiving end, in the same codes. Write ["*"], alone, \
when the measure applies to every country: a baseline or universal rate, a sector duty on all \
origins, a rate set for dozens of partners at once.
- "sector": one of {", ".join(SECTORS)}; null when the measure spans all goods or names no product. \
Farm, fishery, food and drink products (grain, soy, meat, dairy, fish, fruit, wine, spirits) \
are agriculture.
- "rate": the ad valorem rate in percent, as a number (25 for "25%"); null when no rate is given.
- "until": YYYY-MM-DD. For a pause, the day it runs out; for a tariff, the day it lapses; \
null otherwise.
- "effective": YYYY-MM-DD when the article says when the measure starts or started; else null.
- "status": for a tariff only: threatened (floated, proposed, warned of), announced (decided \
but not yet applied) or in_effect (being collected). Null for every other kind.
- "authority": the legal basis when the article names one: {", ".join(AUTHORITIES)}; else null.
- "previous_rate": the rate before a change, when the article gives it; else null.
- "evidence": the sentence the fact comes from, copied exactly as it stands in the article.

The kinds, and who the imposer and targets are:
- tariff: a duty at some rate is warned of, decided, put in place, increased, reduced, or reported \
as being collected. The imposer collects it; the targets are the exporters it falls on. A retaliatory duty is a \
tariff of the side that retaliates. Duties against dumping or subsidies, and safeguard duties, count as tariffs too.
- pause: a duty is suspended, postponed, delayed, or such a delay is extended. Sides as for a \
tariff. Carry the rate of the suspended duty; "until" is the day the pause ends, counting a \
stated length (a 90-day pause) from the day the pause began.
- lift: a duty is scrapped, ended, or brought down to zero. Sides as for a tariff.
- relief: an exemption, exclusion, quota, refund or grace period takes some goods, firms or \
countries out of a duty. Sides as for a tariff.
- negotiation: parties agree to hold trade talks, start them, or hold a round of them. The imposer is the \
party the sentence names first; the targets are the other parties; sector is null.
- deal: the parties strike, sign or conclude a trade agreement. Sides as for a negotiation.
- withdrawal: a party leaves a trade agreement, or a preference scheme is ended. The imposer \
is the party leaving; the targets are the others, or ["*"] when there are many.

These are not facts: market moves, trade figures, opinions, forecasts, guesses about what \
might happen, one side's demands of another, proposals still being discussed, and vague \
"countermeasures" that name no duty.

How to count:
- A change "from 10% to 25%" is one fact at 25, with 10 as previous_rate.
- A combined level ("duties now add up to 145%") is a fact of its own.
- Each product sector is its own fact: a duty covering both steel and aluminum gives two facts. A package \
covering a broad mix of goods takes sector null.
- A single measure aimed at several named countries is one fact that lists them all; split it only when \
the rates differ by country or the article reports separate actions.
- Each rate stated for a measure is its own fact: a range, tiers or alternatives give one fact \
per rate; "as high as 50%" gives a single fact at 50.
- A suspended duty is one pause fact carrying its rate, not a pause and a tariff. If the pause \
leaves a lower rate in place, give the pause and a tariff at the rate that remains.
- A truce in which both sides hold off gives two pause facts, one for each side.
- A duty named only as the thing paused, lifted or relieved is not also a tariff fact.
- A fact repeated by several sentences is reported once.
- Relative dates ("next Tuesday", "early July") are read against the article's publication date.
"""


@dataclass(frozen=True)
class Reading:
    """What a model's reply gave: the facts kept, as the contract's JSON objects, and why others were dropped."""

    facts: tuple[dict[str, Any], ...]
    dropped: tuple[str, ...]


def chat_request(text: str, published: dt.date, *, model: str, json_mode: bool = True) -> dict[str, Any]:
    """The chat-completions request body that asks `model` for the facts of `text`."""
    body: dict[str, Any] = {
        "model": model,
        "temperature": 0,
        "messages": [
            {"role": "system", "content": SYSTEM_PROMPT},
            {"role": "user", "content": f"Publication date: {published.isoformat()}\n\nArticle:\n{text}"},
        ],
    }
    if json_mode:
        # Ollama, llama.cpp's server, vLLM and the hosted APIs all take it; a server that refuses it
        # is asked again by the user with --no-json-mode.
        body["response_format"] = {"type": "json_object"}
    return body


def ask_model(
    text: str,
    published: dt.date,
    *,
    url: str,
    model: str,
    api_key: str | None = None,
    timeout_seconds: float = 50,
    json_mode: bool = True,
) -> Reading:
    """The facts the model at `url` reads in `text`; an ExtractionError naming the server when there is no answer
    to read."""
    content = _post(url, chat_request(text, published, model=model, json_mode=json_mode), api_key, timeout_seconds)
    return read_reply(content, where=f"the model at {url}")


def _post(url: str, body: Mapping[str, Any], api_key: str | None, timeout_seconds: float) -> str:
    headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
    try:
        with httpx.Client(timeout=timeout_seconds, follow_redirects=False) as client:
            answer = client.post(url, json=body, headers=headers)
    except httpx.TimeoutException:
        raise ExtractionError(
            f"the model server at {url} did not answer within {timeout_seconds:g} s",
            hint="--timeout sets the limit; keep extract.timeout_seconds above it",
        ) from None
    except httpx.HTTPError as exc:
        raise ExtractionError(f"cannot reach the model server at {url}: {type(exc).__name__}: {exc}") from exc
    if answer.status_code >= 400:
        said = " ".join(answer.text.split())[:SHOWN_BODY]
        raise ExtractionError(
            f"the model server at {url} answered {answer.status_code} {answer.reason_phrase}"
            + (f": {said}" if said else "")
        )
    try:
        reply = answer.json()
    except ValueError:
        raise ExtractionError(f"the model server at {url} answered with no JSON: {_brief(answer.text)}") from None
    try:
        content = reply["choices"][0]["message"]["content"]
    except (KeyError, IndexError, TypeError):
        content = None
    if not isinstance(content, str):
        raise ExtractionError(
            f"the model server at {url} answered without choices[0].message.content: {_brief(json.dumps(reply))}",
            hint="--url is the chat-completions endpoint, e.g. http://127.0.0.1:11434/v1/chat/completions",
        )
    return content


# A reply wrapped in a Markdown code block, as chat models like to write it, with or without a language.
_FENCE = re.compile(r"\A\s*```[A-Za-z]*[ \t]*\r?\n(.*?)\r?\n?```\s*\Z", re.DOTALL)


def read_reply(content: str, *, where: str = "the model") -> Reading:
    """The facts in a model's reply `{"facts": [...]}` (a ```json fence around it is fine), each checked by itself.

    A fact the contract does not allow is dropped and named in `dropped`; a
    reply that is not such an object at all is an ExtractionError.
    """
    fenced = _FENCE.match(content)
    inner = fenced.group(1) if fenced else content
    try:
        document = json.loads(inner)
    except json.JSONDecodeError as exc:
        raise ExtractionError(f"{where} replied with no valid JSON ({exc.msg}): {_brief(content)}") from None
    if not isinstance(document, dict) or not isinstance(document.get("facts"), list):
        raise ExtractionError(f"{where} replied {_brief(inner)}, not an object with a 'facts' list")
    kept: list[dict[str, Any]] = []
    dropped: list[str] = []
    for n, raw in enumerate(document["facts"]):
        try:
            fact = check_fact(_tidied(raw), f"facts[{n}]")
        except ExtractionError as exc:
            dropped.append(exc.message)
            continue
        shown = fact.to_dict()
        if not (isinstance(raw, dict) and raw.get("confidence") is not None):
            # The model gave no confidence: print none rather than the 1.0 a Fact defaults to.
            shown.pop("confidence")
        kept.append(shown)
    return Reading(tuple(kept), tuple(dropped))


def _tidied(raw: object) -> object:
    """Slips of form a model makes where its meaning is plain: codes in lower case, one target not in a list,
    an empty string for null, a rate written "25%". Anything else is left for the check to judge."""
    if not isinstance(raw, dict):
        return raw
    fact = {key: (None if isinstance(value, str) and not value.strip() else value) for key, value in raw.items()}
    for key in ("kind", "sector", "status", "authority"):
        word = fact.get(key)
        if isinstance(word, str):
            fact[key] = word.strip().lower()
    imposer, targets = fact.get("imposer"), fact.get("targets")
    if isinstance(imposer, str):
        fact["imposer"] = imposer.strip().upper()
    if isinstance(targets, str):
        targets = [targets]
    if isinstance(targets, list):
        fact["targets"] = [t.strip().upper() if isinstance(t, str) else t for t in targets]
    for key in ("rate", "previous_rate"):
        value = fact.get(key)
        if isinstance(value, str) and re.fullmatch(r"\s*\d+(?:\.\d+)?\s*%?\s*", value):
            fact[key] = float(value.strip().rstrip("%"))
    return fact


def _brief(text: str) -> str:
    shown = " ".join(text.split())
    return shown if len(shown) <= 80 else shown[:77] + "..."
