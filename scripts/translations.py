"""Keep the gettext catalogues in step with the code: extract, update every language, fill German.

    .venv/bin/python scripts/translations.py                 # extract + update + compile
    .venv/bin/python scripts/translations.py --check         # exit 1 if any catalogue lacks a translation
    .venv/bin/python scripts/translations.py todo [FILE]     # untranslated entries as JSON to fill in
    .venv/bin/python scripts/translations.py apply FILE      # write a filled JSON back into the catalogues

The JSON of `todo` and `apply` is grouped by message, so a translator fills every language of one
message at once:  {"<msgid>": {"en": "", "tr": "", ...}, ...}. A message with a context is keyed
"<context>\\u0004<msgid>" (the gettext convention); a plural message takes a list per language.
`apply` accepts the same shape (or {"<locale>": {"<msgid>": "..."}}), skips empty strings, refuses
translations whose placeholders differ from the German, and never touches the .pot file.

translations/pending.json (and every translations/pending/*.json, one per branch so parallel branches
never conflict) holds translations made ahead for messages of branches not merged yet;
every plain run fills untranslated entries from it once their messages appear in the code.
"""
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "translations"
POT = TRANSLATIONS / "messages.pot"
PENDING = TRANSLATIONS / "pending.json"
LOCALES = ("de", "en", "tr", "ar", "ru", "uk", "pl", "fa")
TRANSLATED_LOCALES = tuple(locale for locale in LOCALES if locale != "de")
PYBABEL = [sys.executable, "-m", "babel.messages.frontend"]
CONTEXT_SEPARATOR = "\u0004"
PLACEHOLDER = re.compile(r"%\((\w+)\)[sdif]|%[sdif]|\{(\w*)\}")


def pending_files() -> list[Path]:
    """translations/pending.json first, then the per-branch files in translations/pending/ by name."""
    return ([PENDING] if PENDING.exists() else []) + sorted((TRANSLATIONS / "pending").glob("*.json"))


def catalogue_path(locale: str) -> Path:
    return TRANSLATIONS / locale / "LC_MESSAGES" / "messages.po"


