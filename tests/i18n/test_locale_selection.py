"""Which language a page is shown in: explicit choice → survey languages → browser → German."""
import pytest
from flask import g

from participation.languages import i18n


def choose(app, path="/", offered=None, headers=None, session_lang=None):
    with app.test_request_context(path, headers=headers or {}):
        from flask import session
        if session_lang:
            session["lang"] = session_lang
        if offered is not None:
            g.offered_languages = offered
        return i18n.select_content_language()


def test_german_when_nothing_is_known(app):
    assert choose(app) == "de"


def test_browser_language_is_used_with_region_subtags(app):
    assert choose(app, headers={"Accept-Language": "tr-TR,tr;q=0.9,en;q=0.5"}) == "tr"


def test_survey_language_list_overrides_the_browser(app):
    assert choose(app, offered=["de", "ar"], headers={"Accept-Language": "tr"}) == "de"
    assert choose(app, offered=["de", "ar"], headers={"Accept-Language": "ar-SY,tr"}) == "ar"


def test_explicit_choice_wins_over_browser(app):
    assert choose(app, session_lang="uk", headers={"Accept-Language": "ru"}) == "uk"
    assert choose(app, "/?lang=fa", headers={"Accept-Language": "ru"}) == "fa"


def test_explicit_choice_not_offered_by_the_survey_falls_through(app):
    assert choose(app, offered=["de", "en"], session_lang="uk", headers={"Accept-Language": "en"}) == "en"


def test_easy_language_only_by_explicit_choice(app):
    assert choose(app, offered=["de", "de-easy"], headers={"Accept-Language": "de-easy"}) == "de"
    assert choose(app, offered=["de", "de-easy"], session_lang="de-easy") == "de-easy"


def test_choice_is_remembered_in_the_session(client):
    client.get("/?lang=pl")
    page = client.get("/", headers={"Accept-Language": "ru"}).get_data(as_text=True)
    assert '<html lang="pl" dir="ltr">' in page


@pytest.mark.parametrize("code, expected", [("ar", 'lang="ar" dir="rtl"'), ("fa", 'lang="fa" dir="rtl"'),
                                            ("uk", 'lang="uk" dir="ltr"'), ("de-easy", 'lang="de" dir="ltr"')])
def test_html_element_carries_language_and_direction(client, code, expected):
    page = client.get(f"/?lang={code}").get_data(as_text=True)
    assert f"<html {expected}>" in page


def test_interface_is_translated_and_easy_language_keeps_german_ui(client):
    assert "Zum Inhalt springen" not in client.get("/?lang=tr").get_data(as_text=True)
    assert "Zum Inhalt springen" in client.get("/?lang=de-easy").get_data(as_text=True)


def test_language_switch_links_mark_their_own_language(client):
    page = client.get("/?lang=de").get_data(as_text=True)
    assert 'lang="ar" dir="rtl" hreflang="ar"' in page


def test_offer_languages_refreshes_the_interface_locale(app):
    from flask_babel import get_locale
    with app.test_request_context("/", headers={"Accept-Language": "tr"}):
        assert str(get_locale()) == "tr"
        chosen = i18n.offer_languages(["de", "ar"])
        assert chosen.code == "de" and str(get_locale()) == "de"


@pytest.mark.parametrize("code, expected_date, expected_number", [
    ("de", "23.11.2026", "1.234,5"), ("en", "Nov 23, 2026", "1,234.5"), ("ru", "23 нояб. 2026\u202fг.", "1\xa0234,5"),
    ("ar", "23\u200f/11\u200f/2026", "1,234.5")])
def test_dates_and_numbers_follow_the_interface_locale(app, code, expected_date, expected_number):
    from datetime import date

    from flask_babel import format_date, format_decimal
    with app.test_request_context(f"/?lang={code}"):
        assert format_decimal(1234.5) == expected_number
        assert format_date(date(2026, 11, 23)) == expected_date


def test_templates_follow_the_language_when_a_survey_narrows_the_choice_mid_request(app):
    """Templates look the catalogue up once per request, yet follow offer_languages' new locale."""
    template = app.jinja_env.from_string("{{ _('Weiter') }}")
    with app.test_request_context("/", headers={"Accept-Language": "ar"}):
        assert template.render() == "التالي"
        i18n.offer_languages(["de", "tr"])
        assert template.render() == "Weiter"
        i18n.offer_languages(["de", "tr", "ar"])
        assert template.render() == "التالي"
