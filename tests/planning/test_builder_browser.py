"""A planner builds a small survey with a condition in a real browser; every builder page passes axe."""
import re

import pytest

from tests.browser import assert_accessible

pytestmark = pytest.mark.browser


def test_planner_builds_a_survey_with_a_condition(live_server, page, make_user, process):
    planner = make_user("planner", processes=[process])
    page.goto(live_server + "/login")
    page.get_by_label("E-Mail-Adresse").fill(planner.email)
    page.get_by_label("Passwort").fill("correct horse battery")
    page.get_by_role("button", name="Anmelden").click()

    page.goto(f"{live_server}/planning/processes/{process.id}")
    assert_accessible(page)
    page.get_by_role("link", name="Prozess bearbeiten").click()
    assert_accessible(page)
    page.go_back()
    page.get_by_role("link", name="Neue Umfrage").click()
    assert_accessible(page)
    page.get_by_label("Titel").fill("Familien in der Nordstadt")
    page.get_by_role("button", name="Anlegen").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Familien in der Nordstadt"
    assert_accessible(page)

    page.get_by_role("link", name="Frage hinzufügen").first.click()
    assert_accessible(page)
    page.get_by_role("link", name="Ja/Nein").click()
    page.get_by_label("Fragetext").fill("Leben Kinder in Ihrem Haushalt?")
    page.get_by_label("Pflichtfrage").check()
    page.get_by_role("button", name="Frage speichern").click()

    page.get_by_role("link", name="Frage hinzufügen").first.click()
    page.get_by_role("link", name="Auswahl: eine Antwort").click()
    page.get_by_label("Fragetext").fill("Wie kommt Ihr Kind zur Kita?")
    page.get_by_label("Nur zeigen, wenn …").select_option(label="„Leben Kinder in Ihrem Haushalt?“ = Ja")
    page.get_by_role("button", name="Frage speichern").click()
    assert page.locator("#options-error").inner_text().startswith("Bitte geben Sie mindestens")
    assert_accessible(page)
    page.get_by_label("Antwortmöglichkeiten (eine pro Zeile)").fill("Zu Fuß\nMit dem Bus\nMit dem Auto")
    page.get_by_role("button", name="Frage speichern").click()
    assert "nur wenn „Leben Kinder in Ihrem Haushalt?“ = Ja" in page.content()
    assert_accessible(page)

    page.get_by_role("link", name=re.compile("Bearbeiten.*Wie kommt Ihr Kind zur Kita")).click()
    page.get_by_label("Neue Antwortmöglichkeit").fill("Mit dem Fahrrad")
    page.get_by_role("button", name="Antwortmöglichkeit hinzufügen").click()
    assert page.get_by_label("Antwort 4 (mit_dem_fahrrad)").input_value() == "Mit dem Fahrrad"
    assert_accessible(page)
    page.get_by_role("button", name=re.compile("Nach oben.*Mit dem Fahrrad")).click()
    assert page.get_by_label("Antwort 3 (mit_dem_fahrrad)").is_visible()
    page.get_by_role("link", name="Zurück zur Übersicht").click()

    page.get_by_role("button", name="Öffnen").click()
    assert "Status: offen" in page.locator(".lead").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]  # a phone
    flyer = page.get_by_role("link", name="Flyer mit QR-Code drucken").get_attribute("href")
    assert flyer.startswith("/s/") and flyer.endswith("/flyer")
    page.get_by_role("link", name="Einstellungen und Texte").click()
    assert_accessible(page)
    page.go_back()

    page.get_by_role("link", name=re.compile("Vorschau.*English")).click()
    assert page.locator(".preview-banner").is_visible()
    assert "Leben Kinder in Ihrem Haushalt?" in page.content()
    assert_accessible(page)
