"""Find active content in HTML by parsing it as a browser would (html5lib).

Used by the hostile-input suite and the header tests. A finding is a short
string naming the element and what is active about it; none means the
document runs nothing that its templates did not put there on purpose.
"""

import re
from pathlib import Path

from bs4 import BeautifulSoup

PAYLOAD_FILE = Path(__file__).parent / "data" / "xss_payloads.txt"

# Elements that run code, load a document or restyle the page.
ACTIVE_ELEMENTS = {
    "script", "iframe", "frame", "frameset", "object", "embed", "applet", "style", "base", "portal",
    "bgsound", "xml", "isindex", "keygen", "import",
}
URL_ATTRIBUTES = {
    "href", "src", "action", "formaction", "data", "poster", "background", "dynsrc", "lowsrc", "xlink:href",
    "cite", "ping", "codebase", "manifest", "icon", "longdesc", "usemap", "srcset", "archive", "classid",
    "profile", "values", "to", "from", "by",
}
SAFE_SCHEMES = {"http", "https", "mailto", "tel"}
DATA_BLOCK_TYPES = {"application/ld+json", "application/json"}
# What browsers drop from URLs before reading the scheme.
URL_NOISE = re.compile(r"[\x00-\x20\x7f]+")
SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")


def load_payloads():
    lines = PAYLOAD_FILE.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


def parse(html):
    return BeautifulSoup(html, "html5lib")


def unsafe_url(value):
    url = URL_NOISE.sub("", value).lower()
    match = SCHEME.match(url)
    return bool(match) and match.group(1) not in SAFE_SCHEMES


def script_allowed(element, own_scripts):
    """Data blocks anywhere; with ``own_scripts`` also files from this site (the admin's)."""
    if (element.get("type") or "").strip().lower() in DATA_BLOCK_TYPES:
        return True
    src = element.get("src") or ""
    same_origin = src.startswith("/") and not src.startswith("//")
    return own_scripts and same_origin and not element.get_text().strip()


def active_parts(html_or_soup, *, own_scripts=False, inline_style_allowed=False):
    """Findings in a document or fragment; ``own_scripts`` allows script files of this site."""
    soup = parse(html_or_soup) if isinstance(html_or_soup, (str, bytes)) else html_or_soup
    findings = []
    for element in soup.find_all(True):
        name = element.name.lower()
        if name == "script" and script_allowed(element, own_scripts):
            pass
        elif name in ACTIVE_ELEMENTS:
            findings.append(f"<{name}> element")
        if name == "meta" and element.get("http-equiv"):
            findings.append(f"<meta http-equiv={element.get('http-equiv')!r}>")
        if name == "link" and "import" in (element.get("rel") or []):
            findings.append("<link rel=import>")
        for attribute, value in element.attrs.items():
            attribute = attribute.lower()
            value = " ".join(value) if isinstance(value, list) else str(value)
            if attribute.startswith("on"):
                findings.append(f"<{name} {attribute}>")
            elif attribute == "srcdoc":
                findings.append(f"<{name} srcdoc>")
            elif attribute == "style" and (not inline_style_allowed or re.search(r"url\(|expression|javascript|binding|behavior", value, re.I)):
                findings.append(f"<{name} style={value[:40]!r}>")
            elif attribute in URL_ATTRIBUTES and unsafe_url(value):
                findings.append(f"<{name} {attribute}={value[:40]!r}>")
    return findings
