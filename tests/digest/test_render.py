"""Rendering digests: evidence and links, deadlines, escaping, mail-client HTML, the user's own templates."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from pathlib import Path

import pytest

from monitor.config import SubscriptionSettings
from monitor.digest.content import build_content
from monitor.digest.render import render
from monitor.errors import ConfigError
from monitor.events.alerts import Evidence
from tests.digest.conftest import START, make_alert, make_state

ROOT = Path(__file__).resolve().parents[2]
SUB = SubscriptionSettings(name="steel-desk", title="Steel desk", timezone="Europe/Berlin", sectors=("steel",))


def test_alert_card_quotes_the_evidence_and_links_the_article() -> None:
    alert = make_alert("a1", until=dt.date(2025, 7, 9))
    content = build_content(SUB, [alert], [], START)
    out = render(content)
    ev = alert.evidence[0]
    assert ev.sentence in out.text and ev.url is not None and ev.url in out.text
    assert f'<a href="{ev.url}"' in out.html
    assert ev.sentence in out.html
    assert "United States" in out.html and "China" in out.html  # codes shown as names
    visible = re.sub(r"<[^>]+>", "", out.html).replace("&rarr;", "→")
    assert "10% → 25%" in visible
    assert "9 Jul 2025" in out.text


def test_a_title_with_a_script_tag_stays_text() -> None:
    hostile = Evidence(
        article="x1",
        url="https://news.example.org/x1?a=1&b=2",
        sentence='Ministers said "<b>25 percent</b>" would apply from May.',
        title="Duties <script>alert('owned')</script> rise",
    )
    alert = make_alert("x1", evidence=(hostile,), summary="Rate <img src=x onerror=alert(1)> raised")
    out = render(build_content(SUB, [alert], [], START))
    assert "<script" not in out.html.lower()
    assert "<img" not in out.html.lower()
    assert "&lt;script&gt;" in out.html
    assert "&lt;b&gt;25 percent&lt;/b&gt;" in out.html
    assert 'href="https://news.example.org/x1?a=1&amp;b=2"' in out.html


def test_html_is_mail_client_html_with_inlined_styles_and_no_scripts() -> None:
    out = render(build_content(SUB, [make_alert("a1"), make_alert("a2", severity="critical")], [], START))
    assert "<style" not in out.html  # inlined into style attributes
    assert "<script" not in out.html
    assert re.search(r'<table[^>]*class="container"[^>]*width="600"', out.html)
    assert "max-width: 600px" in out.html
    widths = [int(w) for w in re.findall(r'width="(\d+)"', out.html)]
    assert widths and max(widths) <= 600
    assert 'style="' in out.html and "background-color: #b42318" in out.html


def test_critical_alerts_come_first_and_the_subject_says_how_many() -> None:
    alerts = [make_alert("mild", severity="info"), make_alert("grave", severity="critical")]
    out = render(build_content(SUB, alerts, [], START))
    assert out.subject == "Steel desk: 2 new alerts (1 critical), 2 Apr 2025"
    assert out.text.index("(grave)") < out.text.index("(mild)")


def test_deadlines_cover_the_next_30_days_of_measures_in_scope() -> None:
    states = [
        make_state("soon", status="paused", pause_until=dt.date(2025, 4, 20), rate=34.0),
        make_state("later", status="paused", pause_until=dt.date(2025, 6, 1), target="JP"),
        make_state("starts", status="announced", effective=dt.date(2025, 4, 9), target="VN", rate=46.0),
        make_state("autos", status="paused", pause_until=dt.date(2025, 4, 10), sector="autos"),
    ]
    content = build_content(SUB, [], states, START)
    assert [(d.measure.measure_id, d.what, d.days_left) for d in content.deadlines] == [
        ("starts", "takes effect", 7),
        ("soon", "pause ends", 18),
    ]
    out = render(content)
    assert "20 Apr 2025 (in 18 days)" in out.text
    assert "Viet Nam" in out.text or "Vietnam" in out.text
    assert "No new alerts since the last digest." in out.text
    assert [m.measure_id for m in content.measures] == ["soon", "later", "starts"]  # autos is out of scope


def test_a_tariffs_own_expiry_is_a_deadline_while_it_stands() -> None:
    states = [
        make_state("sunset", expires=dt.date(2025, 4, 25), target="CL", rate=12.0),
        make_state("far", expires=dt.date(2025, 9, 30), target="JP"),
        make_state("gone", status="lifted", rate=None, expires=dt.date(2025, 4, 10), target="KR"),
        make_state("threat", status="threatened", expires=dt.date(2025, 4, 12), target="MX"),
    ]
    content = build_content(SUB, [], states, START)
    assert [(d.measure.measure_id, d.what, d.days_left) for d in content.deadlines] == [("sunset", "expires", 23)]
    out = render(content)
    assert "25 Apr 2025 (in 23 days)" in out.text
    assert "expires" in out.html


def test_long_measure_lists_are_cut_and_counted() -> None:
    states = [make_state(f"m{i}", target=code) for i, code in enumerate(["BR", "CA", "DE", "FR", "IN"])]
    content = build_content(SUB, [], states, START, measures_shown=2)
    out = render(content)
    assert len(content.measures) == 2 and content.measures_hidden == 3
    assert "and 3 more." in out.text and "and 3 more." in out.html


def test_user_templates_override_ours_file_by_file(tmp_path: Path) -> None:
    (tmp_path / "partials").mkdir()
    (tmp_path / "partials" / "alert_card.txt.j2").write_text("* {{ alert.summary | upper }}\n", encoding="utf-8")
    (tmp_path / "subject.txt.j2").write_text("[{{ content.alerts | length }}] {{ content.title }}", encoding="utf-8")
    out = render(build_content(SUB, [make_alert("a1")], [], START), templates=tmp_path)
    assert out.subject == "[1] Steel desk"
    assert "* US RAISES ITS STEEL TARIFF" in out.text
    assert "DEADLINES IN THE NEXT 30 DAYS" in out.text  # the other partials are still ours
    assert "card-title" in out.html  # the HTML partial was not overridden


def test_a_broken_user_template_names_its_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "subject.txt.j2").write_text("fine\n{% if %}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"template \S*subject\.txt\.j2, line 2"):
        render(build_content(SUB, [], [], START), templates=tmp_path)


def test_a_missing_template_folder_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="is not a folder"):
        render(build_content(SUB, [], [], START), templates=tmp_path / "nowhere")


def test_every_shipped_template_is_package_data() -> None:
    """A non-editable install must carry the templates: each file matches a package-data pattern."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["monitor.digest"]
    package_dir = ROOT / "monitor" / "digest"
    assert (package_dir / "templates").resolve() == (ROOT / "templates").resolve()
    shipped = {p.relative_to(package_dir) for p in (package_dir / "templates").rglob("*") if p.is_file()}
    covered = {p.relative_to(package_dir) for pattern in patterns for p in package_dir.glob(pattern)}
    assert shipped and shipped == covered
