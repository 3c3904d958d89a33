"""`tools/corpora/build.py` rebuilds a labelled set from where its texts are; a stored page that is gone is named."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

BUILD = Path(__file__).resolve().parents[2] / "tools" / "corpora" / "build.py"

KEPT = "Ruritania set a 12 percent duty on imported bicycles from Freedonia on Monday.\n"
LOST = "Freedonia answered with a levy of its own on Ruritanian cheese.\n"


def _make_set(root: Path) -> tuple[Path, Path]:
    labelled = root / "set"
    labelled.mkdir()
    rows = ["name\trepo\tcommit\tpath\trow\tsha256\toutlet\tdate\tdate_basis\tfold"]
    for name, text, fold in (
        ("kept-2024-01-02", KEPT, "A"),
        ("lost-2024-01-03", LOST, "A"),
        ("other-2024-01-04", KEPT, "B"),
    ):
        digest = hashlib.sha256(text.encode()).hexdigest()
        rows.append(
            f"{name}\tpages\t\thttps://example.org/{name}\t\t{digest}\t{name.split('-')[0]}\t2024-01-02\taddress\t{fold}"
        )
    (labelled / "manifest.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    fact = {"kind": "tariff", "imposer": "US", "targets": ["*"], "sector": None, "rate": 12, "evidence_span": [0, 40]}
    labels = {name: [fact] for name in ("kept-2024-01-02", "lost-2024-01-03", "other-2024-01-04")}
    (labelled / "labels-a.json").write_text(json.dumps(labels), encoding="utf-8")
    pages = root / "pages"
    pages.mkdir()
    (pages / "kept-2024-01-02.txt").write_text(KEPT, encoding="utf-8")
    (pages / "other-2024-01-04.txt").write_text(KEPT, encoding="utf-8")
    (pages / "lost-2024-01-03.txt").write_text(LOST.replace("cheese", "wine"), encoding="utf-8")  # not as labelled
    return labelled, pages


def _build(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(BUILD), *args], capture_output=True, text=True, timeout=60)


def test_a_page_that_differs_stops_the_build_and_is_named(tmp_path: Path) -> None:
    labelled, pages = _make_set(tmp_path)
    done = _build(str(labelled), str(tmp_path / "out"), "--pages", str(pages))
    assert done.returncode == 1
    assert "lost-2024-01-03" in done.stderr and "differs from the labelled text" in done.stderr


def test_skip_missing_builds_the_rest_of_one_fold_and_names_what_it_left_out(tmp_path: Path) -> None:
    labelled, pages = _make_set(tmp_path)
    out = tmp_path / "out"
    done = _build(str(labelled), str(out), "--pages", str(pages), "--fold", "A", "--skip-missing")
    assert done.returncode == 0, done.stderr
    assert "skipped lost-2024-01-03" in done.stderr
    assert "1 of 2 stored pages left out" in done.stdout
    assert sorted(p.name for p in out.iterdir()) == ["kept-2024-01-02.gold.json", "kept-2024-01-02.txt"]
    assert (out / "kept-2024-01-02.txt").read_text(encoding="utf-8") == f"date 2024-01-02\n\n{KEPT}"
    gold = json.loads((out / "kept-2024-01-02.gold.json").read_text(encoding="utf-8"))
    assert gold["facts"][0]["evidence"] == KEPT[:40]


def test_an_article_kept_as_a_json_file_is_read_from_the_field_its_row_names(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    body = "Freedonia lifted its duty on Ruritanian bicycles on Friday.\n\nThe levy had stood at 8 percent."
    (repo / "data").mkdir()
    (repo / "data" / "one.json").write_text(json.dumps({"title": "A headline", "content_original": body}))
    (repo / "data" / "two.json").write_text(json.dumps({"title": "No text here"}))
    git = ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "data"], check=True)
    commit = subprocess.run([*git, "rev-parse", "HEAD"], capture_output=True, text=True, check=True).stdout.strip()
    labelled = tmp_path / "set"
    labelled.mkdir()
    digest = hashlib.sha256(body.encode()).hexdigest()
    head = "name\trepo\tcommit\tpath\trow\tsha256\toutlet\tdate\tdate_basis\tfold"
    row = f"one-2019-05-10\towner/data\t{commit}\tdata/one.json\tcontent_original\t{digest}\tone\t2019-05-10\tfield\tH"
    (labelled / "manifest.tsv").write_text(f"{head}\n{row}\n", encoding="utf-8")
    fact = {"kind": "lift", "imposer": "XF", "targets": ["XR"], "sector": None, "rate": None, "evidence_span": [0, 60]}
    (labelled / "labels-a.json").write_text(json.dumps({"one-2019-05-10": [fact]}), encoding="utf-8")
    out = tmp_path / "out"
    done = _build(str(labelled), str(out), "--mirror", f"owner/data={repo}")
    assert done.returncode == 0, done.stderr
    assert (out / "one-2019-05-10.txt").read_text(encoding="utf-8") == f"date 2019-05-10\n\n{body}"
    gold = json.loads((out / "one-2019-05-10.gold.json").read_text(encoding="utf-8"))
    assert gold["facts"][0]["evidence"] == body[:60]

    # A row naming a field the file does not have is named, and nothing is half-written.
    textless = row.replace("data/one.json", "data/two.json")
    (labelled / "manifest.tsv").write_text(f"{head}\n{textless}\n", encoding="utf-8")
    broken = _build(str(labelled), str(tmp_path / "out2"), "--mirror", f"owner/data={repo}")
    assert broken.returncode == 1
    assert "one-2019-05-10: its JSON file has no text field 'content_original'" in broken.stderr
    assert not any((tmp_path / "out2").glob("*"))
