"""`trade-monitor llm-extract`: a language model behind a chat-completions API as the extract.command.

The model server is outside the machine in real use, so a stand-in answers on
loopback: a real HTTP server in a thread that keeps every request (the tests
check the model, the temperature, the article and its date, the Bearer token)
and answers with replies written here. The adapter runs as users run it, as
the `extract.command` of `ingest` and `poll`, and on its own with the article
on standard input.
"""

from __future__ import annotations

import contextlib
import json
import shlex
import socket
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from sources.feedserver import FeedServer, Item, Route, rss

from monitor.extract.command import parse_facts
from tests.cli_runner import CliResult, run_cli

# Our own sentences, about no real event.
COPPER = "Ecuador will charge a 13 percent duty on copper wire shipped from Peru from next month."
TALKS = "Negotiators from Kenya and Vietnam opened a second round of trade talks in Nairobi on Monday."
MARKETS = "Traders in Quito shrugged the news off and the local index ended the day flat."
DATE = "2031-05-06"
STAMP = "Tue, 06 May 2031 07:00:00 GMT"  # DATE as a feed writes it

COPPER_FACT = {
    "kind": "tariff",
    "imposer": "EC",
    "targets": ["PE"],
    "sector": "copper",
    "rate": 13,
    "until": None,
    "effective": "2031-06-01",
    "status": "announced",
    "evidence": COPPER,
}
TALKS_FACT = {
    "kind": "negotiation",
    "imposer": "KE",
    "targets": ["VN"],
    "sector": None,
    "rate": None,
    "evidence": TALKS,
}

ADAPTER = str(Path(sys.executable).parent / "trade-monitor")
KEY_ENV = "TM_TEST_MODEL_KEY"


# --- the stand-in model server -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Answer:
    """How the stand-in answers: a status and a body, after holding the request for `delay_s` seconds."""

    body: bytes
    status: int = 200
    delay_s: float = 0.0


def chat(content: str) -> Answer:
    """A chat-completions reply whose message is `content`."""
    reply = {"id": "stand-in", "choices": [{"index": 0, "message": {"role": "assistant", "content": content}}]}
    return Answer(json.dumps(reply).encode())


def facts_reply(*facts: dict[str, Any]) -> Answer:
    return chat(json.dumps({"facts": list(facts)}))


@dataclass
class Asked:
    """One request the stand-in got."""

    path: str
    authorization: str | None
    body: dict[str, Any]

    @property
    def user_message(self) -> str:
        return next(str(m["content"]) for m in self.body["messages"] if m["role"] == "user")


@dataclass
class ModelServer:
    """Answers POSTs on 127.0.0.1: with the answer of the first `by_text` key found in the user's message, else
    `answer`."""

    answer: Answer = field(default_factory=lambda: facts_reply())
    by_text: dict[str, Answer] = field(default_factory=dict)
    asked: list[Asked] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._released = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *_args: object) -> None:
                pass

            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                seen = Asked(self.path, self.headers.get("Authorization"), body)
                server.asked.append(seen)
                answer = next((a for key, a in server.by_text.items() if key in seen.user_message), server.answer)
                if answer.delay_s:
                    server._released.wait(answer.delay_s)
                # The client may have given up on a slow answer: its connection is gone.
                with contextlib.suppress(OSError):
                    self.send_response(answer.status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(answer.body)))
                    self.end_headers()
                    self.wfile.write(answer.body)

        self._http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._http.daemon_threads = True
        self._thread = threading.Thread(target=self._http.serve_forever, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._http.server_address[1]}/v1/chat/completions"

    def close(self) -> None:
        self._released.set()
        self._http.shutdown()
        self._http.server_close()


@pytest.fixture
def model() -> Iterator[ModelServer]:
    server = ModelServer()
    yield server
    server.close()


def assert_asked(asked: Asked, *, model: str, text: str, date: str, token: str | None) -> None:
    """The request a user's server would get: the model, temperature 0, the contract, the article and its date."""
    assert asked.path == "/v1/chat/completions"
    assert asked.body["model"] == model and asked.body["temperature"] == 0
    roles = [m["role"] for m in asked.body["messages"]]
    assert roles == ["system", "user"]
    system = asked.body["messages"][0]["content"]
    assert '{"facts": [...]}' in system and "critical_minerals" in system and '["*"]' in system
    assert text in asked.user_message and date in asked.user_message
    assert asked.authorization == (f"Bearer {token}" if token else None)


