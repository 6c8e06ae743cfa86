"""The built site in a real browser: Debian's Chromium (/usr/bin/chromium), headless, driven by
Playwright.  No browser is downloaded: Playwright only talks to the system one.

The site is built once into a temporary directory and served from 127.0.0.1 on a free port by a
server thread that stops with the module (a secure context, so the clipboard API is there).  Every
test watches the console, uncaught errors and failed requests, and fails on any of them.
"""

from __future__ import annotations

import functools
import json
import os
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

DOCS = Path(__file__).resolve().parent.parent / "docs"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]

pytestmark = pytest.mark.slow


def _unavailable(message: str) -> None:
    if os.environ.get("FACTCHECK_REQUIRE_ALL") == "1":
        pytest.fail(f"FACTCHECK_REQUIRE_ALL=1 but {message}")
    pytest.skip(message)


@pytest.fixture(scope="module")
def playwright_api():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright (Python) is not installed: `make venv` installs it")
    if not os.access(CHROMIUM, os.X_OK):
        _unavailable(f"{CHROMIUM} is missing: `bash .ci/install-system-packages` installs "
                     "Debian's chromium")
    with sync_playwright() as api:
        yield api


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def site(site_app: SphinxTestApp) -> Iterator[tuple[str, SphinxTestApp]]:
    app = site_app
    handler = functools.partial(_Quiet, directory=str(app.outdir))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", app
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def browser(playwright_api):
    browser = playwright_api.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture
def page(browser, site):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    tab = context.new_page()
    problems: list[str] = []
    tab.on("console", lambda m: problems.append(f"console {m.type}: {m.text}")
           if m.type in ("error", "warning") else None)
    tab.on("pageerror", lambda e: problems.append(f"uncaught: {e}"))
    # ERR_ABORTED: a request cut short because the test moved on to the next page.
    tab.on("requestfailed", lambda r: problems.append(f"failed: {r.url} ({r.failure})")
           if r.failure != "net::ERR_ABORTED" else None)
    tab.on("response", lambda r: problems.append(f"HTTP {r.status}: {r.url}")
           if r.status >= 400 else None)
    tab.problems = problems
    yield tab
    context.close()
    assert problems == [], "the browser reported problems:\n" + "\n".join(problems)


def test_no_page_logs_an_error(page, site) -> None:
    base, app = site
    for docname in sorted(app.env.found_docs) + ["genindex", "search"]:
        page.goto(f"{base}{docname}.html", wait_until="load")
    # The `page` fixture fails the test on any console error, uncaught error or failed request.


def test_meta_tags_are_in_the_head(page, site) -> None:
    base, app = site
    page.goto(f"{base}bases.html")

    def meta(name: str) -> list[str]:
        return page.eval_on_selector_all(
            f'head meta[name="{name}"], head meta[property="{name}"]',
            "els => els.map(e => e.content)")

    assert meta("citation_title") == ["The Soviet bases"]
    assert meta("citation_author") == ["Wikipedia contributors"]
    assert meta("og:type") == ["website"]
    assert meta("citation_public_url") == [f"{app.config.html_baseurl}bases.html"]
    assert page.locator("head meta[name=viewport]").count() == 1
    canonical = page.eval_on_selector('head link[rel="canonical"]', "e => e.href")
    assert canonical == f"{app.config.html_baseurl}bases.html"
    data = json.loads(page.eval_on_selector('head script[type="application/ld+json"]',
                                            "e => e.textContent"))
    assert data["@type"] == "Article" and data["headline"] == "The Soviet bases"


