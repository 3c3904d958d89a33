"""Who an article is: a stable id from its entry id or canonical link, and a fingerprint of its text.

The id decides the article's stream (`article-<id>`), so re-polling a feed
finds the same stream; the fingerprint is a hash of the normalised text, so the
same story syndicated under different links by several feeds is recognised as
one article seen by several feeds.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

#: Query parameters that say how a reader arrived, not what they read.
TRACKING_PARAMS = frozenset(
    {
        "fbclid",
        "gclid",
        "gclsrc",
        "dclid",
        "msclkid",
        "yclid",
        "igshid",
        "mc_cid",
        "mc_eid",
        "_hsenc",
        "_hsmi",
        "mkt_tok",
        "cmpid",
        "ocid",
        "smid",
        "ref_src",
        "taid",
        "s_cid",
        "wt.mc_id",
    }
)
_TRACKING_PREFIXES = ("utm_", "__twitter", "_ga")
_WORDS = re.compile(r"[^\w]+", re.UNICODE)
_ID_LENGTH = 24


def canonical_url(url: str) -> str:
    """The link without tracking parameters or fragment, host lower-cased, remaining parameters sorted."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port
    if port and not ((scheme == "http" and port == 80) or (scheme == "https" and port == 443)):
        host = f"{host}:{port}"
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if k.lower() not in TRACKING_PARAMS and not k.lower().startswith(_TRACKING_PREFIXES)
    ]
    path = parts.path or "/"
    return urlunsplit((scheme, host, path, urlencode(sorted(query)), ""))


def _is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


def entry_identity(*, entry_id: str | None, link: str | None, feed: str) -> str | None:
    """The string an entry is known by: its id if globally unique, else its canonical link.

    A URL id is canonicalised like a link; a `tag:`/`urn:` id is used as it is;
    a bare id ("1234") is only unique within its feed, so the link is preferred
    and, without one, the id is scoped by the feed's name.
    """
    if entry_id:
        if _is_url(entry_id):
            return "url:" + canonical_url(entry_id)
        if ":" in entry_id:
            return "id:" + entry_id
    if link and _is_url(link):
        return "url:" + canonical_url(link)
    if entry_id:
        return f"feed:{feed}:{entry_id}"
    return None


def article_id_for(identity: str) -> str:
    """The article id (stream `article-<id>`) of an identity string."""
    return hashlib.sha256(identity.encode("utf-8")).hexdigest()[:_ID_LENGTH]


def normalise_text(text: str) -> str:
    """Text reduced to its words: Unicode-normalised, case-folded, punctuation and spacing gone."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(_WORDS.sub(" ", folded).split())


def fingerprint(text: str) -> str:
    """Hash of the normalised text: equal for the same story however it was formatted."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()
