import pytest
from bs4 import BeautifulSoup

from newsroom.sanitizer import clean_feed_html, clean_html

# What CKEditor produces for press releases, written as the sanitizer stores it:
# each must come through byte for byte.
BENIGN = [
    "<p>Ein schlichter Absatz mit „Anführungszeichen“ – und Gedankenstrich.</p>",
    "<h3>Zwischenüberschrift</h3><p>Text</p>",
    "<h2>Eins</h2><h3>Zwei</h3><h4>Drei</h4>",
    "<p><strong>fett</strong>, <em>kursiv</em>, <b>b</b>, <i>i</i></p>",
    "<ul><li>eins</li><li>zwei<ul><li>innen</li></ul></li></ul>",
    "<ol><li>erstens</li><li>zweitens</li></ol>",
    '<p><a href="https://www.jobcenter-myk.de/" rel="noopener noreferrer">Jobcenter</a></p>',
    '<p><a href="mailto:presse@example.org" rel="noopener noreferrer">Presse</a></p>',
    '<p><a href="tel:+492611234" rel="noopener noreferrer">Telefon</a></p>',
    "<p>Zeile<br>nächste Zeile</p>",
    "<p>a&nbsp;b &amp; c &lt; d</p>",
    '<p><abbr title="Sozialgesetzbuch">SGB</abbr> II</p>',
    "<blockquote><p>Zitat im Text</p></blockquote>",
    "<p>H<sub>2</sub>O und m<sup>2</sup></p>",
    '<p><q cite="https://www.bundestag.de/">Zitat</q></p>',
]

# (input, what must not survive)
HOSTILE = [
    ("<script>alert(1)</script><p>Text</p>", "script"),
    ('<img src="x" onerror="alert(1)">', "onerror"),
    ('<a href="javascript:alert(1)">x</a>', "javascript:"),
    ('<a href="JaVaScRiPt:alert(1)">x</a>', "javascript:"),
    ('<a href="jav&#x09;ascript:alert(1)">x</a>', "ascript:"),
    ('<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>', "data:"),
    ('<iframe src="https://evil.example/"></iframe>', "iframe"),
    ('<p style="background:url(javascript:alert(1))">x</p>', "style"),
    ('<div style="width: expression(alert(1))">x</div>', "expression"),
    ('<svg onload="alert(1)"><circle/></svg>', "onload"),
    ("<object data=\"x.swf\"></object><embed src=\"x.swf\">", "object"),
    ('<form action="https://evil.example"><input name="p"></form>', "form"),
    ('<p onmouseover="alert(1)">x</p>', "onmouseover"),
    ("<style>body{display:none}</style>", "display:none"),
    ('<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>', "onerror"),
    ('<base href="https://evil.example/">', "base"),
    ('<meta http-equiv="refresh" content="0;url=https://evil.example">', "refresh"),
    ('<a href="https://ok.example" target="_blank">x</a>', "_blank"),
    ("<!--<script>alert(1)</script>-->", "alert"),
    ('<q cite="javascript:alert(1)">x</q>', "javascript:"),
    ('<q cite=" JaVa&#x09;Script:alert(1)">x</q>', "script:"),
]


@pytest.mark.parametrize("html", BENIGN)
def test_harmless_markup_comes_through_unchanged(html):
    assert clean_html(html) == html


@pytest.mark.parametrize(("html", "forbidden"), HOSTILE)
def test_hostile_markup_is_stripped(html, forbidden):
    cleaned = clean_html(html)
    assert forbidden.lower() not in cleaned.lower()
    soup = BeautifulSoup(cleaned, "html.parser")
    for tag in soup.find_all(True):
        assert not any(attribute.startswith("on") for attribute in tag.attrs)
        assert tag.name not in {"script", "iframe", "object", "embed", "style", "form", "svg", "math", "base", "meta"}


def test_links_get_rel_noopener():
    assert clean_html('<a href="https://example.org">x</a>') == (
        '<a href="https://example.org" rel="noopener noreferrer">x</a>'
    )


def test_cleaning_is_idempotent():
    for html, _forbidden in HOSTILE:
        once = clean_html(html)
        assert clean_html(once) == once


def test_text_survives_when_markup_goes():
    assert clean_html("<p><span class='x' style='color:red'>Wichtig</span></p>") == "<p>Wichtig</p>"


def test_empty_input():
    assert clean_html("") == ""
    assert clean_html(None) == ""


def test_feed_html_makes_urls_absolute():
    html = '<figure><img src="/media/a.jpg" alt="A"></figure><p><a href="/pressemeldungen/x/">x</a></p>'
    cleaned = clean_feed_html(html, base_url="https://presse.example/")
    assert 'src="https://presse.example/media/a.jpg"' in cleaned
    assert 'href="https://presse.example/pressemeldungen/x/"' in cleaned


@pytest.mark.django_db
def test_raw_saves_are_cleaned_too():
    """Restoring a revision or loading a fixture deserializes and saves raw, skipping save()."""
    from django.core import serializers

    from newsroom.models import Section

    from .factories import SectionFactory

    section = SectionFactory()
    dumped = serializers.serialize("json", [section])
    dumped = dumped.replace("<p>Absatz.</p>", '<p>Alt</p><script>alert(1)</script><img src=x onerror=alert(1)>')
    for restored in serializers.deserialize("json", dumped):
        restored.save()  # what django-reversion's Version.revert() does
    section.refresh_from_db()
    assert section.body == "<p>Alt</p>"
    assert Section.objects.get(pk=section.pk).body == "<p>Alt</p>"
