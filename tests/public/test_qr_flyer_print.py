"""Short link, QR code, flyer and printable paper version of a survey."""
import io
import re

import pytest
import segno

from participation.extensions import db


def expected_qr(url: str, kind: str) -> bytes:
    """The route must produce exactly the QR code of this URL (same settings as the route)."""
    buffer = io.BytesIO()
    if kind == "svg":
        segno.make(url, error="m").save(buffer, kind="svg", scale=8, border=4, title=url)
    else:
        segno.make(url, error="m").save(buffer, kind="png", scale=12, border=4)
    return buffer.getvalue()


def test_qr_codes_encode_the_absolute_short_link(client, survey):
    svg = client.get("/s/kurz/qr.svg")
    assert svg.status_code == 200 and svg.mimetype == "image/svg+xml"
    assert svg.data == expected_qr("http://localhost/s/kurz", "svg")
    png = client.get("/s/kurz/qr.png")
    assert png.mimetype == "image/png" and png.data.startswith(b"\x89PNG")
    assert png.data == expected_qr("http://localhost/s/kurz", "png")


def test_public_base_url_is_used_when_configured(app, client, survey):
    app.config["PUBLIC_BASE_URL"] = "https://mitmachen.beispielstadt.de/"
    assert client.get("/s/kurz/qr.svg").data == expected_qr("https://mitmachen.beispielstadt.de/s/kurz", "svg")
    assert "https://mitmachen.beispielstadt.de/s/kurz" in client.get("/s/kurz/flyer").get_data(as_text=True)


def test_a_different_link_gives_a_different_code(client, survey):
    assert client.get("/s/kurz/qr.svg").data != expected_qr("http://localhost/s/andere", "svg")


def test_flyer_shows_qr_code_and_link_in_every_offered_language(client, survey):
    html = client.get("/s/kurz/flyer").get_data(as_text=True)
    assert 'src="/s/kurz/qr.svg"' in html and 'alt="QR-Code mit dem Link zur Umfrage: http://localhost/s/kurz"' in html
    blocks = re.findall(r'<section class="flyer-language" lang="([^"]+)" dir="([^"]+)">(.*?)</section>', html, re.S)
    assert [(lang, direction) for lang, direction, _body in blocks] == [("de", "ltr"), ("en", "ltr"), ("ar", "rtl")]
    for _lang, _direction, body in blocks:
        assert "http://localhost/s/kurz" in body
    assert "Short survey" in blocks[1][2] and "استطلاع قصير" in blocks[2][2]


def test_printable_version_has_every_question_numbered_and_a_print_stylesheet(client, survey):
    html = client.get("/s/kurz/druck").get_data(as_text=True)
    assert 'href="/static/css/print.css" media="print"' in html
    for number, text in enumerate(["In welchem Stadtteil", "Leben Kinder", "Haben Sie einen Kitaplatz",
                                   "Wie viele Jahre", "Wie wohl", "Was ist Ihnen wichtig", "Wo genau fehlt", "Ein Wort"], start=1):
        assert re.search(rf'<span class="question-number">{number}\.</span> {text}', html), text
    assert "Ich bin einverstanden." in html and "http://localhost/s/kurz" in html
    assert "Nur beantworten, wenn Sie bei" in html, "paper readers see when a question applies"


def test_printable_version_in_each_language(client, survey):
    english = client.get("/s/kurz/druck?lang=en").get_data(as_text=True)
    assert '<html lang="en" dir="ltr">' in english and "Which district do you live in?" in english
    arabic = client.get("/s/kurz/druck?lang=ar").get_data(as_text=True)
    assert '<html lang="ar" dir="rtl">' in arabic and "استطلاع قصير" in arabic


@pytest.mark.parametrize("path", ["/s/kurz/flyer", "/s/kurz/druck", "/s/kurz/qr.svg", "/s/kurz/qr.png"])
def test_material_of_an_unpublished_draft_survey_is_not_public(client, survey, path):
    survey.status = "draft"
    db.session.commit()
    assert client.get(path).status_code == 404


def test_material_of_a_closed_survey_stays_available(client, survey):
    survey.status = "closed"
    db.session.commit()
    assert client.get("/s/kurz/flyer").status_code == 200
