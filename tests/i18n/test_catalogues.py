"""Every interface message has a translation in every catalogue, with the same placeholders."""
import pytest

from scripts import translations as catalogues


@pytest.fixture(scope="module")
def template():
    return catalogues.fresh_template()


def test_every_message_in_code_and_templates_is_translated_in_every_catalogue(template):
    gaps = catalogues.missing(template)
    report = "\n".join(f"{locale}: {len(messages)} untranslated: {messages[:15]}" for locale, messages in gaps.items())
    assert gaps == {}, "Run scripts/translations.py, then `todo`/`apply`:\n" + report


def test_the_check_notices_a_new_untranslated_message(template):
    from babel.messages.catalog import Catalog
    extended = Catalog()
    for message in template:
        if message.id:
            extended.add(message.id, context=message.context)
    extended.add("Eine ganz neue Meldung, die noch niemand übersetzt hat")
    gaps = catalogues.missing(extended)
    assert set(gaps) == set(catalogues.LOCALES)
    assert all("Eine ganz neue Meldung, die noch niemand übersetzt hat" in lacking for lacking in gaps.values())


@pytest.mark.parametrize("locale", catalogues.LOCALES)
def test_translations_keep_the_placeholders_of_the_german(locale):
    wrong = []
    for message in catalogues.read_catalogue(locale):
        if not message.id or not message.string:
            continue
        sources = message.id if isinstance(message.id, (tuple, list)) else (message.id,)
        strings = message.string if isinstance(message.string, (tuple, list)) else (message.string,)
        for text in strings:
            if text and catalogues.placeholders(text) != catalogues.placeholders(sources[0]):
                wrong.append((sources[0], text))
    assert wrong == []


def test_todo_and_apply_round_trip_a_filled_entry(tmp_path, monkeypatch):
    import shutil
    copy = tmp_path / "translations"
    shutil.copytree(catalogues.TRANSLATIONS, copy, ignore=shutil.ignore_patterns("*.mo"))
    monkeypatch.setattr(catalogues, "TRANSLATIONS", copy)
    catalog = catalogues.read_catalogue("tr")
    message = next(m for m in catalog if m.id == "Willkommen, %(name)s")
    message.string = ""
    catalogues.write_catalogue("tr", catalog)

    pending = catalogues.todo()
    assert pending["Willkommen, %(name)s"] == {"tr": ""}

    problems = catalogues.apply({"Willkommen, %(name)s": {"tr": "Hoş geldiniz, %(nme)s"}})
    assert problems and "placeholders" in problems[0]
    assert catalogues.apply({"Willkommen, %(name)s": {"tr": "Hoş geldiniz, %(name)s"}}) == []
    assert "Willkommen, %(name)s" not in catalogues.todo()
