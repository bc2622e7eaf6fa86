"""Planners and exports never see contact data, addresses or names that residents typed into free text."""
import pytest

from participation.privacy import contains_personal_data, mask_personal_data

MASKED = [
    # e-mail addresses
    ("Schreiben Sie mir: anna.meier@example.de", "anna.meier@example.de", "[E-Mail]"),
    ("mail: ali_k+umfrage@posteo.net bitte", "ali_k+umfrage@posteo.net", "[E-Mail]"),
    ("benim e-postam ayse.yilmaz@gmail.com", "ayse.yilmaz@gmail.com", "[E-Mail]"),
    ("пишите на olena@ukr.net", "olena@ukr.net", "[E-Mail]"),
    # German phone formats
    ("Rufen Sie mich an: +49 176 1234567", "176 1234567", "[Telefon]"),
    ("Telefon 0049 30 1234567 abends", "0049 30 1234567", "[Telefon]"),
    ("Handy 0176 1234567", "0176 1234567", "[Telefon]"),
    ("Tel. 030-1234567", "030-1234567", "[Telefon]"),
    ("Tel.: (030) 123 45 67", "123 45 67", "[Telefon]"),
    ("0176/12345678 ist meine Nummer", "0176/12345678", "[Telefon]"),
    ("+4917612345678", "17612345678", "[Telefon]"),
    ("call me at +44 20 7946 0958", "7946 0958", "[Telefon]"),
    # IBAN
    ("Spenden an DE89 3704 0044 0532 0130 00 bitte", "3704 0044", "[IBAN]"),
    ("IBAN DE89370400440532013000", "DE89370400440532013000", "[IBAN]"),
    # Links
    ("siehe https://example.org/mein-profil?id=7", "example.org", "[Link]"),
    ("www.meine-seite.de", "meine-seite", "[Link]"),
    # Street addresses
    ("Ich wohne in der Hauptstraße 12 im 3. Stock", "Hauptstraße 12", "[Adresse]"),
    ("Lindenweg 4a, Hinterhaus", "Lindenweg 4a", "[Adresse]"),
    ("Berliner Str. 5 ist laut", "Berliner Str. 5", "[Adresse]"),
    ("Am Marktplatz 3 gibt es keinen Arzt", "Marktplatz 3", "[Adresse]"),
    ("Karl-Marx-Allee 100", "Karl-Marx-Allee 100", "[Adresse]"),
    ("Goethestrasse 7", "Goethestrasse 7", "[Adresse]"),
    ("Am Hang 5", "Hang 5", "[Adresse]"),
    ("I live at 12 Baker Street", "Baker Street", "[Adresse]"),
    ("Atatürk Caddesi No: 5 Kat 2", "Atatürk Caddesi", "[Adresse]"),
    # Names after cue words
    ("Ich heiße Anna Schmidt und habe zwei Kinder", "Anna Schmidt", "Ich heiße [Name]"),
    ("Mein Name ist Jürgen", "Jürgen", "Mein Name ist [Name]"),
    ("Frau Yılmaz vom Jugendamt war sehr nett", "Yılmaz", "Frau [Name]"),
    ("Herr Dr. Becker hat keine Termine", "Becker", "[Name]"),
    ("Bitte Herrn Özdemir fragen", "Özdemir", "Herrn [Name]"),
    ("My name is John Miller", "John Miller", "My name is [Name]"),
    ("Mrs. Smith helped", "Smith", "[Name]"),
    ("Benim adım Ayşe Yılmaz", "Ayşe", "Benim adım [Name]"),
    ("Elif Hanım çok yardımcı oldu", "Elif", "[Name] Hanım"),
    ("Меня зовут Ольга Петренко", "Ольга", "Меня зовут [Name]"),
    ("Мене звати Олена", "Олена", "Мене звати [Name]"),
    ("Nazywam się Anna Kowalska", "Kowalska", "Nazywam się [Name]"),
    ("اسمي أحمد وأعيش هنا", "أحمد", "اسمي [Name]"),
    ("Viele Grüße, Max", "Max", "[Name]"),
]


@pytest.mark.parametrize("text, secret, expected_fragment", MASKED)
def test_personal_data_is_masked(text, secret, expected_fragment):
    masked = mask_personal_data(text)
    assert secret not in masked
    assert expected_fragment in masked
    assert contains_personal_data(text)


KEPT = [
    "Wir brauchen mehr Spielplätze in der Nordstadt.",
    "Seit 2015 wohne ich hier, die Miete ist um 30 % gestiegen.",
    "Der Bus fährt nur alle 20 Minuten, am 12.03.2024 fiel er ganz aus.",
    "Die Kita kostet 250 Euro im Monat.",
    "Ich bin der Meinung, dass die Frau Bürgermeisterin mehr zuhören sollte.",
    "Frau Doktor ist nie da.",
    "Zwischen 9-17 Uhr habe ich keine Zeit.",
    "Meine Postleitzahl ist 12345.",
    "Es fehlen Ärzte, Hebammen und Kinderärzte.",
    "الحافلة لا تأتي في المساء",
    "Otobüs akşamları gelmiyor.",
    "",
]


@pytest.mark.parametrize("text", KEPT)
def test_ordinary_answers_stay_untouched(text):
    assert mask_personal_data(text) == text


def test_none_becomes_empty_text():
    assert mask_personal_data(None) == ""


def test_several_kinds_in_one_answer_are_all_masked():
    text = ("Ich heiße Maria Lopez, wohne Rosenweg 3, erreichbar unter 0151 2345678 "
            "oder maria@example.com.")
    masked = mask_personal_data(text)
    for secret in ("Maria", "Lopez", "Rosenweg 3", "2345678", "maria@example.com"):
        assert secret not in masked
    assert masked.startswith("Ich heiße [Name]")