# --- running it ------------------------------------------------------------------------------------------------


def adapter(url: str, *args: str) -> str:
    """The extract.command a user writes: the installed `trade-monitor llm-extract`."""
    return shlex.join([ADAPTER, "llm-extract", "--url", url, "--model", "qwen-test:7b", *args])


def write_config(folder: Path, command: str, *, feeds: dict[str, str] | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    lines = [
        '[database]\nurl = "sqlite:///log.db"\n',
        "[fetch]\nread_timeout_s = 2\nconnect_timeout_s = 2\njitter_s = 0\n",
        f'[extract]\nmode = "command"\ncommand = {json.dumps(command)}\ntimeout_seconds = 20\n',
    ]
    for name, url in (feeds or {}).items():
        lines.append(f'[[feeds]]\nname = "{name}"\nurl = "{url}"\ninterval_minutes = 30\n')
    path = folder / "config.toml"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def article(folder: Path, name: str, *sentences: str) -> Path:
    path = folder / name
    path.write_text(f"date {DATE}\n" + " ".join(sentences) + "\n", encoding="utf-8")
    return path


def tm(config: Path, *args: str | Path) -> CliResult:
    return run_cli(["--config", config, *args])


def events(config: Path, kind: str) -> list[dict[str, Any]]:
    result = tm(config, "events", "--type", kind, "--format", "json")
    assert result.exit_code == 0, result
    found: list[dict[str, Any]] = json.loads(result.stdout)["events"]
    return found


def llm_extract(url: str, text: str, *args: str, date: str | None = DATE) -> CliResult:
    """The adapter on its own, as the command runner starts it: the article on stdin, the date in the environment."""
    env = {"TRADE_MONITOR_PUBLISHED": date, "OPENAI_API_KEY": None, KEY_ENV: None}
    return run_cli(["llm-extract", "--url", url, "--model", "qwen-test:7b", *args], input=text, env=env)


# --- what the model reads is recorded ------------------------------------------------------------------------


def test_ingest_records_the_facts_the_model_reads_and_sends_it_the_article_date_and_key(
    model: ModelServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(KEY_ENV, "sk-stand-in-123")
    model.answer = facts_reply(COPPER_FACT, TALKS_FACT)
    config = write_config(tmp_path, adapter(model.url, "--api-key-env", KEY_ENV))
    path = article(tmp_path, "copper.txt", COPPER, MARKETS, TALKS)

    result = tm(config, "ingest", path, "--format", "json")

    assert result.exit_code == 0, result
    (row,) = json.loads(result.stdout)["articles"]
    assert (row["outcome"], row["facts"], row["error"]) == ("new", 2, None)
    facts = [f["data"] for f in events(config, "fact.extracted")]
    assert [(f["kind"], f["imposer"], f["targets"], f["sector"], f["rate"], f["effective"]) for f in facts] == [
        ("tariff", "EC", ["PE"], "copper", 13, "2031-06-01"),
        ("negotiation", "KE", ["VN"], None, None, None),
    ]
    assert facts[0]["evidence"] == COPPER and facts[0]["status"] == "announced"
    (asked,) = model.asked
    assert_asked(asked, model="qwen-test:7b", text=f"{COPPER} {MARKETS} {TALKS}", date=DATE, token="sk-stand-in-123")
    assert asked.body["response_format"] == {"type": "json_object"}


def test_a_reply_fenced_as_json_is_read_and_no_key_is_sent_when_none_is_set(model: ModelServer) -> None:
    model.answer = chat("```json\n" + json.dumps({"facts": [TALKS_FACT]}, indent=2) + "\n```\n")

    result = llm_extract(model.url, TALKS, "--no-json-mode")

    assert result.exit_code == 0, result
    (fact,) = json.loads(result.stdout)["facts"]
    assert (fact["kind"], fact["imposer"], fact["targets"], fact["evidence"]) == ("negotiation", "KE", ["VN"], TALKS)
    assert "confidence" not in fact, "the model gave none, so none is made up"
    (asked,) = model.asked
    assert_asked(asked, model="qwen-test:7b", text=TALKS, date=DATE, token=None)
    assert "response_format" not in asked.body


def test_the_date_can_be_given_as_an_argument_and_a_model_s_slips_of_form_are_read(model: ModelServer) -> None:
    slips = {**COPPER_FACT, "imposer": "ec", "targets": "pe", "sector": "Copper", "rate": "13%", "until": ""}
    model.answer = facts_reply(slips)

    result = llm_extract(model.url, COPPER, "--published", "2031-04-30", date=None)

    assert result.exit_code == 0, result
    (fact,) = json.loads(result.stdout)["facts"]
    assert (fact["imposer"], fact["targets"], fact["sector"], fact["rate"], fact["until"]) == (
        "EC",
        ["PE"],
        "copper",
        13,
        None,
    )
    assert "2031-04-30" in model.asked[0].user_message


@pytest.mark.parametrize(
    ("bad", "named"),
    [
        ({"kind": "embargo"}, ["facts[1].kind must be one of tariff", '"embargo"']),
        ({"targets": ["PE", "XX"]}, ["facts[1].targets[1] must be an ISO 3166-1 alpha-2 code", '"XX"']),
        ({"imposer": "Ecuador"}, ["facts[1].imposer must be an ISO 3166-1 alpha-2 code", '"ECUADOR"']),
        ({"sector": "wiring"}, ["facts[1].sector must be one of autos", '"wiring"']),
    ],
)
def test_one_fact_the_contract_does_not_allow_is_dropped_and_named_and_the_rest_kept(
    model: ModelServer, tmp_path: Path, bad: dict[str, Any], named: list[str]
) -> None:
    model.answer = facts_reply(TALKS_FACT, {**COPPER_FACT, **bad}, COPPER_FACT)

    result = llm_extract(model.url, f"{COPPER} {TALKS}")

    assert result.exit_code == 0, result
    kept = json.loads(result.stdout)["facts"]
    assert [(f["kind"], f["imposer"]) for f in kept] == [("negotiation", "KE"), ("tariff", "EC")]
    # What it prints passes the command runner's checks, every field of every fact.
    assert [f.imposer for f in parse_facts(result.stdout.encode())] == ["KE", "EC"]
    (line,) = result.stderr.splitlines()
    assert line.startswith("llm-extract: dropped ")
    for words in named:
        assert words in line

    # Through ingest the two good facts are recorded.
    config = write_config(tmp_path, adapter(model.url))
    assert tm(config, "ingest", article(tmp_path, "a.txt", COPPER, TALKS)).exit_code == 0
    assert [f["data"]["imposer"] for f in events(config, "fact.extracted")] == ["KE", "EC"]


# --- no answer to read: the article fails, nothing of it is recorded ----------------------------------------------

FAILURES = [
    pytest.param(
        Answer(b'{"error": "model qwen-test:7b is still loading"}', status=500), (), ["answered 500"], id="500"
    ),
    pytest.param(chat("Here are the trade facts I found: one tariff, on copper."), (), ["no valid JSON"], id="prose"),
    pytest.param(chat('{"items": []}'), (), ["not an object with a 'facts' list"], id="no-facts"),
    pytest.param(Answer(b"<html>gateway</html>"), (), ["answered with no JSON"], id="html"),
    pytest.param(Answer(b'{"object": "list"}'), (), ["without choices[0].message.content"], id="no-choices"),
    pytest.param(
        Answer(json.dumps({"choices": []}).encode(), delay_s=10),
        ("--timeout", "1"),
        ["did not answer within 1 s"],
        id="hang",
    ),
]


@pytest.mark.parametrize(("answer", "args", "said"), FAILURES)
def test_a_reply_that_cannot_be_read_prints_nothing_names_the_server_and_exits_1(
    model: ModelServer, answer: Answer, args: tuple[str, ...], said: list[str]
) -> None:
    model.answer = answer

    started = time.monotonic()
    result = llm_extract(model.url, COPPER, *args)

    assert time.monotonic() - started < 8
    assert result.exit_code == 1 and result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith("error: ") and model.url in line
    for words in said:
        assert words in line


@pytest.mark.parametrize(("answer", "args", "said"), [FAILURES[0], FAILURES[1], FAILURES[-1]])
def test_ingest_reports_the_article_the_model_could_not_read_records_nothing_of_it_and_reads_the_others(
    model: ModelServer, tmp_path: Path, answer: Answer, args: tuple[str, ...], said: list[str]
) -> None:
    model.answer = facts_reply(TALKS_FACT)
    model.by_text[COPPER] = answer
    config = write_config(tmp_path, adapter(model.url, *args))
    copper, talks = article(tmp_path, "copper.txt", COPPER), article(tmp_path, "talks.txt", TALKS)

    result = tm(config, "ingest", copper, talks, "--format", "json")

    assert result.exit_code == 1
    rows = {Path(r["file"]).name: r for r in json.loads(result.stdout)["articles"]}
    assert rows["copper.txt"]["outcome"] == "failed"
    assert model.url in rows["copper.txt"]["error"] and said[0] in rows["copper.txt"]["error"]
    assert (rows["talks.txt"]["outcome"], rows["talks.txt"]["facts"]) == ("new", 1)
    (line,) = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert str(copper) in line and said[0] in line
    recorded = events(config, "article.recorded")
    assert len(recorded) == 1 and "Kenya" in json.dumps(recorded[0]["data"])
    assert [f["data"]["evidence"] for f in events(config, "fact.extracted")] == [TALKS]


def test_a_server_that_is_not_there_is_named(tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/v1/chat/completions"  # nothing listens there now

    result = llm_extract(url, COPPER)

    assert result.exit_code == 1 and result.stdout == ""
    assert f"cannot reach the model server at {url}" in result.stderr and "ConnectError" in result.stderr


def test_poll_records_the_feed_s_other_articles_and_reports_the_one_the_model_failed_on(
    model: ModelServer, tmp_path: Path
) -> None:
    model.answer = facts_reply(TALKS_FACT)
    model.by_text[COPPER] = Answer(b"overloaded", status=503)
    feeds = FeedServer()
    try:
        desk = feeds.serve(
            "/desk.xml",
            Route(
                body=rss(
                    [
                        Item(title="Copper duty", link="https://desk.example/copper", text=COPPER, published=STAMP),
                        Item(title="Talks", link="https://desk.example/talks", text=TALKS, published=STAMP),
                    ]
                )
            ),
        )
        config = write_config(tmp_path, adapter(model.url), feeds={"desk": desk})

        result = tm(config, "poll", "--once", "--now", "2031-05-06T08:00", "--format", "json")

        assert result.exit_code == 0, result
        (poll,) = json.loads(result.stdout)["polls"]
        assert (poll["outcome"], poll["new_articles"], poll["facts"]) == ("failed", 1, 1)
        assert "https://desk.example/copper" in poll["error"] and "answered 503" in poll["error"]
        (health,) = json.loads(tm(config, "feeds", "--format", "json").stdout)["feeds"]
        assert health["status"] == "failing" and model.url in health["last_error"]["reason"]
        assert [e["data"]["url"] for e in events(config, "article.recorded")] == ["https://desk.example/talks"]
        # Each item's date went to the model with its article.
        assert len(model.asked) == 2 and all(f"Publication date: {DATE}" in a.user_message for a in model.asked)
    finally:
        feeds.close()


# --- the date ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "date", "said"),
    [
        ((), None, "no publication date for the article"),
        (("--published", ""), None, "no publication date for the article"),
        ((), "2031-02-30", "TRADE_MONITOR_PUBLISHED: '2031-02-30' is not a date"),
        (("--published", "May 6"), None, "--published: 'May 6' is not a date"),
    ],
)
def test_a_missing_or_bad_date_is_a_clear_error_and_the_model_is_not_asked(
    model: ModelServer, args: tuple[str, ...], date: str | None, said: str
) -> None:
    result = llm_extract(model.url, COPPER, *args, date=date)

    assert result.exit_code == 2 and result.stdout == ""
    assert said in result.stderr and len(result.stderr.splitlines()) == 1
    assert model.asked == []


def test_a_file_is_read_like_trade_monitor_extract_reads_it_dated_by_its_first_line(
    model: ModelServer, tmp_path: Path
) -> None:
    # How a scorer runs an extractor: the article's path, and no date variable.
    model.answer = facts_reply(TALKS_FACT)
    path = article(tmp_path, "talks.txt", TALKS)

    result = run_cli(["llm-extract", "--url", model.url, "--model", "m", path], env={"TRADE_MONITOR_PUBLISHED": None})

    assert result.exit_code == 0, result
    assert [f["imposer"] for f in json.loads(result.stdout)["facts"]] == ["KE"]
    (asked,) = model.asked
    assert f"Publication date: {DATE}" in asked.user_message
    assert "date 2031" not in asked.user_message, "the date line is not part of the article"
