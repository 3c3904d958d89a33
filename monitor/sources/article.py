"""An article ready to be recorded, made from a feed entry or from a text file."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from monitor.clock import parse_date
from monitor.errors import InputError
from monitor.sources.identity import article_id_for, entry_identity, fingerprint, normalise_text
from monitor.sources.parse import FeedEntry
from monitor.sources.text import body_text, tidy

_DATE_LINE = re.compile(r"^date\s+(\S+)\s*$")


@dataclass(frozen=True, kw_only=True)
class Article:
    """What is recorded of an article: who it is, where from, when, and its plain text."""

    article_id: str
    url: str | None
    title: str
    published: dt.datetime | None
    feed: str | None
    text: str

    @cached_property
    def fingerprint(self) -> str:
        """Hash of the normalised text (the title when there is no text, the id when neither).

        Worked out once per article (it is asked for at every step of recording)
        and carried with it when a worker process made the article.
        """
        words = normalise_text(self.text) or normalise_text(self.title)
        return fingerprint(words) if words else fingerprint("id " + self.article_id)

    def extraction_text(self) -> str:
        """What the extractor reads: the headline as the first paragraph, then the body."""
        if not self.title or self.text.startswith(self.title):
            return self.text
        return f"{self.title}\n\n{self.text}" if self.text else self.title


def entry_text(entry: FeedEntry) -> str:
    """The longest plain text among an entry's content blocks and summary."""
    texts = [body_text(media_type, value) for media_type, value in entry.bodies]
    return max(texts, key=len, default="")


def article_id_of_entry(entry: FeedEntry, feed: str) -> str:
    """The article id of a feed entry; an entry with neither id nor link is known by its text."""
    identity = entry_identity(entry_id=entry.entry_id, link=entry.link, feed=feed)
    if identity is None:
        identity = "text:" + fingerprint(entry_text(entry) or entry.title)
    return article_id_for(identity)


def article_from_entry(entry: FeedEntry, *, feed: str, text: str | None = None) -> Article:
    """The article of a feed entry; `text` replaces the entry's own (a full-text page)."""
    return Article(
        article_id=article_id_of_entry(entry, feed),
        url=entry.link,
        title=entry.title,
        published=entry.published,
        feed=feed,
        text=text if text is not None else entry_text(entry),
    )


def article_from_file(path: Path, *, published: dt.date | None) -> Article:
    """An article from a plain-text file; without `published`, a first line `date YYYY-MM-DD` gives it.

    The article id is the hash of the file's content, so ingesting the same
    file twice (under any name) records it once.
    """
    try:
        raw = path.read_bytes()
        content = raw.decode("utf-8")
    except OSError as exc:
        raise InputError(f"{path}: cannot be read: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text (byte {exc.start})") from exc
    lines = content.splitlines()
    first = _DATE_LINE.match(lines[0].strip()) if lines else None
    if first:
        lines = lines[1:]
        if published is None:
            published = parse_date(first.group(1), what=f"{path}: line 1 'date'")
    elif published is None:
        raise InputError(
            f"{path}: line 1: expected 'date YYYY-MM-DD'", hint="or give the date with --published YYYY-MM-DD"
        )
    text = tidy("\n".join(lines))
    if not text:
        raise InputError(f"{path}: no text after the date line")
    title = next((line.strip() for line in lines if line.strip()), "")[:200]
    return Article(
        article_id=article_id_for("file:" + hashlib.sha256(raw).hexdigest()),
        url=None,
        title=title,
        published=dt.datetime.combine(published, dt.time(), dt.UTC),
        feed=None,
        text=text,
    )
