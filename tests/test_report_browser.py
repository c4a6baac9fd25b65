"""The report in a real browser: headless Chromium opens each example's HTML, takes a desktop and a phone screenshot
and prints it to PDF. Checks: the screenshots are not blank (the PNG's pixels, decoded here with zlib, are not all
one colour and not nearly all white); the verdict and every line label are in the DOM Chromium built; the PDF is A4
and no longer than expected.

Skipped, with the reason, when Chromium is not installed (``.ci/run`` installs Debian's ``chromium``); set
``PACOST_REQUIRE_BROWSER=1`` to make its absence a failure instead. ``PACOST_REGENERATE=1`` also refreshes the
screenshots under docs/ that the README shows.
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import zlib
from datetime import date
from html import unescape
from pathlib import Path

import pytest

from pacost.engine.cost import cost_plan
from pacost.plan import load_plan
from pacost.rates import RateBook
from pacost.render.report import build_report
from pacost.render.report_html import render_report_html
from pacost.result import ASKED_FOR_LINES

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted([*ROOT.glob("examples/*.toml"), *ROOT.glob("examples/*.json")])
DOCS = ROOT / "docs"
REGENERATE = os.environ.get("PACOST_REGENERATE") == "1"

#: The most A4 pages each example's report may print to (measured: 5 each, Chromium 156, print zoom 0.72).
MAX_PAGES = 5
A4_POINTS = (595, 842)


def _chromium() -> str | None:
    for name in (os.environ.get("PACOST_CHROMIUM"), "chromium", "chromium-browser", "google-chrome"):
        if name and (found := shutil.which(name)):
            return found
    return None


CHROMIUM = _chromium()
if CHROMIUM is None:
    reason = "Chromium is not installed (`apt-get install chromium`; .ci/run installs it): browser test skipped"
    if os.environ.get("PACOST_REQUIRE_BROWSER") == "1":
        raise RuntimeError(reason.replace("skipped", "required by PACOST_REQUIRE_BROWSER=1"))
    pytestmark = pytest.mark.skip(reason=reason)


def _browser(tmp: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    assert CHROMIUM is not None
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        f"--user-data-dir={tmp / 'chromium-profile'}",
        *args,
    ]
    done = subprocess.run(command, capture_output=True, timeout=180, check=False)
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    return done


# ----------------------------------------------------------------------------------------------------------------
# A tiny PNG decoder (8-bit greyscale, RGB or RGBA, not interlaced: what Chromium writes)


def png_pixels(data: bytes) -> tuple[int, int, int, list[bytes]]:
    """(width, height, bytes per pixel, rows of raw pixel bytes)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat = 8, b""
    width = height = depth = colour = interlace = 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        body = data[pos + 8 : pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
    assert depth == 8 and interlace == 0 and colour in (0, 2, 6), (depth, colour, interlace)
    bpp = {0: 1, 2: 3, 6: 4}[colour]
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows: list[bytes] = []
    previous = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind = raw[start]
        line = bytearray(raw[start + 1 : start + 1 + stride])
        for i in range(stride):
            left = line[i - bpp] if i >= bpp else 0
            up = previous[i]
            corner = previous[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                predictor = left if pa <= pb and pa <= pc else up if pb <= pc else corner
                line[i] = (line[i] + predictor) & 0xFF
        rows.append(bytes(line))
        previous = line
    return width, height, bpp, rows


def _check_not_blank(png: Path) -> None:
    width, height, bpp, rows = png_pixels(png.read_bytes())
    assert width > 0 and height > 0
    colours: set[bytes] = set()
    ink = total = 0
    for row in rows[::4]:
        for x in range(0, width * bpp, bpp * 4):
            pixel = row[x : x + min(bpp, 3)]
            colours.add(pixel)
            total += 1
            ink += min(pixel) < 200
    assert len(colours) > 20, f"{png.name}: only {len(colours)} colours — the page looks blank"
    assert ink / total > 0.02, f"{png.name}: {ink / total:.1%} of the pixels are dark — the page looks blank"


# ----------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_report_renders_in_chromium(example: Path, tmp_path: Path, rates: RateBook) -> None:
    from datetime import date

    loaded = load_plan(example, rates=rates)
    result = cost_plan(loaded, rates)
    report = build_report(result, loaded.plan, rates, generated_on=date(2026, 11, 23))
    page = tmp_path / f"report-{example.stem}.html"
    page.write_text(render_report_html(report), encoding="utf-8")
    url = page.as_uri()

    desktop, phone = tmp_path / "desktop.png", tmp_path / "phone.png"
    _browser(tmp_path, "--window-size=800,1300", f"--screenshot={desktop}", url)
    _browser(tmp_path, "--window-size=390,1600", f"--screenshot={phone}", url)
    _check_not_blank(desktop)
    _check_not_blank(phone)

    dom = unescape(_browser(tmp_path, "--dump-dom", url).stdout.decode("utf-8"))
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", dom))
    assert report.verdict in text
    for line in result.lines:
        if line.amount or line.id not in ASKED_FOR_LINES:  # a line the plan did not ask for is left out
            assert line.label in text, line.label
    assert "Why the budget must cover this" in text

    pdf = tmp_path / "report.pdf"
    _browser(tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", url)
    data = pdf.read_bytes()
    pages = len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))
    assert 1 <= pages <= MAX_PAGES, f"{example.stem}: {pages} pages"
    for box in re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", data):
        assert (round(float(box[0])), round(float(box[1]))) == A4_POINTS, box

    if REGENERATE:
        DOCS.mkdir(exist_ok=True)
        shutil.copyfile(desktop, DOCS / f"report-{example.stem}.png")


#: Lays the report out in an iframe exactly ``WIDTH`` px wide (headless Chromium's own window is never narrower than
#: 500 px, and the iframe's media queries see its width), then writes what it measured into the DOM for --dump-dom:
#: the page's width against the frame's, every table scroll box wider inside than out, the chart labels whose boxes
#: overlap, and those that run past the chart's edge.
_MEASURE = """<!DOCTYPE html><html><body style="margin:0">
<iframe id="f" style="border:0;width:WIDTHpx;height:900px" srcdoc="REPORT"></iframe>
<script>
document.getElementById('f').addEventListener('load', () => {
  const doc = document.getElementById('f').contentDocument, win = doc.defaultView;
  const boxes = [...doc.querySelectorAll('svg text')].map(t => t.getBoundingClientRect());
  let overlaps = 0;
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const a = boxes[i], b = boxes[j];
    if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) overlaps++;
  }
  const svg = doc.querySelector('svg.chart').getBoundingClientRect();
  const cut = boxes.filter(b => b.left < svg.left - 1 || b.right > svg.right + 1).length;
  const scrolls = [...doc.querySelectorAll('.scroll')].filter(e => e.scrollWidth > e.clientWidth + 1)
    .map(e => (e.querySelector('table') || e).className);
  const out = {scroll: doc.documentElement.scrollWidth, width: win.innerWidth, scrolls, overlaps, cut};
  const pre = document.createElement('pre'); pre.id = 'measure'; pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
});
</script></body></html>"""


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.stem for p in EXAMPLES])
@pytest.mark.parametrize("width", [390, 1280])
def test_no_horizontal_scroll_and_no_overlapping_chart_labels(
    example: Path, width: int, tmp_path: Path, rates: RateBook
) -> None:
    """At a phone's width and a desktop's: the page is no wider than its frame, no table needs a scroll bar, and no
    chart label overlaps another or runs past the chart's edge."""
    import json
    from html import escape

    loaded = load_plan(example, rates=rates)
    report = build_report(cost_plan(loaded, rates), loaded.plan, rates, generated_on=date(2026, 12, 1))
    page = tmp_path / "page.html"
    wrapper = _MEASURE.replace("WIDTH", str(width)).replace("REPORT", escape(render_report_html(report), quote=True))
    page.write_text(wrapper, encoding="utf-8")
    dom = _browser(
        tmp_path,
        f"--window-size={max(width, 500) + 20},1000",
        "--virtual-time-budget=5000",
        "--dump-dom",
        page.as_uri(),
    ).stdout.decode("utf-8")
    found = re.search(r'<pre id="measure">(.*?)</pre>', dom)
    assert found is not None, "the page was not measured"
    measured = json.loads(unescape(found[1]))
    assert measured["width"] == width, measured
    assert measured["scroll"] <= measured["width"], measured
    assert measured["scrolls"] == [], f"tables that scroll sideways: {measured['scrolls']}"
    assert measured["overlaps"] == 0, measured
    assert measured["cut"] == 0, f"chart labels cut off at the chart's edge: {measured}"
