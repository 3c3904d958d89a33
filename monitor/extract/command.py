"""An external program as the extractor: the article on stdin, the contract's JSON on stdout.

`extract.command` names a program a user brings (a language model behind a
script, an in-house tagger). For each article it is started once, in the
config file's folder, with the article's text on standard input and its
publication date in `TRADE_MONITOR_PUBLISHED` (and in place of `{published}`
in the command's arguments); it prints `{"facts": [...]}` as the extraction
contract says. Everything it prints is checked against the contract before a
single fact is used: one wrong field refuses the whole answer, so an article is
recorded with all its facts or not at all.

The command is split into words as a POSIX shell would (quotes, backslashes)
but run without a shell: no pipes or variables, nothing in an article's date
can become a command. Each run gets a process group of its own, so a command
that hangs is killed with everything it started.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import json
import math
import os
import re
import shlex
import shutil
import signal
import subprocess
from dataclasses import fields
from pathlib import Path
from typing import Any

from monitor.errors import ConfigError, ExtractionError
from monitor.extract.facts import KINDS, SECTORS, STATUSES, Fact

#: The environment variable that holds the article's publication date (YYYY-MM-DD).
PUBLISHED_ENV = "TRADE_MONITOR_PUBLISHED"
#: Replaced by the article's publication date wherever it appears in the command's arguments.
PUBLISHED_FIELD = "{published}"
#: The legal bases the contract names for `authority`.
AUTHORITIES = (
    "section_232",
    "section_301",
    "section_201",
    "section_122",
    "ieepa",
    "countermeasure",
    "anti_dumping",
    "countervailing",
    "safeguard",
)
#: How much of the command's stderr a failure quotes: its last lines, where the reason usually is.
STDERR_LINES = 3
STDERR_TAIL = 300

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_HINT = 'an extractor command prints one JSON object {"facts": [...]}, see docs/extract.md'


def command_version(command: str) -> str:
    """The extractor version recorded on the facts a command reads: it names the command."""
    return "command:" + hashlib.sha256(command.encode("utf-8")).hexdigest()[:12]


def command_words(command: str) -> list[str]:
    """The program and its arguments, split as a shell would; a ConfigError when that cannot be done."""
    try:
        words = shlex.split(command)
    except ValueError as exc:
        raise ConfigError(f"key 'extract.command' cannot be split into words: {exc}", hint="check its quotes") from exc
    if not words:
        raise ConfigError("key 'extract.command' is empty", hint='set it, or set extract.mode = "builtin"')
    return words


def check_command(command: str, cwd: str) -> None:
    """Refuse, before any article is read, a command whose program cannot be found."""
    program = command_words(command)[0]
    if os.sep in program:
        found = Path(cwd, program)
        if not (found.is_file() and os.access(found, os.X_OK)):
            raise ConfigError(
                f"key 'extract.command': {program!r} is not an executable file (looked in {cwd or '.'})",
                hint="a relative path is taken from the config file's folder",
            )
    elif shutil.which(program) is None:
        raise ConfigError(
            f"key 'extract.command': no program {program!r} on the PATH",
            hint=f"a program in the config file's folder is written ./{program}",
        )


def extract_with_command(
    text: str, published: dt.date | None, *, command: str, timeout_seconds: float, cwd: str = ""
) -> list[Fact]:
    """The facts `command` prints for `text`; an ExtractionError saying why when it fails or prints
    anything the contract does not allow."""
    output = run_command(text, published, command=command, timeout_seconds=timeout_seconds, cwd=cwd)
    return parse_facts(output, shown=_shown(command))


def extract_with_both(
    text: str, published: dt.date | None, *, command: str, timeout_seconds: float, cwd: str = ""
) -> list[Fact]:
    """The command's facts, then the built-in reader's that add something: each fact once.

    Two facts are the same when kind, imposer, targets, sector and rate are;
    the command's reading of it is the one kept (it is the one the user chose).
    """
    from monitor.extract import extract_facts

    told = extract_with_command(text, published, command=command, timeout_seconds=timeout_seconds, cwd=cwd)
    found: list[Fact] = []
    seen: set[tuple[object, ...]] = set()
    for fact in [*told, *extract_facts(text, published)]:
        key = (fact.kind, fact.imposer, frozenset(fact.targets), fact.sector, fact.rate)
        if key not in seen:
            seen.add(key)
            found.append(fact)
    return found


# --- running the command ----------------------------------------------------------------------------


def run_command(text: str, published: dt.date | None, *, command: str, timeout_seconds: float, cwd: str = "") -> bytes:
    """What `command` printed on stdout for `text`, once it exited with status 0 within the timeout."""
    shown = _shown(command)
    date = published.isoformat() if published else ""
    words = [word.replace(PUBLISHED_FIELD, date) for word in command_words(command)]
    env = dict(os.environ)
    env.pop(PUBLISHED_ENV, None)
    if published:
        env[PUBLISHED_ENV] = date
    try:
        process = subprocess.Popen(
            words,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=cwd or None,
            env=env,
            # Its own process group: a timeout kills whatever the command started as well.
            start_new_session=True,
        )
    except OSError as exc:
        raise ExtractionError(f"cannot start the extractor command {shown}: {exc.strerror or exc}") from exc
    try:
        out, err = process.communicate(text.encode("utf-8"), timeout=timeout_seconds)
    except subprocess.TimeoutExpired:
        _kill_group(process)
        raise ExtractionError(
            f"the extractor command {shown} did not finish within {timeout_seconds:g} s and was killed",
            hint="extract.timeout_seconds sets the limit",
        ) from None
    except BaseException:
        # Interrupted (Ctrl-C in `ingest`): leave no command running behind us.
        _kill_group(process)
        raise
    if process.returncode != 0:
        code = process.returncode
        how = f"was killed by signal {_signal_name(-code)}" if code < 0 else f"exited with status {code}"
        tail = _tail(err)
        raise ExtractionError(f"the extractor command {shown} {how}" + (f"; it said: {tail}" if tail else ""))
    return out


def _kill_group(process: subprocess.Popen[bytes]) -> None:
    # ProcessLookupError: it ended by itself just now.
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    for stream in (process.stdin, process.stdout, process.stderr):
        if stream is not None:
            # A broken pipe to a dead process: nothing left to flush.
            with contextlib.suppress(OSError):
                stream.close()


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return str(number)


def _tail(stderr: bytes) -> str:
    lines = [" ".join(line.split()) for line in stderr.decode("utf-8", errors="replace").splitlines()]
    text = " / ".join([line for line in lines if line][-STDERR_LINES:])
    return text if len(text) <= STDERR_TAIL else "…" + text[-STDERR_TAIL:]


def _shown(command: str) -> str:
    # The command as messages quote it; a long one is cut (its version names it exactly).
    return repr(command if len(command) <= 80 else command[:77] + "...")


# --- checking what it printed -----------------------------------------------------------------------


def parse_facts(output: bytes, *, shown: str = "the command") -> list[Fact]:
    """The facts in an extractor command's output, every field checked against the contract.

    The first field that breaks the contract refuses the whole output, with
    the field named (`facts[2].targets[0]`) and the value that was there.
    """
    where = f"the extractor command {shown}"
    try:
        text = output.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ExtractionError(f"{where} printed bytes that are not UTF-8 (at byte {exc.start})", hint=_HINT) from exc
    if not text.strip():
        raise ExtractionError(f"{where} printed nothing", hint=_HINT + '; {"facts": []} when there are none')
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ExtractionError(
            f"{where} printed no valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}", hint=_HINT
        ) from exc
    if not isinstance(document, dict) or not isinstance(document.get("facts"), list):
        raise ExtractionError(f"{where} printed {_brief(document)}, not an object with a 'facts' list", hint=_HINT)
    return [check_fact(raw, f"{where}: facts[{n}]") for n, raw in enumerate(document["facts"])]


def check_fact(raw: object, where: str) -> Fact:
    """One fact of an extractor's JSON as a Fact, every field checked against the contract; an ExtractionError
    naming the first field that breaks it (`where` names the fact in that message)."""
    if not isinstance(raw, dict):
        raise _wrong(where, "must be a JSON object", raw)
    values: dict[str, Any] = {
        "kind": _choice(raw, "kind", KINDS, where, required=True),
        "imposer": _code(_required(raw, "imposer", where), f"{where}.imposer", everyone=False),
        "targets": _targets(_required(raw, "targets", where), f"{where}.targets"),
        "sector": _choice(raw, "sector", SECTORS, where),
        "rate": _rate(raw.get("rate"), f"{where}.rate"),
        "until": _date(raw.get("until"), f"{where}.until"),
        "effective": _date(raw.get("effective"), f"{where}.effective"),
        "status": _choice(raw, "status", STATUSES, where),
        "evidence": _evidence(_required(raw, "evidence", where), f"{where}.evidence"),
        "authority": _choice(raw, "authority", AUTHORITIES, where),
        "previous_rate": _rate(raw.get("previous_rate"), f"{where}.previous_rate"),
    }
    confidence = raw.get("confidence")
    if confidence is not None:
        if _number(confidence) is None or not 0 <= confidence <= 1:
            raise _wrong(f"{where}.confidence", "must be a number from 0 to 1", confidence)
        # Carried only where the fact type has the field; the contract lets extractors add fields.
        if "confidence" in _FACT_FIELDS:
            values["confidence"] = float(confidence)
    return Fact(**values)


_FACT_FIELDS = frozenset(f.name for f in fields(Fact))


def _required(raw: dict[str, Any], key: str, where: str) -> object:
    if key not in raw or raw[key] is None:
        raise ExtractionError(f"{where}.{key} is missing", hint=_HINT)
    return raw[key]


def _choice(raw: dict[str, Any], key: str, allowed: tuple[str, ...], where: str, *, required: bool = False) -> Any:
    value = _required(raw, key, where) if required else raw.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or value not in allowed:
        raise _wrong(f"{where}.{key}", "must be one of " + ", ".join(allowed), value)
    return value


@functools.cache
def _codes() -> frozenset[str]:
    import pycountry  # deferred: its data loads on the first fact checked, not at import

    return frozenset(country.alpha_2 for country in pycountry.countries) | {"EU"}


def _code(value: object, where: str, *, everyone: bool) -> str:
    if isinstance(value, str) and (value in _codes() or (everyone and value == "*")):
        return value
    allowed = "an ISO 3166-1 alpha-2 code (US, JP, CN) or EU" + (", or * for everyone" if everyone else "")
    raise _wrong(where, f"must be {allowed}", value)


def _targets(value: object, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not value:
        raise _wrong(where, "must be a non-empty list of codes", value)
    codes = tuple(_code(code, f"{where}[{n}]", everyone=True) for n, code in enumerate(value))
    if "*" in codes and len(codes) > 1:
        raise _wrong(where, 'must be ["*"] alone when it means everyone', value)
    return codes


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return None
    return float(value)


def _rate(value: object, where: str) -> float | None:
    if value is None:
        return None
    number = _number(value)
    if number is None or number < 0:
        raise _wrong(where, "must be a number of percent, 0 or more, or null", value)
    return number


def _date(value: object, where: str) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise _wrong(where, "must be a date YYYY-MM-DD or null", value)


def _evidence(value: object, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _wrong(where, "must be the sentence the fact was read from", value)
    return value


def _brief(value: object) -> str:
    shown = json.dumps(value, ensure_ascii=False)
    return shown if len(shown) <= 60 else shown[:57] + "..."


def _wrong(where: str, rule: str, value: object) -> ExtractionError:
    return ExtractionError(f"{where} {rule}, got {_brief(value)}", hint=_HINT)
