"""The one allow-list for stored HTML.

CKEditor 4 is past its end of life, so the editor is not a security boundary:
every rich-text value is cleaned here, on the server, on every path that writes
it. What is not on this list does not reach the database.
"""

import re

import nh3

ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "h4", "strong", "em", "b", "i", "u",
    "ul", "ol", "li", "a", "blockquote", "q", "abbr", "sub", "sup",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "q": {"cite"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}
# Links leave the site without handing on the reader's address or a window handle.
LINK_REL = "noopener noreferrer"
# nh3 checks the scheme of href and src only; other URL attributes pass here.
URL_ATTRIBUTES = {"cite"}


def _filter_attribute(element, attribute, value):
    """Drop a URL attribute nh3 does not check itself unless its scheme is allowed."""
    if attribute in URL_ATTRIBUTES:
        # Browsers ignore control characters and whitespace inside a scheme.
        scheme, colon, _rest = re.sub(r"[\x00-\x20\x7f]", "", value).partition(":")
        if colon and scheme.lower() not in ALLOWED_URL_SCHEMES:
            return None
    return value


def clean_html(html, *, base_url=None):
    """Return ``html`` reduced to the allow-list.

    Guarantees: no script, style, event handler, frame, form or embedded object;
    link targets only http(s), mailto or tel; the text itself is kept. Cleaning
    clean output changes nothing. With ``base_url``, relative links become
    absolute (for feeds and mail).
    """
    if not html:
        return ""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        clean_content_tags={"script", "style", "template", "noscript", "iframe", "object", "textarea", "title"},
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel=LINK_REL,
        url_relative=("rewrite_with_base", base_url) if base_url else "pass_through",
        attribute_filter=_filter_attribute,
        strip_comments=True,
    )


# A feed carries the rendered release: our own markup around the cleaned sections.
FEED_TAGS = ALLOWED_TAGS | {"figure", "figcaption", "img", "div", "span", "cite", "aside", "address", "time"}
FEED_ATTRIBUTES = {**ALLOWED_ATTRIBUTES, "img": {"src", "alt", "width", "height"}, "time": {"datetime"}}


def clean_feed_html(html, *, base_url):
    """Rendered release HTML for a feed: relative URLs made absolute, nothing active."""
    return nh3.clean(
        html,
        tags=FEED_TAGS,
        clean_content_tags={"script", "style"},
        attributes=FEED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel=LINK_REL,
        url_relative=("rewrite_with_base", base_url),
        attribute_filter=_filter_attribute,
    )
