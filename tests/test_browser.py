"""The digest page and the email's HTML part in a real browser (headless Chromium).

At 390 px (a phone) and 1,000 px (a desktop window): nothing scrolls sideways, every story
title is on screen, and every "What's new" link lands on its story. Screenshots are kept
under out/test-artifacts/ for a person to look at. Skips only when Chromium is absent
outside CI (``.ci/run`` installs it).
"""

from __future__ import annotations

import email
import os
import re
from email import policy
from pathlib import Path

import pytest

from extractors.render import digest_view, render_html
from tests.browser import chromium, measure, screenshot
from tests.digests import rich_digest
from tests.test_mail import message

ARTIFACTS = Path(__file__).resolve().parent.parent / "out" / "test-artifacts"

if chromium() is None:
    if os.environ.get("CI"):
        raise RuntimeError("CI needs chromium for tests/test_browser.py (see .ci/run)")
    pytest.skip("chromium is not installed (apt-get install chromium)", allow_module_level=True)


def pages() -> dict[str, str]:
    msg = email.message_from_bytes(message().as_bytes(), policy=policy.default)
    return {
        "digest": render_html(rich_digest()),
        "email": msg.get_body(("html",)).get_content(),
    }


PAGES = pages()


@pytest.mark.parametrize("width", [390, 1000])
@pytest.mark.parametrize("name", ["digest", "email"])
def test_readable_without_sideways_scroll_and_links_land(name, width):
    html = PAGES[name]
    m = measure(html, width)
    assert m["innerWidth"] == width
    assert m["scrollWidth"] <= m["innerWidth"], f"{name} scrolls sideways: {m['wide']}"
    v = digest_view(rich_digest())
    titles = [s["title"] for sec in v["sections"] for s in sec["stories"]]
    titles += [s["title"] for s in v["reactions"]]
    seen = {t["text"]: t for t in m["titles"]}
    for title in titles:
        assert title in seen, f"{name}: story {title!r} has no title element"
        assert seen[title]["visible"], f"{name}: {title!r} is off screen: {seen[title]}"
    wanted = {s["title"] for s in v["whats_new"]}
    links = [a for a in m["anchors"] if a["text"] in wanted]
    assert {a["text"] for a in links} == wanted
    for a in links:
        assert a["found"] and a["target"].startswith(a["text"]), a  # lands on the story
    shot = screenshot(html, width, ARTIFACTS / f"{name}-{width}.png")
    assert shot.stat().st_size > 10_000


def _luma(css: str) -> float:
    r, g, b = (int(x) for x in re.findall(r"\d+", css)[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


@pytest.mark.parametrize("name", ["digest", "email"])
def test_dark_mode_is_dark_with_light_text(name):
    light, dark = measure(PAGES[name], 390), measure(PAGES[name], 390, dark=True)
    assert _luma(light["background"]) > 200 and _luma(light["color"]) < 80
    assert _luma(dark["background"]) < 60 and _luma(dark["color"]) > 200
