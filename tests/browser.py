"""Headless Chromium (Debian's ``chromium``) for the rendering tests and the screenshot script.

No driver library: ``chromium --headless --dump-dom`` loads a copy of the page with a small
measuring script appended, which writes its findings into the DOM as JSON; the test reads
them back from the dumped DOM. ``--screenshot`` writes a PNG of the same page.

Headless Chromium will not make a window narrower than 500 px, so the page is shown in an
``<iframe srcdoc>`` exactly ``width`` px wide (its viewport: media queries, ``innerWidth``
and ``scrollWidth`` are the frame's), on a grey backdrop.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--no-first-run",
    "--hide-scrollbars",
    "--mute-audio",
)

MEASURE = r"""
<script>
window.addEventListener('load', function () {
  var W = window.innerWidth, out = {innerWidth: W,
    scrollWidth: document.documentElement.scrollWidth,
    bodyScrollWidth: document.body.scrollWidth,
    scrollHeight: document.documentElement.scrollHeight, titles: [], anchors: [], wide: [],
    background: getComputedStyle(document.body).backgroundColor,
    color: getComputedStyle(document.querySelector('h1') || document.body).color};
  document.querySelectorAll('[data-story-title], h3[id^="story-"], article.story > h3')
    .forEach(function (el) {
      var r = el.getBoundingClientRect(), cs = getComputedStyle(el);
      out.titles.push({text: el.textContent.trim(), left: r.left, right: r.right,
        width: r.width, height: r.height,
        visible: cs.visibility !== 'hidden' && cs.display !== 'none' && r.width > 0 &&
                 r.height > 0 && r.left >= 0 && r.right <= W + 0.5});
    });
  document.querySelectorAll('a[href^="#"]').forEach(function (a) {
    var id = decodeURIComponent(a.getAttribute('href').slice(1)),
        t = document.getElementById(id);
    out.anchors.push({href: id, text: a.textContent.trim(), found: !!t,
      target: t ? t.textContent.trim().slice(0, 200) : null});
  });
  document.querySelectorAll('body *').forEach(function (el) {
    var r = el.getBoundingClientRect();
    if (r.right > W + 0.5 && out.wide.length < 10)
      out.wide.push(el.tagName + '.' + el.className + ' ' + Math.round(r.right));
  });
  var host = (window.parent && window.parent !== window) ? window.parent.document : document;
  var pre = host.createElement('pre');
  pre.id = 'briefing-measure';
  pre.textContent = JSON.stringify(out);
  host.body.appendChild(pre);
});
</script>
"""


def chromium() -> str | None:
    """The Chromium executable, or None when it is not installed."""
    for name in (os.environ.get("CHROMIUM"), "chromium", "chromium-browser", "google-chrome"):
        if name and (path := shutil.which(name)):
            return path
    return None


def _run(args: list[str], timeout: float, flags: tuple[str, ...] = ()) -> str:
    exe = chromium()
    if exe is None:
        raise RuntimeError("chromium is not installed (apt-get install chromium)")
    with tempfile.TemporaryDirectory(prefix="briefing-chromium-") as profile:
        proc = subprocess.run(
            [exe, *FLAGS, *flags, f"--user-data-dir={profile}", *args],
            capture_output=True,
            text=True,
            timeout=timeout,
            env={**os.environ, "HOME": profile},
        )
    if proc.returncode != 0:
        raise RuntimeError(f"chromium exited {proc.returncode}: {proc.stderr[-800:]}")
    return proc.stdout


def framed(html: str, width: int, height: int) -> str:
    """``html`` in an iframe ``width`` x ``height`` CSS px, on a grey page."""
    import html as html_lib

    pad = 24
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><style>html,body{margin:0;'
        f"background:#9ca3af}}iframe{{display:block;border:0;margin:0 {pad}px;"
        f"width:{width}px;height:{height}px;background:#fff}}</style></head><body>"
        f'<iframe scrolling="no" srcdoc="{html_lib.escape(html, quote=True)}"></iframe>'
        "</body></html>"
    )


def window_width(width: int) -> int:
    return max(width + 48, 500)


DARK = ("--force-dark-mode", "--blink-settings=preferredColorScheme=0")
"""Flags that make ``prefers-color-scheme: dark`` true."""


def measure(
    html: str, width: int, *, height: int = 900, timeout: float = 120, dark: bool = False
) -> dict:
    """Load ``html`` in a ``width`` px viewport; return what the measuring script found."""
    page = re.sub(r"</body>", MEASURE + "</body>", html, count=1, flags=re.I)
    with tempfile.TemporaryDirectory(prefix="briefing-page-") as tmp:
        path = Path(tmp) / "page.html"
        path.write_text(framed(page, width, height), encoding="utf-8")
        dom = _run(
            [f"--window-size={window_width(width)},{height}", "--dump-dom", path.as_uri()],
            timeout,
            DARK if dark else (),
        )
    m = re.search(r'<pre id="briefing-measure">(.*?)</pre>', dom, re.S)
    if not m:
        raise RuntimeError("the measuring script wrote nothing (page did not load?)")
    import html as html_lib

    return json.loads(html_lib.unescape(m.group(1)))


def screenshot(
    html: str, width: int, png: Path, *, timeout: float = 120, max_height: int = 16000
) -> Path:
    """A PNG of ``html`` at ``width`` CSS px: the whole page, or its top ``max_height`` px."""
    height = min(max(int(measure(html, width, timeout=timeout)["scrollHeight"]), 400), max_height)
    png.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="briefing-page-") as tmp:
        path = Path(tmp) / "page.html"
        path.write_text(framed(html, width, height), encoding="utf-8")
        _run(
            [
                f"--window-size={window_width(width)},{height}",
                f"--screenshot={png.resolve()}",
                path.as_uri(),
            ],
            timeout,
        )
    return png