def extract(output: Path = POT) -> None:
    """Extract every message; a template the extractor cannot parse is an error (babel.cfg: silent = false)."""
    result = subprocess.run(PYBABEL + ["extract", "-F", str(TRANSLATIONS / "babel.cfg"), "-k", "lazy_gettext",
                                       "-k", "_l", "-o", str(output), "--no-location", "--sort-output",
                                       "--project", "participation", "--omit-header", "--no-wrap",
                                       str(ROOT / "participation")], cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError("message extraction failed:\n" + result.stderr[-3000:])


def update() -> None:
    for locale in LOCALES:
        po = catalogue_path(locale)
        action = "update" if po.exists() else "init"
        extra = ["--no-fuzzy-matching", "--ignore-obsolete", "--no-wrap"] if action == "update" else []
        subprocess.run(PYBABEL + [action, "-i", str(POT), "-d", str(TRANSLATIONS), "-l", locale] + extra,
                       check=True, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _fill_german()


def read_catalogue(locale: str):
    with catalogue_path(locale).open("rb") as handle:
        return read_po(handle, locale=locale)


def write_catalogue(locale: str, catalog) -> None:
    with catalogue_path(locale).open("wb") as handle:
        write_po(handle, catalog, width=0, omit_header=False)


def _fill_german() -> None:
    """German is the source language: its catalogue repeats every message."""
    catalog = read_catalogue("de")
    for message in catalog:
        if message.id and not _is_translated(message):
            message.string = message.id
            message.flags.discard("fuzzy")
    write_catalogue("de", catalog)


def _is_translated(entry) -> bool:
    if entry is None or entry.fuzzy:
        return False
    strings = entry.string
    if isinstance(strings, (tuple, list)):
        return all(strings)
    return bool(strings)


def read_template(path: Path = POT):
    with path.open("rb") as handle:
        return read_po(handle)


def fresh_template():
    """Extract the messages the code uses right now (without touching messages.pot)."""
    with tempfile.TemporaryDirectory() as directory:
        output = Path(directory) / "messages.pot"
        extract(output)
        return read_template(output)


def missing(template=None) -> dict[str, list[str]]:
    """Messages of the template without a translation, per locale."""
    template = template if template is not None else read_template()
    gaps = {}
    for locale in LOCALES:
        if not catalogue_path(locale).exists():
            gaps[locale] = ["<no catalogue>"]
            continue
        catalog = read_catalogue(locale)
        lacking = [_singular(message.id) for message in template
                   if message.id and not _is_translated(catalog.get(message.id, message.context))]
        if lacking:
            gaps[locale] = lacking
    return gaps


def _singular(message_id) -> str:
    return message_id if isinstance(message_id, str) else message_id[0]


def _key(message) -> str:
    singular = _singular(message.id)
    return f"{message.context}{CONTEXT_SEPARATOR}{singular}" if message.context else singular


def placeholders(text: str) -> set[str]:
    """Named and positional placeholders (%(name)s, %s, {name}) a translation must keep."""
    return {match.group(0) for match in PLACEHOLDER.finditer(text or "")}


def keeps_placeholders(message_id, text: str) -> bool:
    """A translation uses only the German's placeholders and drops none (plural forms may drop the count)."""
    if isinstance(message_id, str):
        return placeholders(text) == placeholders(message_id)
    expected = set().union(*(placeholders(source) for source in message_id))
    counts = {"%(num)d", "%(count)d", "%(n)d", "%(num)s", "%(count)s", "%(n)s"}
    return placeholders(text) <= expected and placeholders(message_id[0]) - counts <= placeholders(text)


def todo(locales=TRANSLATED_LOCALES) -> dict[str, dict[str, object]]:
    """Every untranslated entry, grouped by message: {key: {locale: "" or [..plural..]}}."""
    pending: dict[str, dict[str, object]] = {}
    for locale in locales:
        catalog = read_catalogue(locale)
        for message in catalog:
            if message.id and not _is_translated(message):
                empty = [""] * len(message.string) if isinstance(message.string, (tuple, list)) else ""
                pending.setdefault(_key(message), {})[locale] = empty
    return dict(sorted(pending.items()))


def _by_locale(filled: dict) -> dict[str, dict[str, object]]:
    """Accept both message-first and locale-first JSON."""
    if filled and all(key in LOCALES for key in filled):
        return filled
    result: dict[str, dict[str, object]] = {}
    for key, per_locale in filled.items():
        for locale, text in per_locale.items():
            result.setdefault(locale, {})[key] = text
    return result


def apply(filled: dict, only_existing: bool = False) -> list[str]:
    """Write filled translations into the catalogues; return the problems (those entries are skipped).

    With only_existing, entries for messages the code does not (yet) have are skipped silently and
    translations already in a catalogue are kept.
    """
    problems = []
    for locale, entries in _by_locale(filled).items():
        if locale not in LOCALES:
            problems.append(f"{locale}: unknown locale")
            continue
        catalog = read_catalogue(locale)
        for key, text in entries.items():
            context, _, message_id = key.rpartition(CONTEXT_SEPARATOR)
            message = next((m for m in catalog if m.id and _singular(m.id) == message_id
                            and (m.context or "") == context), None)
            if message is None:
                if not only_existing:
                    problems.append(f"{locale}: no entry {message_id!r}")
                continue
            if not text or (isinstance(text, list) and not all(text)):
                continue
            if only_existing and _is_translated(message):
                continue
            plural = isinstance(message.id, (tuple, list))
            if plural != isinstance(text, list) or (plural and len(text) != catalog.num_plurals):
                problems.append(f"{locale}: {message_id!r} needs {catalog.num_plurals if plural else 1} form(s)")
                continue
            texts = text if isinstance(text, list) else [text]
            if not all(keeps_placeholders(message.id, t) for t in texts):
                problems.append(f"{locale}: placeholders differ in {message_id!r}")
                continue
            message.string = tuple(texts) if isinstance(message.id, (tuple, list)) else texts[0]
            message.flags.discard("fuzzy")
        write_catalogue(locale, catalog)
    return problems


def compile_catalogues() -> None:
    subprocess.run(PYBABEL + ["compile", "-d", str(TRANSLATIONS)], check=True, cwd=ROOT,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def refresh() -> None:
    """Extract, update every catalogue, fill from pending.json, compile."""
    extract()
    update()
    for pending_file in pending_files():
        for problem in apply(json.loads(pending_file.read_text(encoding="utf-8")), only_existing=True):
            print(f"{pending_file.name}: {problem}", file=sys.stderr)
    compile_catalogues()


def main(arguments: list[str]) -> int:
    if arguments[:1] == ["todo"]:
        refresh()
        text = json.dumps(todo(), ensure_ascii=False, indent=1)
        if len(arguments) > 1:
            Path(arguments[1]).write_text(text + "\n", encoding="utf-8")
        else:
            print(text)
        return 0
    if arguments[:1] == ["apply"]:
        problems = apply(json.loads(Path(arguments[1]).read_text(encoding="utf-8")))
        for problem in problems:
            print(problem, file=sys.stderr)
        compile_catalogues()
        return 1 if problems else 0
    if "--check" in arguments:
        extract()
        gaps = missing()
        for locale, messages in gaps.items():
            print(f"{locale}: {len(messages)} missing, e.g. {messages[:3]}")
        return 1 if gaps else 0
    refresh()
    for locale, messages in missing().items():
        print(f"{locale}: {len(messages)} untranslated")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