def test_copy_bibtex_from_the_keyboard(page, site) -> None:
    from pybtex.database import parse_string

    base, app = site
    page.goto(f"{base}treaty.html")
    # Reach "Copy BibTeX" with the keyboard: from "Copy RIS", one Shift+Tab back.
    page.get_by_role("button", name="Copy RIS").focus()
    page.keyboard.press("Shift+Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == "Copy BibTeX"
    page.keyboard.press("Enter")
    status = page.locator("#cite-this-page .cite-status")
    status.filter(has_text="copied").wait_for()
    assert status.text_content() == "BibTeX copied to the clipboard."
    copied = page.evaluate("navigator.clipboard.readText()")
    (entry,) = parse_string(copied, "bibtex").entries.values()
    assert entry.type == "online"
    assert entry.fields["title"] == "The treaty"
    assert entry.fields["url"] == f"{app.config.html_baseurl}treaty.html"
    # The access date is the reader's today, filled in by the page.
    today = page.evaluate("(() => { const d = new Date(); return d.getFullYear() + '-' + "
                          "String(d.getMonth() + 1).padStart(2, '0') + '-' + "
                          "String(d.getDate()).padStart(2, '0'); })()")
    assert entry.fields["urldate"] == today
    # A style line, with Space this time: its plain text.
    page.get_by_role("button", name="Copy APA").focus()
    page.keyboard.press(" ")
    status.filter(has_text="APA copied").wait_for()
    apa = page.locator("#cite-apa").text_content()
    assert page.evaluate("navigator.clipboard.readText()") == apa.strip()
    assert apa.startswith("Wikipedia contributors. (")


def test_a_bound_figure_opens_its_note_from_the_keyboard(page, site) -> None:
    base, _ = site
    page.goto(f"{base}negotiations.html")
    page.locator("article h1").first.click()  # start reading at the title
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('fact-figure')"):
            break
    else:
        pytest.fail("Tab never reached a bound figure")
    figure = page.evaluate("document.activeElement.textContent")
    anchor = page.evaluate("document.activeElement.parentElement.id")
    assert (figure, anchor) == ("September 29", "fact-negotiations-proposed")
    note = page.locator(f"#{anchor}-note")
    assert not note.is_visible()
    page.keyboard.press("Enter")
    assert note.is_visible()
    text = note.inner_text()
    assert "September 29, 1939" in text  # the canonical value
    assert "The Soviet Union asks Lithuania to open negotiations" in text  # the label
    assert "No source recorded" in text
    assert "negotiations-proposed" not in text.replace("#fact-negotiations-proposed", "")
    # The note opens next to its figure, not somewhere else on the page.
    button = page.locator(f"#{anchor} > button").bounding_box()
    box = note.bounding_box()
    assert 0 <= box["y"] - (button["y"] + button["height"]) <= 20
    assert abs(box["x"] - button["x"]) < 400
    page.keyboard.press("Escape")
    assert not note.is_visible()
    assert page.evaluate("document.activeElement.parentElement.id") == anchor


def test_a_link_to_one_fact_opens_it(page, site) -> None:
    base, _ = site
    page.goto(f"{base}negotiations.html#fact-troops-demanded")
    assert page.locator("#fact-troops-demanded-note").is_visible()
    assert page.evaluate("document.querySelector(':target').id") == "fact-troops-demanded"


def test_register_and_timeline_links_resolve(page, site) -> None:
    base, _ = site
    targets: dict[str, set[str]] = {}
    for listing in ("register", "timeline"):
        page.goto(f"{base}{listing}.html")
        hrefs = page.eval_on_selector_all(
            "table.factcheck-register a, ol.factcheck-timeline a", "els => els.map(e => e.href)")
        assert hrefs, listing
        for href in hrefs:
            address, _, anchor = href.partition("#")
            targets.setdefault(address, set()).add(anchor)
    missing = []
    for address, anchors in sorted(targets.items()):
        page.goto(address)
        for anchor in sorted(anchors):
            if anchor and not page.evaluate(f"!!document.getElementById({anchor!r})"):
                missing.append(f"{address}#{anchor}")
    assert missing == []
    assert sum(len(a) for a in targets.values()) > 100  # every fact's places, not a sample
