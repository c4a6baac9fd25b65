"""The package's templates (``pacost/templates/``): the report (HTML and Markdown) and the letter to the council,
rendered with Jinja2. HTML templates are autoescaped; the Markdown ones escape each value from a plan with ``|md``
(links with ``|link``, file names with ``|code``); every value is shown as written, control characters spelled
out. Jinja2 is imported only when a template is first rendered."""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING, Any

from pacost.money import money_str, pounds
from pacost.safe_text import markdown_code, markdown_link, markdown_text, shown

if TYPE_CHECKING:
    from jinja2 import Environment


def _two_places(value: Decimal) -> str:
    return f"{value:.2f}"


@cache
def environment() -> Environment:
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
    from markupsafe import Markup

    from pacost.render.report import rate_value

    def finalize(value: object) -> object:
        """Every value as written, control characters spelled out (markup made in code is left as it is)."""
        return shown(value) if isinstance(value, str) and not isinstance(value, Markup) else value

    env = Environment(
        loader=PackageLoader("pacost", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html.j2",), default_for_string=True, default=False),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=finalize,
    )
    env.filters.update(
        md=markdown_text,
        shown=shown,
        code=markdown_code,
        pounds=pounds,
        two=_two_places,
        link=markdown_link,
        rate_value=rate_value,
        money=money_str,
    )
    return env


def render(name: str, **values: Any) -> str:
    """The template ``name`` filled with ``values``."""
    return environment().get_template(name).render(**values)
