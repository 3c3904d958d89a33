"""A projection that cannot apply an event stops there, says where and why, and skips it only when told."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Column, Connection, Integer, MetaData, String, Table, select

from monitor.clock import SteppingClock
from monitor.errors import InputError, ProjectionStuckError, StoreError
from monitor.log import EventStore, NewEvent, ProjectionRunner, RecordedEvent
from monitor.log.faults import read_skips
from tests.cli_runner import run_cli


class Levies:
    """A projection of our own: one row per levy; a levy without a rate is something it cannot apply."""

    name = "levies"
    types: frozenset[str] | None = frozenset({"test.levied"})

    def __init__(self) -> None:
        self.table = Table(
            "test_levies",
            MetaData(),
            Column("position", Integer, primary_key=True),
            Column("goods", String(50), nullable=False),
            Column("rate", Integer, nullable=False),
        )

    def create(self, conn: Connection) -> None:
        self.table.create(conn, checkfirst=True)

    def drop(self, conn: Connection) -> None:
        self.table.drop(conn, checkfirst=True)

    def apply(self, conn: Connection, event: RecordedEvent) -> None:
        rate = event.data["rate"]  # KeyError for a levy recorded without one
        conn.execute(self.table.insert().values(position=event.position, goods=event.data["goods"], rate=rate))

    def goods(self, store: EventStore) -> list[str]:
        with store.engine.connect() as conn:
            return list(conn.execute(select(self.table.c.goods).order_by(self.table.c.position)).scalars())


def levy(goods: str, rate: int | None = None) -> NewEvent:
    data: dict[str, object] = {"goods": goods}
    if rate is not None:
        data["rate"] = rate
    return NewEvent(type="test.levied", data=data)


def fill(store: EventStore) -> int:
    """Seven levies, the fourth without a rate; its position."""
    for goods, rate in (("chairs", 10), ("lamps", 5), ("rugs", 3)):
        store.append(f"levy-{goods}", [levy(goods, rate)])
    bad = store.append("levy-kettles", [levy("kettles")]).positions[0]
    store.append("notes", [NewEvent(type="test.noted", data={})])  # not for this projection
    for goods, rate in (("mugs", 2), ("pans", 8), ("jugs", 4)):
        store.append(f"levy-{goods}", [levy(goods, rate)])
    return bad


def test_a_projection_stops_at_the_event_it_cannot_apply_having_applied_all_before_it(
    store: EventStore, clock: SteppingClock
) -> None:
    bad = fill(store)
    projection = Levies()
    runner = ProjectionRunner(store, projection)

    with pytest.raises(ProjectionStuckError) as caught:
        runner.run(batch_size=100)  # one batch: what came before the bad event is applied again

    stuck = caught.value
    assert stuck.position == bad and stuck.new
    assert f"stuck at position {bad}" in str(stuck) and "'levy-kettles'" in str(stuck) and "KeyError" in str(stuck)
    assert f"projections skip levies {bad}" in str(stuck)
    assert projection.goods(store) == ["chairs", "lamps", "rugs"]
    assert runner.checkpoint() == bad - 1
    fault = runner.fault()
    assert fault is not None and (fault.position, fault.type, fault.stream_id) == (bad, "test.levied", "levy-kettles")
    assert fault.reason == "KeyError: 'rate'" and fault.since == clock.now()


def test_a_stuck_projection_never_goes_past_the_event_by_itself(store: EventStore, clock: SteppingClock) -> None:
    bad = fill(store)
    projection = Levies()
    runner = ProjectionRunner(store, projection)
    with pytest.raises(ProjectionStuckError):
        runner.run(batch_size=2)
    first_since = runner.fault().since  # type: ignore[union-attr]

    for _ in range(3):
        clock.advance(dt.timedelta(minutes=1))
        with pytest.raises(ProjectionStuckError) as again:
            runner.run(batch_size=2)
        assert again.value.position == bad and not again.value.new  # the same fault, told again more quietly

    assert projection.goods(store) == ["chairs", "lamps", "rugs"]
    assert runner.checkpoint() == bad - 1 and runner.lag() > 0
    assert runner.fault().since == first_since  # type: ignore[union-attr]


def test_skip_moves_past_the_event_keeps_the_skip_and_the_next_run_goes_on(store: EventStore) -> None:
    bad = fill(store)
    projection = Levies()
    runner = ProjectionRunner(store, projection)
    with pytest.raises(ProjectionStuckError):
        runner.run()

    skipped = runner.skip(bad)

    assert skipped.position == bad and runner.fault() is None
    assert runner.run() == 3
    assert projection.goods(store) == ["chairs", "lamps", "rugs", "mugs", "pans", "jugs"]
    assert runner.lag() == 0
    with store.reading() as conn:
        assert [(s.position, s.reason) for s in read_skips(conn, "levies")] == [(bad, "KeyError: 'rate'")]


def test_skip_refuses_anything_but_the_event_it_is_stuck_at(store: EventStore) -> None:
    bad = fill(store)
    runner = ProjectionRunner(store, Levies())
    with pytest.raises(InputError, match="is not stuck"):
        runner.skip(bad)
    with pytest.raises(ProjectionStuckError):
        runner.run()
    with pytest.raises(InputError, match=f"stuck at position {bad}, not {bad + 1}"):
        runner.skip(bad + 1)
    assert runner.fault() is not None and runner.checkpoint() == bad - 1


def test_a_fixed_projection_applies_the_event_and_is_no_longer_stuck(store: EventStore) -> None:
    bad = fill(store)
    projection = Levies()
    runner = ProjectionRunner(store, projection)
    with pytest.raises(ProjectionStuckError):
        runner.run()

    broken_apply = projection.apply

    def apply_with_default(conn: Connection, event: RecordedEvent) -> None:
        if "rate" not in event.data:
            event = RecordedEvent(
                **{f: getattr(event, f) for f in RecordedEvent.__dataclass_fields__ if f != "data"},
                data={**event.data, "rate": 0},
            )
        broken_apply(conn, event)

    projection.apply = apply_with_default  # type: ignore[method-assign]
    assert runner.run() == 4
    assert runner.fault() is None
    assert "kettles" in projection.goods(store) and runner.checkpoint() == store.last_position() > bad


def test_a_database_failure_is_not_blamed_on_the_event(store: EventStore) -> None:
    fill(store)

    class Failing(Levies):
        def apply(self, conn: Connection, event: RecordedEvent) -> None:
            raise StoreError("the database went away while we worked")

    runner = ProjectionRunner(store, Failing())
    with pytest.raises(StoreError, match="went away") as caught:
        runner.run()
    assert not isinstance(caught.value, ProjectionStuckError)
    assert runner.fault() is None


# --- the commands, with the projection trade-monitor ships -----------------------------------------


@pytest.fixture
def config(db_url: str, tmp_path: Path) -> Iterator[Path]:
    """A config.toml naming the test's database."""
    path = tmp_path / "config.toml"
    path.write_text(f'[database]\nurl = "{db_url}"\n', encoding="utf-8")
    yield path


