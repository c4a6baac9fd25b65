"""Every view pacost prints, behind one dispatch: what a command shows (a costed plan, the rates, a report) in the
format asked for. No renderer computes a cost; each only formats what it is given.

- ``json_out``, ``csv_out``, ``markdown`` and ``human`` (Rich, for the terminal): a ``CostResult``;
- ``rates_view``: ``pacost rates``' overview and one year's figures;
- ``compare_view``: ``pacost compare``'s and ``pacost sweep``'s columns side by side;
- ``report``, ``report_html`` and ``report_md``: the advocacy report; ``letter`` (from templates): its covering
  letter to the council;
- ``words``: the sentences several views share.

``render_text`` gives any view as text (the Rich ones laid out without colour at a fixed width, for a file);
``renderable`` gives a Rich view to print on the terminal in colour. Renderers are imported when first asked for,
so that a command loads only the one it uses.
"""

from __future__ import annotations

import importlib
import io
from enum import StrEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import RenderableType


class Format(StrEnum):
    human = "human"
    json = "json"
    csv = "csv"
    markdown = "markdown"
    html = "html"


#: For each kind of thing shown and each format, the function that renders it ("module:function"). A function
#: for ``human`` returns a Rich renderable; every other one returns text. ``detail`` is passed where it is taken.
RENDERERS: dict[str, dict[Format, str]] = {
    "CostResult": {
        Format.human: "human:cost_human",
        Format.json: "json_out:render_json",
        Format.csv: "csv_out:render_csv",
        Format.markdown: "markdown:render_markdown",
    },
    "RatesOverview": {
        Format.human: "rates_view:overview_human",
        Format.json: "rates_view:overview_json",
        Format.csv: "rates_view:overview_csv",
        Format.markdown: "rates_view:overview_markdown",
    },
    "RatesYear": {
        Format.human: "rates_view:year_human",
        Format.json: "rates_view:year_json",
        Format.csv: "rates_view:year_csv",
        Format.markdown: "rates_view:year_markdown",
    },
    "Comparison": {
        Format.human: "compare_view:compare_human",
        Format.json: "compare_view:compare_json",
        Format.csv: "compare_view:compare_csv",
        Format.markdown: "compare_view:compare_markdown",
    },
    "Sweep": {
        Format.human: "compare_view:sweep_human",
        Format.json: "compare_view:sweep_json",
        Format.csv: "compare_view:sweep_csv",
        Format.markdown: "compare_view:sweep_markdown",
    },
    "Report": {
        Format.html: "report_html:render_report_html",
        Format.markdown: "report_md:render_report_markdown",
    },
    "Letter": {
        Format.html: "letter:render_letter_html",
        Format.markdown: "letter:render_letter_markdown",
    },
}
TAKES_DETAIL = {"human:cost_human", "json_out:render_json"}
#: The width the Rich views are laid out at when written to a file.
FILE_WIDTH = 100


def formats_for(kind: str) -> list[Format]:
    """The formats ``kind`` (a class name, such as ``"CostResult"``) can be shown in."""
    return list(RENDERERS[kind])


def _renderer(subject: object, fmt: Format) -> tuple[Any, bool]:
    kind = type(subject).__name__
    name = RENDERERS.get(kind, {}).get(fmt)
    if name is None:
        known = ", ".join(formats_for(kind)) if kind in RENDERERS else "none"
        raise ValueError(f"{kind} cannot be shown as {fmt} (it can be: {known})")
    module, function = name.split(":")
    return getattr(importlib.import_module(f"pacost.render.{module}"), function), name in TAKES_DETAIL


def renderable(subject: object, fmt: Format = Format.human, *, detail: bool = False) -> RenderableType:
    """A Rich view of ``subject``, to print on a terminal."""
    function, takes_detail = _renderer(subject, fmt)
    view: RenderableType = function(subject, detail=detail) if takes_detail else function(subject)
    return view


def render_text(subject: object, fmt: Format, *, detail: bool = False) -> str:
    """``subject`` in ``fmt``, as text; a Rich view is laid out plainly, ``FILE_WIDTH`` columns wide."""
    function, takes_detail = _renderer(subject, fmt)
    view = function(subject, detail=detail) if takes_detail else function(subject)
    if isinstance(view, str):
        return view
    from rich.console import Console

    buffer = io.StringIO()
    Console(file=buffer, width=FILE_WIDTH, color_system=None, highlight=False, soft_wrap=False).print(view)
    return buffer.getvalue()
