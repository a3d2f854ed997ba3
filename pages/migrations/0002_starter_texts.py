"""German starter texts for the legal pages, and the staff groups' rights on them.

The texts are a sound start, not legal advice: words in [square brackets] are
for the agency to fill in before going live (README, "Legal pages"). They are
frozen here on purpose; later edits happen in the admin.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

IMPRINT = """
<h2>Herausgeber</h2>
<p>Jobcenter Mayen-Koblenz<br>[Straße und Hausnummer]<br>[Postleitzahl] [Ort]</p>
<p>Telefon: [Telefonnummer]<br>E-Mail: <a href="mailto:presse@jobcenter-myk.example">presse@jobcenter-myk.example</a></p>
<p>Das Jobcenter Mayen-Koblenz ist eine gemeinsame Einrichtung der Agentur für Arbeit und des Landkreises
Mayen-Koblenz nach § 44b Zweites Buch Sozialgesetzbuch (SGB II). Es ist eine Einrichtung des öffentlichen Rechts.</p>
<h2>Vertreten durch</h2>
<p>[Name], Geschäftsführerin oder Geschäftsführer des Jobcenters Mayen-Koblenz</p>
<h2>Verantwortlich für den Inhalt</h2>
<p>Verantwortlich nach § 18 Absatz 2 Medienstaatsvertrag: [Name], Pressestelle, Anschrift wie oben.</p>
<h2>Aufsicht</h2>
<p>[Zuständige Aufsichtsbehörde]</p>
<h2>Fotos</h2>
<p>Die Urheberin oder der Urheber jedes Fotos steht unter dem Foto. Pressevertreterinnen und Pressevertreter dürfen
die Fotos der Pressemeldungen mit dieser Angabe für die Berichterstattung verwenden.</p>
<h2>Haftung für Links</h2>
<p>Für die Inhalte verlinkter Seiten anderer Anbieter sind deren Betreiber verantwortlich. Links auf andere Seiten
öffnen Sie selbst; diese Website lädt nichts von anderen Anbietern.</p>
"""

PRIVACY = """
<h2>Verantwortliche Stelle</h2>
<p>Jobcenter Mayen-Koblenz, [Straße und Hausnummer], [Postleitzahl] [Ort],
E-Mail: <a href="mailto:presse@jobcenter-myk.example">presse@jobcenter-myk.example</a></p>
<h2>Datenschutzbeauftragte</h2>
<p>Sie erreichen die behördliche Datenschutzbeauftragte oder den Datenschutzbeauftragten unter
<a href="mailto:datenschutz@jobcenter-myk.example">datenschutz@jobcenter-myk.example</a> oder unter der Anschrift
oben mit dem Zusatz „Datenschutzbeauftragte“.</p>
<h2>Was beim Besuch dieser Website verarbeitet wird</h2>
<p>Wenn Sie eine Seite aufrufen, verarbeitet der Webserver technisch notwendige Daten: Ihre IP-Adresse, Datum
und Uhrzeit, die aufgerufene Adresse, den Statuscode und die Angaben Ihres Browsers. Das ist nötig, um die Seite
auszuliefern und den Betrieb zu sichern (Artikel 6 Absatz 1 Buchstabe e Datenschutz-Grundverordnung, DSGVO).
Protokolle mit IP-Adressen werden nach [7] Tagen gelöscht.</p>
<h2>Keine Cookies, kein Tracking, keine anderen Anbieter</h2>
<p>Die öffentlichen Seiten setzen keine Cookies. Wir messen keine Reichweite und binden keine Schriften, Skripte,
Videos, Karten oder Dienste anderer Anbieter ein. Ihr Browser verbindet sich nur mit dieser Website.</p>
<p>Nur im Redaktionsbereich (für Beschäftigte des Jobcenters) setzt die Website nach der Anmeldung ein
technisch notwendiges Sitzungs-Cookie.</p>
<h2>Personen in Pressemeldungen</h2>
<p>Pressemeldungen nennen, zitieren und zeigen Personen des öffentlichen Lebens in ihrer Rolle. Andere Personen
nennen, zitieren oder zeigen wir nur mit ihrer Einwilligung (Artikel 6 Absatz 1 Buchstabe a DSGVO, § 22
Kunsturhebergesetz). Eine Einwilligung können Sie jederzeit für die Zukunft widerrufen.</p>
<h2>Newsfeed</h2>
<p>Wenn Sie den RSS-Feed abonnieren, ruft Ihr Feedreader ihn wie eine Webseite ab. Es gilt dasselbe wie oben.</p>
<h2>Ihre Rechte</h2>
<p>Sie haben das Recht auf Auskunft (Artikel 15 DSGVO), Berichtigung (Artikel 16), Löschung (Artikel 17),
Einschränkung der Verarbeitung (Artikel 18) und Widerspruch (Artikel 21). Wenden Sie sich dafür an die
Datenschutzbeauftragte oder den Datenschutzbeauftragten.</p>
<h2>Beschwerde</h2>
<p>Sie können sich bei der Aufsichtsbehörde beschweren: Die oder der Bundesbeauftragte für den Datenschutz und
die Informationsfreiheit (BfDI), Graurheindorfer Straße 153, 53117 Bonn,
<a href="https://www.bfdi.bund.de">www.bfdi.bund.de</a>.</p>
"""

ACCESSIBILITY = """
<p>Das Jobcenter Mayen-Koblenz ist bemüht, seine Website im Einklang mit dem Behindertengleichstellungsgesetz
(BGG) und der Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) barrierefrei zugänglich zu machen. Diese
Erklärung gilt für die Pressemeldungen unter dieser Adresse.</p>
<h2>Stand der Vereinbarkeit mit den Anforderungen</h2>
<p>Diese Website ist mit den Anforderungen der BITV 2.0 (WCAG 2.1, Stufe AA) <strong>teilweise vereinbar</strong>.
Die Inhalte, die nicht barrierefrei sind, stehen im nächsten Abschnitt.</p>
<h2>Nicht barrierefreie Inhalte</h2>
<ul>
<li>Es gibt noch keine Erklärung der Website in Deutscher Gebärdensprache. Eine Erklärung in Leichter Sprache
gibt es.</li>
<li>Texte, Bildbeschreibungen und Bildunterschriften schreibt die Redaktion selbst. Ältere Pressemeldungen
können Mängel haben, zum Beispiel fehlende Zwischenüberschriften.</li>
</ul>
<h2>Erstellung dieser Erklärung</h2>
<p>Diese Erklärung wurde am [Datum] erstellt. Grundlage ist eine Selbstbewertung. Jede Änderung an der Website
wird automatisch geprüft: mit axe-core auf die Regeln der WCAG 2.0 und 2.1 (Stufen A und AA), mit dem Nu HTML
Checker auf gültiges HTML, mit der Tastatur und bei 200 % Vergrößerung und 320 Pixeln Breite.</p>
<h2>Barrieren melden: Kontakt zur Feedback-Stelle</h2>
<p>Sind Ihnen Mängel beim barrierefreien Zugang aufgefallen? Oder brauchen Sie einen Inhalt in einer anderen
Form? Schreiben Sie uns bitte:</p>
<p>E-Mail: <a href="mailto:barrierefreiheit@jobcenter-myk.example?subject=Barriere%20melden">barrierefreiheit@jobcenter-myk.example</a><br>
Post: Jobcenter Mayen-Koblenz, Pressestelle, [Straße und Hausnummer], [Postleitzahl] [Ort]<br>
Telefon: [Telefonnummer]</p>
<p>Wir antworten Ihnen innerhalb von sechs Wochen.</p>
<h2>Schlichtungsverfahren</h2>
<p>Wenn Sie auf Ihre Rückmeldung keine zufriedenstellende Antwort erhalten haben, können Sie einen Antrag auf ein
Schlichtungsverfahren nach § 16 BGG stellen. Die Schlichtungsstelle nach dem
Behindertengleichstellungsgesetz hat die Aufgabe, bei Konflikten zwischen Menschen mit Behinderungen und
öffentlichen Stellen des Bundes eine außergerichtliche Streitbeilegung zu unterstützen. Das
Schlichtungsverfahren ist kostenlos. Es muss kein Rechtsbeistand eingeschaltet werden.</p>
<p>Schlichtungsstelle nach dem Behindertengleichstellungsgesetz bei dem Beauftragten der Bundesregierung für die
Belange von Menschen mit Behinderungen<br>Mauerstraße 53, 10117 Berlin<br>Telefon: 030 18 527-2805<br>
E-Mail: <a href="mailto:info@schlichtungsstelle-bgg.de">info@schlichtungsstelle-bgg.de</a><br>
Internet: <a href="https://www.schlichtungsstelle-bgg.de">www.schlichtungsstelle-bgg.de</a></p>
"""

EASY_LANGUAGE = """
<h2>Was steht auf dieser Internet-Seite?</h2>
<p>Das ist die Internet-Seite von der Presse-Stelle vom Jobcenter Mayen-Koblenz.</p>
<p>Das Jobcenter hilft Menschen bei der Suche nach Arbeit. Und es zahlt Geld zum Leben. Zum Beispiel das
Bürgergeld.</p>
<p>Hier stehen <strong>Presse-Meldungen</strong>. Eine Presse-Meldung ist eine Nachricht vom Jobcenter. Die
Nachricht ist für Zeitungen, für das Radio und für alle Menschen.</p>
<h2>Wie finde ich mich zurecht?</h2>
<ul>
<li>Oben auf jeder Seite ist ein Link zu allen Presse-Meldungen.</li>
<li>Die neueste Meldung steht in der Liste ganz oben.</li>
<li>Klicken Sie auf die Überschrift. Dann lesen Sie die ganze Meldung.</li>
<li>Unten auf jeder Seite sind Links zu anderen wichtigen Seiten. Zum Beispiel zum Daten-Schutz.</li>
</ul>
<h2>Was ist Barriere-Freiheit?</h2>
<p>Alle Menschen sollen diese Internet-Seite gut benutzen können. Auch Menschen mit Behinderung. Das nennt man
Barriere-Freiheit.</p>
<p>Sie können die Seite zum Beispiel nur mit der Tastatur benutzen. Sie können die Schrift groß machen.
Ein Vorlese-Programm kann Ihnen die Seite vorlesen.</p>
<p>Noch nicht alles ist barriere-frei. Das steht in der Erklärung zur Barriere-Freiheit.</p>
<h2>Haben Sie ein Problem mit der Seite?</h2>
<p>Dann schreiben Sie uns bitte eine E-Mail an:
<a href="mailto:barrierefreiheit@jobcenter-myk.example">barrierefreiheit@jobcenter-myk.example</a></p>
<p>Wir antworten Ihnen.</p>
<h2>Speichert die Seite Daten über mich?</h2>
<p>Die Seite speichert keine Cookies bei Ihnen. Wir verfolgen nicht, was Sie lesen. Mehr dazu steht in der
Daten-Schutz-Erklärung.</p>
"""

STARTER_PAGES = [
    ("imprint", "Impressum", IMPRINT),
    ("privacy", "Datenschutzerklärung", PRIVACY),
    ("accessibility", "Erklärung zur Barrierefreiheit", ACCESSIBILITY),
    ("easy-language", "Leichte Sprache: Informationen zu dieser Website", EASY_LANGUAGE),
]


def create_pages(apps, schema_editor):
    from newsroom.sanitizer import clean_html

    page_model = apps.get_model("pages", "LegalPage")
    for kind, title, body in STARTER_PAGES:
        # Historical models have no save() override: clean here, as the model would.
        page_model.objects.get_or_create(kind=kind, defaults={"title": title, "body": clean_html(body.strip())})


def remove_pages(apps, schema_editor):
    apps.get_model("pages", "LegalPage").objects.filter(kind__in=[kind for kind, _t, _b in STARTER_PAGES]).delete()


def grant_staff_rights(apps, schema_editor):
    from newsroom.roles import ensure_staff_groups

    # As in newsroom's 0002: permissions are normally created after all migrations ran.
    app_config = apps.get_app_config("pages")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    ensure_staff_groups(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0001_legal_page"),
        ("newsroom", "0002_staff_groups"),
    ]

    operations = [
        migrations.RunPython(create_pages, remove_pages),
        migrations.RunPython(grant_staff_rights, migrations.RunPython.noop),
    ]
