"""Keep the gettext catalogues in step with the code: extract, update every language, fill German.

    .venv/bin/python scripts/translations.py          # extract + update + compile
    .venv/bin/python scripts/translations.py --check  # exit 1 if any catalogue lacks a translation
"""
import subprocess
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "translations"
POT = TRANSLATIONS / "messages.pot"
LOCALES = ("de", "en", "tr", "ar", "ru", "uk", "pl", "fa")
PYBABEL = [sys.executable, "-m", "babel.messages.frontend"]


def extract() -> None:
    subprocess.run(PYBABEL + ["extract", "-F", str(TRANSLATIONS / "babel.cfg"), "-k", "lazy_gettext", "-k", "_l",
                              "-o", str(POT), "--no-location", "--sort-output", "--project", "participation",
                              "--omit-header", str(ROOT / "participation")], check=True, cwd=ROOT,
                   stdout=subprocess.DEVNULL)


def update() -> None:
    for locale in LOCALES:
        po = TRANSLATIONS / locale / "LC_MESSAGES" / "messages.po"
        action = "update" if po.exists() else "init"
        extra = ["--no-fuzzy-matching", "--ignore-obsolete"] if action == "update" else []
        subprocess.run(PYBABEL + [action, "-i", str(POT), "-d", str(TRANSLATIONS), "-l", locale] + extra,
                       check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    _fill_german()


def _fill_german() -> None:
    """German is the source language: its catalogue repeats every message."""
    path = TRANSLATIONS / "de" / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as handle:
        catalog = read_po(handle, locale="de")
    for message in catalog:
        if message.id and not message.string:
            message.string = message.id
    with path.open("wb") as handle:
        write_po(handle, catalog, width=0, omit_header=False)


def missing() -> dict[str, list[str]]:
    """Messages of the template without a translation, per locale."""
    with POT.open("rb") as handle:
        template = read_po(handle)
    gaps = {}
    for locale in LOCALES:
        path = TRANSLATIONS / locale / "LC_MESSAGES" / "messages.po"
        if not path.exists():
            gaps[locale] = ["<no catalogue>"]
            continue
        with path.open("rb") as handle:
            catalog = read_po(handle, locale=locale)
        lacking = []
        for message in template:
            if not message.id:
                continue
            entry = catalog.get(message.id, message.context)
            strings = entry.string if entry is not None else None
            if isinstance(strings, (tuple, list)):
                ok = entry is not None and all(strings) and not entry.fuzzy
            else:
                ok = entry is not None and bool(strings) and not entry.fuzzy
            if not ok:
                lacking.append(message.id if isinstance(message.id, str) else message.id[0])
        if lacking:
            gaps[locale] = lacking
    return gaps


def compile_catalogues() -> None:
    subprocess.run(PYBABEL + ["compile", "-d", str(TRANSLATIONS)], check=True, cwd=ROOT,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


if __name__ == "__main__":
    extract()
    if "--check" in sys.argv:
        gaps = missing()
        for locale, messages in gaps.items():
            print(f"{locale}: {len(messages)} missing, e.g. {messages[:3]}")
        sys.exit(1 if gaps else 0)
    update()
    compile_catalogues()
    for locale, messages in missing().items():
        print(f"{locale}: {len(messages)} untranslated")
