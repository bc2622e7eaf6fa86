"""Contact data in free text is masked for planners; ordinary numbers and dates stay readable."""
import pytest

from participation.privacy.masking import mask_personal_data


@pytest.mark.parametrize("text, hidden, placeholder", [
    ("Schreiben Sie an aylin.demir@example.org bitte", "aylin.demir@example.org", "[E-Mail entfernt]"),
    ("Ruf an: 0171 2345678", "0171 2345678", "[Telefonnummer entfernt]"),
    ("Tel. +49 (521) 123-4567", "123-4567", "[Telefonnummer entfernt]"),
    ("Mehr unter https://example.org/seite", "example.org", "[Link entfernt]"),
    ("Konto DE89 3704 0044 0532 0130 00", "0532", "[IBAN entfernt]"),
])
def test_contact_data_is_masked(app, text, hidden, placeholder):
    masked = mask_personal_data(text)
    assert hidden not in masked and placeholder in masked


@pytest.mark.parametrize("text", ["Am 14.03.2025 war das Treffen", "Seit 2019 warten wir", "3 Kinder, 2 Zimmer",
                                  "Termin am 2025-03-14"])
def test_dates_and_small_numbers_stay(app, text):
    assert mask_personal_data(text) == text
