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
        strings = message.string if isinstance(message.string, (tuple, list)) else (message.string,)
        wrong += [(message.id, text) for text in strings
                  if text and not catalogues.keeps_placeholders(message.id, text)]
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


def test_pending_translations_fill_only_messages_the_code_has(tmp_path, monkeypatch):
    import shutil
    copy = tmp_path / "translations"
    shutil.copytree(catalogues.TRANSLATIONS, copy, ignore=shutil.ignore_patterns("*.mo"))
    monkeypatch.setattr(catalogues, "TRANSLATIONS", copy)
    catalog = catalogues.read_catalogue("pl")
    message = next(m for m in catalog if m.id == "Abmelden")
    message.string = ""
    catalogues.write_catalogue("pl", catalog)
    pending = {"Abmelden": {"pl": "Wyloguj", "en": "Sign out"}, "Noch nicht im Code": {"pl": "Jeszcze nie"}}
    assert catalogues.apply(pending, only_existing=True) == []
    assert catalogues.read_catalogue("pl").get("Abmelden").string == "Wyloguj"
    assert catalogues.read_catalogue("en").get("Abmelden").string == "Log out"  # kept, not overwritten


def test_a_template_the_extractor_cannot_read_fails_loudly(tmp_path, monkeypatch):
    """Babel's Jinja extractor skips unparsable templates silently unless told otherwise."""
    import shutil
    tree = tmp_path / "tree"
    (tree / "participation" / "templates").mkdir(parents=True)
    (tree / "translations").mkdir()
    shutil.copy(catalogues.TRANSLATIONS / "babel.cfg", tree / "translations" / "babel.cfg")
    (tree / "participation" / "templates" / "broken.html").write_text('{{ _("Hallo") }}{% unknown_tag %}')
    monkeypatch.setattr(catalogues, "ROOT", tree)
    monkeypatch.setattr(catalogues, "TRANSLATIONS", tree / "translations")
    with pytest.raises(RuntimeError, match="extraction failed"):
        catalogues.extract(tmp_path / "out.pot")
