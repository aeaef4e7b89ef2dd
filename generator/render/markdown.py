"""Escaping for the Markdown that MkDocs turns into HTML. Input text is never markup of any kind."""

from __future__ import annotations

import html
import re
from typing import Any
from urllib.parse import quote, urlsplit

from markupsafe import Markup

# Python-Markdown's backslash escapes, plus `|` (tables) and `:` (attribute lists, definition lists).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|:~=^])")
_NEWLINES = re.compile(r"\s*\n\s*")


def escape_markdown(text: str) -> Markup:
    """Plain text that renders as exactly itself: no HTML, no links, no emphasis, one line."""
    flat = _NEWLINES.sub(" ", text)
    return Markup(_MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(flat, quote=True)))


def finalize(value: Any) -> Any:
    """Jinja's last step for every `{{ … }}`: escape unless the template made it Markup itself."""
    if value is None:
        return ""
    if isinstance(value, Markup):
        return value
    return escape_markdown(str(value))


def safe_url(url: str | None) -> Markup:
    """An http(s) address made safe for an href, or "" for anything else (javascript:, data:, …)."""
    if not url:
        return Markup("")
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in {"http", "https"} or not parts.netloc:
        return Markup("")
    cleaned = quote(url.strip(), safe=":/?#[]@!$&'()*+,;=%~-._")
    return Markup(html.escape(cleaned, quote=True))
