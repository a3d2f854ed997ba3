"""The one helper every browser test uses to judge a page: ``PageChecker.check``.

It loads a page in Chromium and runs every checker on it:

- axe-core (npm, pinned in package-lock.json) with the WCAG 2.0/2.1 A and AA rules;
- the Nu HTML Checker (npm ``vnu-jar``) on the HTML exactly as the server sent it;
- the requests the page made: all must go to the site itself, and none may fail;
- structure: ``lang="de"``, the landmarks, one ``h1``, no skipped heading level;
- keyboard: the skip link comes first and moves focus to ``main``, Tab reaches every
  focusable element in turn, and each shows a visible focus indicator;
- layout: no sideways scrolling from 320 px to desktop width and at 200 % zoom.

The known-bad page (``tests/browser/known_bad_page.html``) must fail every one of them.
"""

import dataclasses
import json
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

NODE_MODULES = Path(__file__).parent / "node_modules"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    # No rule is disabled. Disabling one needs an entry here with the reason next to it:
    # "rules": {"rule-id": {"enabled": False}},  # why
}

DESKTOP = {"width": 1280, "height": 800}
# Browser zoom at 200 % on a 1280 px wide window leaves 640 CSS pixels for the layout,
# which is what Chromium's zoom does (WCAG 1.4.4); the pixel density does not change it.
ZOOM_200 = {"width": DESKTOP["width"] // 2, "height": DESKTOP["height"] // 2}
# Narrowest width WCAG 1.4.10 (reflow) asks for: 1280 px at 400 % zoom.
LAYOUT_WIDTHS = [320, 375, ZOOM_200["width"], 1024, DESKTOP["width"]]

_STRUCTURE_JS = """() => {
  const problems = [];
  if (document.documentElement.getAttribute('lang') !== 'de') problems.push('html lang is not "de"');
  // Top-level header and footer are the banner and contentinfo landmarks.
  const sectioning = 'article, aside, main, nav, section';
  const top = (selector) => [...document.querySelectorAll(selector)].filter((el) => !el.parentElement.closest(sectioning));
  const counts = {banner: top('header').length, contentinfo: top('footer').length,
                  main: document.querySelectorAll('main').length, navigation: document.querySelectorAll('nav').length};
  for (const landmark of ['banner', 'main', 'contentinfo']) {
    if (counts[landmark] !== 1) problems.push(`${counts[landmark]} ${landmark} landmarks, not 1`);
  }
  if (counts.navigation < 1) problems.push('no navigation landmark');
  const h1 = document.querySelectorAll('h1').length;
  if (h1 !== 1) problems.push(`${h1} h1 elements, not 1`);
  let previous = 0;
  for (const heading of document.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
    const level = Number(heading.tagName[1]);
    if (level > previous + 1) problems.push(`heading level skipped: h${previous} to h${level} "${heading.textContent.trim()}"`);
    previous = level;
  }
  return problems;
}"""

_FOCUSABLE_JS = """() => [...document.querySelectorAll(
    'a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), select:not([disabled]),'
    + ' textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])')]
  .filter((el) => el.getClientRects().length && getComputedStyle(el).visibility !== 'hidden').length"""

_ACTIVE_JS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  const rect = el.getBoundingClientRect();
  return {
    name: `${el.tagName.toLowerCase()} "${(el.textContent || el.value || '').trim().slice(0, 40)}"`,
    href: el.getAttribute('href'),
    visible_focus: outline || style.boxShadow !== 'none',
    on_screen: rect.width > 0 && rect.height > 0 && rect.bottom > 0 && rect.right > 0
      && rect.top < innerHeight && rect.left < innerWidth,
    key: el.outerHTML.slice(0, 200) + '@' + Math.round(rect.top + scrollY) + ',' + Math.round(rect.left),
  };
}"""


@dataclasses.dataclass
class PageReport:
    """What each checker found on one page; a good page has every list empty."""

    url: str
    status: int
    axe: list = dataclasses.field(default_factory=list)
    html: list = dataclasses.field(default_factory=list)
    requests: list = dataclasses.field(default_factory=list)
    structure: list = dataclasses.field(default_factory=list)
    keyboard: list = dataclasses.field(default_factory=list)
    layout: list = dataclasses.field(default_factory=list)

    CHECKERS = ("axe", "html", "requests", "structure", "keyboard", "layout")

    def problems(self):
        return {name: getattr(self, name) for name in self.CHECKERS if getattr(self, name)}


class NuChecker:
    """The Nu HTML Checker running as a local HTTP service (one JVM for the session)."""

    def __init__(self, url):
        self.url = url

    def errors(self, html: bytes):
        request = urllib.request.Request(
            f"{self.url}/?out=json", data=html, headers={"Content-Type": "text/html; charset=utf-8"}
        )
        with urllib.request.urlopen(request, timeout=60) as response:
            messages = json.load(response)["messages"]
        # "non-document-error" means the checker could not check: that fails too.
        return [
            f"line {message.get('lastLine', '?')}: {message['message']}"
            for message in messages
            if message["type"] in {"error", "non-document-error"}
        ]


class PageChecker:
    def __init__(self, *, origin, nu, axe_source):
        self.origin = origin.rstrip("/")
        self.nu = nu
        self.axe_source = axe_source

    def check(self, page, path, *, expected_status=200):
        """Load ``path`` in ``page`` (a fresh page of its own context) and run every checker."""
        requests = self._record_requests(page)
        url = self.origin + path
        response = page.goto(url, wait_until="load")
        report = PageReport(url=path, status=response.status)
        if response.status != expected_status:
            report.structure.append(f"answered {response.status}, expected {expected_status}")
        report.html = self.nu.errors(response.body())
        report.structure += page.evaluate(_STRUCTURE_JS)
        report.keyboard = self._keyboard_problems(page)
        report.layout = self._layout_problems(page)
        report.axe = self._axe_violations(page)
        report.requests = [problem for problem in requests if problem != f"{response.status} {url}"]
        return report

    def axe_run(self, page, options=AXE_OPTIONS):
        # Evaluated over the DevTools protocol, so no <script> lands in the page and
        # a Content-Security-Policy without 'unsafe-inline' does not get in the way.
        if not page.evaluate("() => typeof window.axe === 'object'"):
            page.evaluate(self.axe_source)
        return page.evaluate("options => axe.run(document, options)", options)["violations"]

    def _axe_violations(self, page):
        return [
            f"{violation['id']} ({violation['impact']}): {violation['help']} — "
            + "; ".join(node["target"][0] if isinstance(node["target"][0], str) else str(node["target"]) for node in violation["nodes"][:5])
            for violation in self.axe_run(page)
        ]

    def _record_requests(self, page):
        """Every request the page makes, recorded in the browser: foreign ones are aborted
        (the tests never reach out) and listed, and so are same-site ones that failed."""
        problems = []

        def on_request(request):
            if urlsplit(request.url).scheme in {"data", "blob", "about"}:
                return
            if not request.url.startswith(self.origin + "/"):
                problems.append(f"third-party request: {request.resource_type} {request.url}")

        def on_response(response):
            if response.status >= 400:
                problems.append(f"{response.status} {response.url}")

        def route(route):
            if route.request.url.startswith(self.origin + "/"):
                route.continue_()
            else:
                route.abort()

        page.on("request", on_request)
        page.on("response", on_response)
        page.route("**/*", route)
        return problems

    def _keyboard_problems(self, page):
        problems = []
        focusable = page.evaluate(_FOCUSABLE_JS)
        page.evaluate("() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); }")
        visited = []
        for _ in range(focusable + 2):
            page.keyboard.press("Tab")
            active = page.evaluate(_ACTIVE_JS)
            if active is None or (visited and active["key"] == visited[0]["key"]):
                break
            visited.append(active)
            if not active["visible_focus"]:
                problems.append(f"no visible focus on {active['name']}")
            if not active["on_screen"]:
                problems.append(f"focused {active['name']} is off screen")
        first = visited[0] if visited else None
        main_id = page.evaluate("() => document.querySelector('main')?.id || null")
        if not first or not main_id or first["href"] != f"#{main_id}":
            problems.append("first Tab does not reach a skip link to main")
        else:
            # Tab order to the skip link is proven above; now follow it as a keyboard user does.
            page.evaluate("id => document.querySelector(`a[href='#${id}']`).focus()", main_id)
            page.keyboard.press("Enter")
            if page.evaluate("() => document.activeElement?.tagName") != "MAIN":
                problems.append("skip link does not move focus to main")
        if len(visited) != focusable:
            problems.append(f"Tab reached {len(visited)} of {focusable} focusable elements")
        return problems

    def _layout_problems(self, page):
        problems = []
        original = page.viewport_size
        for width in LAYOUT_WIDTHS:
            page.set_viewport_size({"width": width, "height": original["height"]})
            overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
            if overflow > 0:
                problems.append(f"scrolls sideways by {overflow} px at {width} px wide")
        page.set_viewport_size(original)
        return problems
