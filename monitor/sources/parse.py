"""Reading fetched feed bytes with feedparser: RSS 0.9x/1.0/2.0 and Atom, refusing what is not a feed.

feedparser is handed the bytes (never a URL: it would fetch it itself) with its
HTML sanitiser and relative-URI rewriting turned off: we only keep plain text,
which `monitor/sources/text.py` makes from the raw HTML, and the sanitiser is
half of feedparser's time on a typical feed.
"""

from __future__ import annotations

import calendar
import codecs
import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import feedparser

from monitor.errors import FeedError

_DOCTYPE_BYTES = re.compile(rb"<!DOCTYPE", re.IGNORECASE)
_ENTITY_BYTES = re.compile(rb"<!ENTITY", re.IGNORECASE)
_DOCTYPE = re.compile(r"<!DOCTYPE", re.IGNORECASE)
_ENTITY = re.compile(r"<!ENTITY", re.IGNORECASE)
_DECLARED = re.compile(rb"""^(?:\xef\xbb\xbf)?<\?xml[^>]*?encoding=["']([A-Za-z0-9._-]{1,40})["']""")
_CHARSET = re.compile(r"charset=[\"']?([A-Za-z0-9._-]{1,40})", re.IGNORECASE)
_ASCII_LIKE = frozenset({"utf-8", "utf-8-sig", "ascii", "latin-1", "iso8859-1", "cp1252", "iso8859-15"})
#: Byte-order marks, longest first (UTF-32's little-endian mark begins with UTF-16's).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
    (codecs.BOM_UTF8, "utf-8-sig"),
)
_HTML_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html)", re.I | re.S)
_ALTERNATE = re.compile(rb"<link[^>]+type=[\"']application/(?:rss|atom)\+xml[\"'][^>]*>", re.IGNORECASE)
_HREF = re.compile(rb"href=[\"']([^\"']+)[\"']", re.IGNORECASE)


@dataclass(frozen=True, kw_only=True)
class FeedEntry:
    """One item of a feed, as read: raw HTML where the feed gave HTML."""

    entry_id: str | None
    link: str | None
    title: str
    #: (media type, value) of each content block, then the summary.
    bodies: tuple[tuple[str, str], ...]
    published: dt.datetime | None


@dataclass(frozen=True, kw_only=True)
class ParsedFeed:
    """A feed's entries, its format, and feedparser's complaint if the XML was malformed."""

    version: str
    title: str
    entries: tuple[FeedEntry, ...]
    warning: str | None


def refuse_entities(name: str, body: bytes, *, content_type: str = "") -> None:
    """Refuse a document that declares entities in a DOCTYPE (the "billion laughs" bomb and kin).

    feedparser drops most entity declarations and expat limits amplification,
    but its fallback parser is lenient; real feeds declare no entities. So a
    document with both a DOCTYPE and an entity declaration anywhere in it is
    refused before parsing, in every encoding a parser could read it in
    (a BOM, the XML declaration, the Content-Type's charset, UTF-16/32 without
    a BOM). Looking at the whole document rather than "the prolog" means no
    comment or processing instruction can end the part that is looked at early.
    """
    # Every ASCII-compatible encoding spells "<!DOCTYPE" and "<!ENTITY" in the same bytes.
    declares = bool(_DOCTYPE_BYTES.search(body) and _ENTITY_BYTES.search(body))
    if declares or any(_DOCTYPE.search(text) and _ENTITY.search(text) for text in _readings(body, content_type)):
        raise FeedError(
            name,
            "the feed declares XML entities in its DOCTYPE; refused (an entity bomb?)",
            hint="real RSS and Atom feeds declare none",
        )


def _readings(body: bytes, content_type: str) -> Iterator[str]:
    """The body as text in each encoding an XML parser might choose for it, but the ASCII-compatible ones."""
    head = body[:4]
    candidates = [codec for bom, codec in _BOMS if head.startswith(bom)]
    if len(head) >= 4 and 0 in head:
        # No BOM but zero bytes between the first characters: UTF-16 or UTF-32, from where the zeros are.
        candidates += ["utf-32-le", "utf-32-be", "utf-16-le", "utf-16-be"]
    declared = _DECLARED.search(body[:200])
    if declared:
        candidates.append(declared.group(1).decode("ascii"))
    charset = _CHARSET.search(content_type)
    if charset:
        candidates.append(charset.group(1))
    for codec in dict.fromkeys(candidates):
        try:
            if codecs.lookup(codec).name in _ASCII_LIKE:
                continue  # the bytes were searched already
            yield body.decode(codec, errors="replace")
        except (LookupError, ValueError):
            continue  # an encoding Python does not know, no parser reads it either


def parse_feed(name: str, body: bytes, *, content_type: str = "") -> ParsedFeed:
    """Parse feed bytes; an HTML page or a body with no entries and broken XML is a FeedError."""
    refuse_entities(name, body, content_type=content_type)
    if _HTML_START.match(body):
        raise _html_page(name, body)
    headers = {"content-type": content_type} if content_type else {}
    parsed: Any = feedparser.parse(body, response_headers=headers, sanitize_html=False, resolve_relative_uris=False)
    warning = None
    if parsed.get("bozo"):
        exc = parsed.get("bozo_exception")
        warning = f"{type(exc).__name__}: {exc}" if exc is not None else "malformed feed"
    entries = tuple(_entry(e) for e in parsed.entries)
    version = parsed.get("version") or ""
    if not entries:
        # Some servers label real feeds text/html, so the header alone decides nothing.
        if "html" in content_type.lower() and not version:
            raise _html_page(name, body)
        if warning:
            raise FeedError(name, f"not a readable feed ({warning})")
        if not version:
            raise FeedError(name, "not an RSS or Atom feed (no channel, no entries)")
    return ParsedFeed(version=version, title=parsed.feed.get("title", ""), entries=entries, warning=warning)


def _html_page(name: str, body: bytes) -> FeedError:
    return FeedError(name, "the URL returned an HTML page, not an RSS or Atom feed", hint=_alternate_hint(body))


def _alternate_hint(body: bytes) -> str:
    link = _ALTERNATE.search(body[:200_000])
    if link:
        href = _HREF.search(link.group(0))
        if href:
            return f"the page links its feed at {href.group(1).decode('utf-8', 'replace')}; use that URL"
    return "check the URL: it should point at the RSS or Atom feed itself"


def _entry(raw: Any) -> FeedEntry:
    bodies: list[tuple[str, str]] = []
    for block in raw.get("content", ()) or ():
        value = block.get("value") or ""
        if value.strip():
            bodies.append((block.get("type") or "text/html", value))
    summary = raw.get("summary") or ""
    if summary.strip():
        detail = raw.get("summary_detail") or {}
        bodies.append((detail.get("type") or "text/html", summary))
    return FeedEntry(
        entry_id=(raw.get("id") or "").strip() or None,
        link=(raw.get("link") or "").strip() or None,
        title=(raw.get("title") or "").strip(),
        bodies=tuple(bodies),
        published=_when(raw.get("published_parsed") or raw.get("updated_parsed")),
    )


def _when(value: Sequence[int] | None) -> dt.datetime | None:
    # feedparser normalises every date it understands to a UTC struct_time.
    if not value:
        return None
    try:
        return dt.datetime.fromtimestamp(calendar.timegm(tuple(value)), dt.UTC)
    except (OverflowError, ValueError, TypeError):
        return None
