"""Event types evolve: an old row is read as the newest version through upcasters."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

import pytest

from monitor.errors import EventTypeError
from monitor.events import base, decode_recorded
from monitor.events.base import Event, event_type, upcaster
from monitor.log import EventStore, NewEvent


def test_a_v1_row_is_read_as_v2_through_its_upcaster(store: EventStore, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(base, "REGISTRY", dict(base.REGISTRY))
    monkeypatch.setattr(base, "UPCASTERS", dict(base.UPCASTERS))

    @event_type("test.duty_announced")
    @dataclass(frozen=True, kw_only=True)
    class DutyAnnouncedV1(Event):
        country: str
        percent: int

    store.append("duties", [NewEvent.of(DutyAnnouncedV1(country="Chile", percent=12), idempotency_key="d1")])

    # A later release: the rate becomes a fraction and the country a list of targets.
    del base.REGISTRY["test.duty_announced"]

    @event_type("test.duty_announced", version=2)
    @dataclass(frozen=True, kw_only=True)
    class DutyAnnounced(Event):
        targets: tuple[str, ...]
        rate: float

    @upcaster("test.duty_announced", from_version=1)
    def _v1_to_v2(data: dict[str, object]) -> dict[str, object]:
        return {"targets": [data["country"]], "rate": int(data["percent"]) / 100}  # type: ignore[call-overload]

    store.append("duties", [NewEvent.of(DutyAnnounced(targets=("Peru",), rate=0.05))])
    old, new = store.read_stream("duties")

    assert (old.schema_version, new.schema_version) == (1, 2)
    assert old.data == {"country": "Chile", "percent": 12}  # the row itself is never rewritten
    assert decode_recorded(old) == DutyAnnounced(targets=("Chile",), rate=0.12)
    assert decode_recorded(new) == DutyAnnounced(targets=("Peru",), rate=0.05)
    assert dataclasses.is_dataclass(decode_recorded(old))


def test_rows_this_code_cannot_read_name_their_position_and_type(
    store: EventStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(base, "REGISTRY", dict(base.REGISTRY))

    @event_type("test.port_closed", version=2)
    @dataclass(frozen=True, kw_only=True)
    class PortClosed(Event):
        port: str

    store.append("ports", [NewEvent(type="test.gauge_recalibrated", data={"x": 1})])
    store.append("ports", [NewEvent(type="test.port_closed", schema_version=3, data={"port": "Valparaíso"})])
    store.append("ports", [NewEvent(type="test.port_closed", schema_version=1, data={"port": "Callao"})])
    store.append("ports", [NewEvent(type="test.port_closed", schema_version=2, data={"harbour": "Arica"})])
    unknown, newer, no_upcaster, misfit = store.read_stream("ports")

    with pytest.raises(EventTypeError, match=f"position {unknown.position} .*'test.gauge_recalibrated'.*unknown"):
        decode_recorded(unknown)
    with pytest.raises(EventTypeError, match=f"position {newer.position} .*v3.*newer than"):
        decode_recorded(newer)
    with pytest.raises(EventTypeError, match=f"position {no_upcaster.position} .*no upcaster"):
        decode_recorded(no_upcaster)
    with pytest.raises(EventTypeError, match=f"position {misfit.position} .*does not fit"):
        decode_recorded(misfit)


def test_a_payload_with_a_value_of_the_wrong_shape_is_an_event_type_error(
    store: EventStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(base, "REGISTRY", dict(base.REGISTRY))

    @event_type("test.quota_set")
    @dataclass(frozen=True, kw_only=True)
    class QuotaSet(Event):
        starts: dt.date

    store.append("quotas", [NewEvent(type="test.quota_set", data={"starts": "the first of May"})])
    (row,) = store.read_stream("quotas")
    with pytest.raises(EventTypeError, match=f"position {row.position} .*does not fit"):
        decode_recorded(row)
