"""Escaping for the Markdown that MkDocs turns into HTML. Input text is never markup of any kind."""

from __future__ import annotations

import html
import re
from typing import Any
from urllib.parse import quote, urlsplit

from markupsafe import Markup

# Python-Markdown's backslash escapes (plus `|`, which the tables extension adds): a backslash before
# any other character would be shown. Characters that only extensions give a meaning to (`:` for
# attribute and definition lists, `=`, `^`, `~` for pymdownx's mark, caret and tilde) become numeric
# character references instead, which every extension leaves alone and a browser shows as the character.
_MARKDOWN_SPECIAL = re.compile(r"[\\`*_{}\[\]()#+\-.!|:~=^]")
_REFERENCES = {":": "&#58;", "=": "&#61;", "^": "&#94;", "~": "&#126;"}
_NEWLINES = re.compile(r"\s*[\r\n]\s*")
"""Python-Markdown reads a lone CR as a line break too: a value must stay on its line, or indentation
after it would start a code block."""
_UNSHOWABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""Control characters (Python-Markdown itself deletes STX and ETX, its placeholder marks) and the
bidi embeddings, overrides and isolates that make text display differently from what it says."""


def escape_markdown(text: str) -> Markup:
    """Plain text that renders as exactly itself: no HTML, no links, no emphasis, one line."""
    flat = _UNSHOWABLE.sub("", _NEWLINES.sub(" ", text))
    escaped = _MARKDOWN_SPECIAL.sub(lambda m: _REFERENCES.get(m[0], "\\" + m[0]), html.escape(flat, quote=False))
    return Markup(escaped)


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