def test_replay_reports_the_stuck_projection_status_shows_it_and_skip_releases_it(
    config: Path, store: EventStore
) -> None:
    # A fact whose payload this code cannot read: the measures projection cannot decide it.
    bad = store.append("article-ours-1", [NewEvent(type="fact.extracted", data={"garbled": True})]).positions[0]

    replay = run_cli(["--config", config, "replay"])
    assert replay.exit_code == 3
    assert f"projection 'measure_states' is stuck at position {bad}" in replay.stderr
    assert f"trade-monitor projections skip measure_states {bad}" in replay.stderr

    status = json.loads(run_cli(["--config", config, "status", "--format", "json"]).stdout)
    measures = next(p for p in status["projections"] if p["name"] == "measure_states")
    assert measures["stuck"]["position"] == bad and measures["stuck"]["type"] == "fact.extracted"
    assert measures["stuck"]["stream_id"] == "article-ours-1" and measures["stuck"]["reason"]
    assert f"{bad}: " in run_cli(["--config", config, "status"]).stdout

    wrong = run_cli(["--config", config, "projections", "skip", "measure_states", str(bad + 5)])
    assert wrong.exit_code == 2 and f"stuck at position {bad}, not {bad + 5}" in wrong.stderr
    unknown = run_cli(["--config", config, "projections", "skip", "nonesuch", str(bad)])
    assert unknown.exit_code == 2 and "no projection named 'nonesuch'" in unknown.stderr

    at = ["--now", "2025-04-03T08:00:00Z", "--format", "json"]
    skipped = run_cli(["--config", config, "projections", "skip", "measure_states", str(bad), *at])
    assert skipped.exit_code == 0, skipped.stderr
    assert json.loads(skipped.stdout) == {
        "projection": "measure_states",
        "position": bad,
        "type": "fact.extracted",
        "stream_id": "article-ours-1",
        "reason": measures["stuck"]["reason"],
        "skipped_at": "2025-04-03T08:00:00+00:00",
    }
    assert run_cli(["--config", config, "replay"]).exit_code == 0
    after = json.loads(run_cli(["--config", config, "status", "--format", "json"]).stdout)
    measures = next(p for p in after["projections"] if p["name"] == "measure_states")
    assert measures["stuck"] is None and measures["lag"] == 0
