"""Rendering a digest with Jinja2: subject, plain text and mail-client HTML.

Templates are looked up first in the user's folder (`delivery.templates`),
then in ours, file by file (a `ChoiceLoader`), so a user can replace one
partial and keep the rest. Ours ship inside the package
(`monitor/digest/templates`, which in the source tree is the top-level
`templates/` folder), so they are found after any kind of install.
Autoescaping is on for every `.html` template: text from articles is never
markup, and the `clickable` filter lets only http, https and mailto links
into an href. The HTML's `<style>` block is inlined into style attributes with
css_inline, because most mail clients drop or mangle style sheets.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import css_inline
import jinja2

from monitor.digest.content import DigestContent
from monitor.errors import ConfigError
from monitor.measures.names import label_name

HTML_TEMPLATE = "digest.html.j2"
TEXT_TEMPLATE = "digest.txt.j2"
SUBJECT_TEMPLATE = "subject.txt.j2"

_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, kw_only=True)
class RenderedDigest:
    """A digest ready to be put into an email."""

    subject: str
    text: str
    html: str


def percent(value: float | None) -> str:
    """A rate as people write it: 25.0 -> '25%', 7.5 -> '7.5%', None -> '–'."""
    if value is None:
        return "–"
    return f"{value:.2f}".rstrip("0").rstrip(".") + "%"


def day(value: dt.date | None) -> str:
    """A date as '2 Apr 2025'."""
    if value is None:
        return "–"
    return f"{value.day} {value:%b %Y}"


def moment(value: dt.datetime | None) -> str:
    """A time as '2 Apr 2025, 14:05 CEST'."""
    if value is None:
        return "–"
    return f"{value.day} {value:%b %Y, %H:%M} {value.tzname() or ''}".rstrip()


@lru_cache(maxsize=512)
def country(code: str | None) -> str:
    """A party's code in words ('CN' -> 'China', '*' -> 'All countries', 'EU' -> 'European Union');
    codes it does not know are shown as they are."""
    if not code:
        return "–"
    return label_name(code)


#: The only schemes a digest makes clickable; anything else (javascript:, data:, file:, ...) is shown as text.
CLICKABLE_SCHEMES = frozenset({"http", "https", "mailto"})
# Browsers drop these anywhere in a URL before reading its scheme ("java\tscript:" is "javascript:").
_IGNORED_IN_URLS = re.compile(r"[\t\n\r]")


def clickable(url: str | None) -> str | None:
    """`url` when it is safe to put in an href (http, https or mailto), else None (show it as text).

    Escaping keeps a URL from breaking out of its attribute, but not from
    running: a `javascript:` or `data:` link in a feed item would run when
    clicked. So only the schemes a reader expects are linked, judged the way
    a browser reads them (surrounding spaces and control characters ignored,
    any case); a relative or scheme-less link is not linked either.
    """
    if not url:
        return None
    seen = _IGNORED_IN_URLS.sub("", url).strip(" \x00\x0b\x0c")
    scheme, colon, _ = seen.partition(":")
    if not colon or scheme.lower() not in CLICKABLE_SCHEMES:
        return None
    return url


def _loader(user_folder: Path | None) -> jinja2.BaseLoader:
    ours = jinja2.PackageLoader("monitor.digest", "templates")
    if user_folder is None:
        return ours
    return jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(user_folder)), ours])


@lru_cache(maxsize=8)
def environment(user_folder: Path | None = None) -> jinja2.Environment:
    """The Jinja2 environment over the user's templates (if any) and ours."""
    if user_folder is not None and not user_folder.is_dir():
        raise ConfigError(
            f"delivery.templates: {user_folder} is not a folder",
            hint="point it at a folder of templates, or leave it empty to use the shipped ones",
        )
    env = jinja2.Environment(
        loader=_loader(user_folder),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html", "html.j2"), default_for_string=False),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(percent=percent, day=day, moment=moment, country=country, clickable=clickable)
    return env


_INLINER = css_inline.CSSInliner(keep_style_tags=False, load_remote_stylesheets=False)


def render(content: DigestContent, *, templates: Path | None = None, unsubscribe: str | None = None) -> RenderedDigest:
    """Render the subject, text and HTML of a digest; a broken template is a ConfigError naming file and line."""
    env = environment(templates)
    context: dict[str, object] = {"content": content, "unsubscribe": unsubscribe or None}
    try:
        subject = _SPACE.sub(" ", env.get_template(SUBJECT_TEMPLATE).render(context)).strip()
        context["subject"] = subject
        text = env.get_template(TEXT_TEMPLATE).render(context)
        html = env.get_template(HTML_TEMPLATE).render(context)
    except jinja2.TemplateSyntaxError as exc:
        raise ConfigError(
            f"template {exc.filename or exc.name}, line {exc.lineno}: {exc.message}",
            hint="fix the template in delivery.templates, or remove it to use the shipped one",
        ) from exc
    except jinja2.TemplateError as exc:
        raise ConfigError(
            f"template error while rendering digest {content.subscription!r}: {exc}",
            hint="check the templates in delivery.templates against the shipped ones",
        ) from exc
    try:
        inlined = _INLINER.inline(html)
    except css_inline.InlineError as exc:
        raise ConfigError(f"the digest's HTML style sheet cannot be inlined: {exc}") from exc
    return RenderedDigest(subject=subject, text=text, html=inlined)
