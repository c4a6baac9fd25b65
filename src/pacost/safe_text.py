"""Text from a plan made inert wherever pacost writes it: names, places and notes are a person's own words, and
may hold anything — a terminal escape sequence, a spreadsheet formula, a Markdown image or an HTML tag.

- ``shown``: control characters (C0 but tab, DEL, C1 — an escape sequence starts with one) written out as ``\\x1b``,
  so that a terminal, a spreadsheet or a mail client shows them and never acts on them. Every other safe form
  starts from it.
- ``csv_cell``: that, and a cell a spreadsheet would run as a formula (it starts with ``=``, ``+``, ``-``, ``@``,
  a tab or a carriage return, even after spaces or quotes) given a leading ``'`` (OWASP's advice on CSV injection).
- ``markdown_text``: that, and every character that Markdown or the HTML inside it reads as markup escaped with
  a backslash, so no name becomes a tag, a link, an image or a table cell (``markdown_code``: as a code span;
  ``markdown_link``: a link only to an ``https://`` address, percent-encoded so that it cannot end early);
- ``json_text``: JSON as pacost writes it (UTF-8, not ASCII-escaped), with DEL and the C1 controls escaped as
  ``\\u009b`` as well (JSON escapes the C0 ones itself): the same data, safe to show on a terminal.

HTML is escaped where the report is written (``pacost.render.report_html``). Nothing else lives here.
"""

from __future__ import annotations

import re

#: C0 controls but tab, DEL and C1 controls.
_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f]")
_NOT_ESCAPED_BY_JSON = re.compile("[\x7f-\x9f]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
#: What Markdown (CommonMark and GitHub's tables) or HTML reads as markup; a backslash before any of them is shown
#: as the character itself. ``(``, ``)`` and ``!`` stay as they are, easier to read: with ``[`` and ``]`` escaped
#: they can make neither a link nor an image.
_MARKDOWN = re.compile(r"([\\`*_\[\]<>&|~])")


def _escaped(match: re.Match[str]) -> str:
    return f"\\x{ord(match.group()):02x}"


def shown(text: str) -> str:
    """``text`` with each control character written out (``\\x1b``), the rest as it is."""
    return text if text.isprintable() else _CONTROL.sub(_escaped, text)  # (the test is quick; most text passes)


def csv_cell(text: str) -> str:
    """A text cell for a CSV file: control characters written out, and a formula neutralised with a leading ``'``."""
    text = shown(text)
    if text.startswith(_FORMULA_START) or text.lstrip(" \"'").startswith(_FORMULA_START):
        return "'" + text
    return text


def markdown_text(text: str) -> str:
    """Text for a Markdown page or table cell, shown exactly as written and never as markup."""
    return _MARKDOWN.sub(r"\\\1", shown(text))


def markdown_code(text: str) -> str:
    """Text as a Markdown code span (a file name, say); escaped text instead when it holds a backtick."""
    text = shown(text)
    return markdown_text(text) if "`" in text else f"`{text}`"


def markdown_link(title: str, url: str) -> str:
    """A Markdown link to ``url`` when it is an ``https://`` address; else the title and the address as text."""
    from urllib.parse import quote  # only Markdown with links needs it

    if not url.startswith("https://"):
        return markdown_text(f"{title} ({url})")
    return f"[{markdown_text(title)}]({quote(url, safe=_URL_SAFE)})"


#: What an address keeps as it is in a Markdown link; every other character is percent-encoded (a space, a
#: bracket, a quote, a control character), so that the link cannot end early or carry markup.
_URL_SAFE = ":/?#@!$&'*+,;=%-._~"


def json_text(data: object, *, indent: int | None = None, separators: tuple[str, str] | None = None) -> str:
    """``data`` as JSON text: characters as they are, but every control character escaped."""
    import json  # (loaded already by the plan reader, but not by every command)

    text = json.dumps(data, indent=indent, separators=separators, ensure_ascii=False)
    return _NOT_ESCAPED_BY_JSON.sub(lambda match: f"\\u{ord(match.group()):04x}", text)
