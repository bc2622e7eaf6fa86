"""Survey and guide texts for translators: stable ids, completeness, export and import as files.

Every translatable text of a questionnaire gets an id that survives reordering and other edits:

    survey.title, survey.intro, survey.consent_text, survey.thanks_text
    process.title, process.description   (the process's texts, shared by its surveys and guides)
    rules.<field>, d.<theme id>.reason / .decided_by / .theme_label, m.<measure id>.title
                                         ("what came of it", in survey files only; see outcome_texts)
    s.<section position>.title, s.<section position>.intro
    q.<question code>.text / .help_text / .narrative_prompt / .followup / .scale_min_label / .scale_max_label
    o.<question code>.<option code>.label

Files translators and their tools already use: gettext .po (msgctxt = id, msgid = German, msgstr =
translation, the Language header names the language), XLIFF 1.2 (exported; 1.2 and 2.0 imported; the
target language is checked) and CSV with the columns `id`, `de`, `<language>`.

Import is all or nothing: `import_translations` checks the whole file first and applies no text at all
when it finds an error (unknown id, a placeholder of the German missing in the translation, the wrong
language, an unreadable file, a text too long for its field).

`translation_completeness(questionnaire)` gives {language: (translated, total)} for every offered
language except German; the planning pages and the survey builder show it before a survey is opened.
"""
import csv
import io
import re
from dataclasses import dataclass, field

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po
from lxml import etree

from .i18n import LANGUAGES

FORMATS = {"po": "text/x-gettext-translation", "xliff": "application/x-xliff+xml", "csv": "text/csv"}
FILE_SUFFIXES = {".po": "po", ".xlf": "xliff", ".xliff": "xliff", ".xml": "xliff", ".csv": "csv"}
MAX_UPLOAD_BYTES = 2 * 1024 * 1024
XLIFF12 = "urn:oasis:names:tc:xliff:document:1.2"
XLIFF20 = "urn:oasis:names:tc:xliff:document:2.0"
PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%[sdif]|\{\w*\}")
FIELD_LIMITS = {"title": 300, "label": 500, "scale_min_label": 200, "scale_max_label": 200, "intro": 3000,
                "description": 1000}


@dataclass
class TextUnit:
    """One translatable text: where it lives, its German source and the current translation."""

    id: str
    obj: object
    field: str
    source: str
    target: str
    counted: bool = True   # counts towards the survey's completeness (see outcome_texts)

    @property
    def limit(self) -> int | None:
        return FIELD_LIMITS.get(self.field)


@dataclass
class Problem:
    # unsupported_type, too_large, not_utf8, unreadable, wrong_language, unknown_id, missing_placeholder,
    # too_long; source_changed is only a warning
    code: str
    unit_id: str = ""
    detail: str = ""
    error: bool = True


@dataclass
class ImportReport:
    language: str
    problems: list[Problem] = field(default_factory=list)
    applied: int = 0
    untranslated: int = 0

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.error]

    @property
    def ok(self) -> bool:
        return not self.errors


def text_units(questionnaire, language: str, outcomes: bool = True) -> list[TextUnit]:
    """Every non-empty German text of the questionnaire with its translation into `language`; with `outcomes`
    also the process's "what came of it" texts (see outcome_texts)."""
    units = []

    def add(unit_id: str, obj) -> None:
        for name in obj.TRANSLATABLE_FIELDS:
            source = getattr(obj, name) or ""
            if source.strip():
                target = ((obj.i18n or {}).get(language) or {}).get(name) or ""
                units.append(TextUnit(f"{unit_id}.{name}", obj, name, source, target))

    add("survey", questionnaire)
    if questionnaire.process is not None:  # residents read the process title and description on the start page
        add("process", questionnaire.process)
    for section in questionnaire.sections:
        add(f"s.{section.position}", section)
        for question in section.active_questions:
            add(f"q.{question.code}", question)
            for option in question.active_options:
                add(f"o.{question.code}.{option.code}", option)
    if outcomes and questionnaire.process is not None and questionnaire.kind == "survey":
        outcome_start = len(units)
        for unit_id, obj in outcome_texts(questionnaire.process):
            add(unit_id, obj)
        for unit in units[outcome_start:]:
            unit.counted = False
    return units


def outcome_texts(process) -> list[tuple[str, object]]:
    """The texts of "what came of it" that residents read: rules, decisions on published themes, their measures;
    and the prioritisation rounds with their items.

    They travel in every survey's file of the process but do not count towards a survey's completeness:
    a decision recorded later never takes a language away from residents who are answering.
    """
    from ..outcomes.record import decisions_by_theme, published_themes, rules_of
    from ..priorities.rounds import rounds_of

    texts = []
    rules = rules_of(process)
    if rules is not None:
        texts.append(("rules", rules))
    decisions = decisions_by_theme(process)
    measures = {}
    for theme in published_themes(process):
        decision = decisions.get(theme.id)
        if decision is not None:
            texts.append((f"d.{theme.id}", decision))
            measures.update({measure.id: measure for measure in decision.measures})
    texts.extend((f"m.{measure_id}", measures[measure_id]) for measure_id in sorted(measures))
    for priority_round in rounds_of(process):  # prioritisation rounds and their items, in residents' languages
        texts.append((f"pr.{priority_round.id}", priority_round))
        texts.extend((f"pi.{item.id}", item) for item in priority_round.items)
    return texts


def offered_translation_languages(questionnaire) -> list[str]:
    """The languages a survey is offered in that need translated texts (all but German)."""
    return [code for code in (questionnaire.languages or []) if code in LANGUAGES and code != "de"]


def translation_completeness(questionnaire) -> dict[str, tuple[int, int]]:
    """{language: (translated texts, all texts)} for every offered language except German."""
    result = {}
    for language in offered_translation_languages(questionnaire):
        units = text_units(questionnaire, language, outcomes=False)
        result[language] = (sum(1 for unit in units if unit.target.strip()), len(units))
    return result


def is_complete(completeness: dict, language: str) -> bool:
    done, total = completeness.get(language, (0, 1))
    return done >= total


def resident_languages(questionnaire) -> list[str]:
    """The languages residents are offered: German, every complete translation, and the incomplete ones a
    planner chose to publish anyway (their untranslated texts are shown marked, in German)."""
    completeness = translation_completeness(questionnaire)
    published = set(questionnaire.incomplete_languages_published or [])
    offered = [code for code in (questionnaire.languages or []) if code in LANGUAGES and (
        code == "de" or code in published or is_complete(completeness, code))]
    return offered or ["de"]


def published_incomplete(questionnaire, language: str) -> bool:
    """Residents read this language although some of its texts are still German."""
    return language in (questionnaire.incomplete_languages_published or []) and not is_complete(
        translation_completeness(questionnaire), language)


# --- export -------------------------------------------------------------------------------------

def export_file(questionnaire, language: str, file_format: str) -> bytes:
    units = text_units(questionnaire, language)
    exporter = {"po": _export_po, "xliff": _export_xliff, "csv": _export_csv}[file_format]
    return exporter(questionnaire, language, units)


def export_filename(questionnaire, language: str, file_format: str) -> str:
    suffix = {"po": "po", "xliff": "xlf", "csv": "csv"}[file_format]
    return f"{questionnaire.kind}-{questionnaire.id}-{language}.{suffix}"


def _export_po(questionnaire, language, units) -> bytes:
    catalog = Catalog(locale=None, project=f"{questionnaire.kind}-{questionnaire.id}", charset="utf-8",
                      fuzzy=False, header_comment=f"# {questionnaire.title}\n# msgctxt: text id, msgid: German, "
                                                  f"msgstr: translation ({language})")
    catalog._locale_identifier = language
    for unit in units:
        catalog.add(unit.source, unit.target, context=unit.id, auto_comments=[unit.field])
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=0, omit_header=False)
    return buffer.getvalue()


def _export_xliff(questionnaire, language, units) -> bytes:
    root = etree.Element("xliff", nsmap={None: XLIFF12}, version="1.2")
    file_element = etree.SubElement(root, "file", {
        "original": f"{questionnaire.kind}-{questionnaire.id}", "source-language": "de",
        "target-language": language, "datatype": "plaintext"})
    body = etree.SubElement(file_element, "body")
    for unit in units:
        trans_unit = etree.SubElement(body, "trans-unit", id=unit.id)
        trans_unit.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        etree.SubElement(trans_unit, "source").text = unit.source
        target = etree.SubElement(trans_unit, "target")
        target.text = unit.target
        if not unit.target:
            target.set("state", "needs-translation")
        etree.SubElement(trans_unit, "note").text = unit.field
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _export_csv(questionnaire, language, units) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["id", "de", language])
    for unit in units:
        writer.writerow([unit.id, unit.source, unit.target])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")  # the BOM lets spreadsheet programs read UTF-8


# --- import -------------------------------------------------------------------------------------

@dataclass
class ParsedFile:
    language: str | None
    entries: dict[str, tuple[str, str]]   # id -> (German source as the file has it, translation)


class UnreadableFile(ValueError):
    pass


def detect_format(filename: str, data: bytes) -> str | None:
    """The format by the file's suffix; None for anything else."""
    name = (filename or "").lower()
    return next((fmt for suffix, fmt in FILE_SUFFIXES.items() if name.endswith(suffix)), None)


def parse_file(file_format: str, data: bytes) -> ParsedFile:
    parser = {"po": _parse_po, "xliff": _parse_xliff, "csv": _parse_csv}[file_format]
    try:
        return parser(data)
    except UnreadableFile:
        raise
    except Exception as error:  # every parser error means the same to a planner: not a readable file
        raise UnreadableFile(str(error)[:200]) from error


def _parse_po(data: bytes) -> ParsedFile:
    catalog = read_po(io.BytesIO(data), abort_invalid=True)
    language = next((value.strip() for name, value in catalog.mime_headers if name.lower() == "language"), None)
    entries = {}
    for message in catalog:
        if not message.id:
            continue
        if not message.context:
            raise UnreadableFile("entry without msgctxt")
        target = message.string if isinstance(message.string, str) else ""
        entries[message.context] = (message.id, "" if message.fuzzy else target)
    return ParsedFile(language or None, entries)


def _xml(data: bytes):
    """Parse without entities, DTDs or network: a translation file never needs them."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)
    root = etree.fromstring(data, parser)
    if root.getroottree().docinfo.doctype:
        raise UnreadableFile("DOCTYPE declarations are not allowed")
    return root


def _text_of(element) -> str:
    return "".join(element.itertext()) if element is not None else ""


def _parse_xliff(data: bytes) -> ParsedFile:
    root = _xml(data)
    namespace = etree.QName(root).namespace
    entries = {}
    if namespace == XLIFF20:
        language = root.get("trgLang")
        for unit in root.iter(f"{{{XLIFF20}}}unit"):
            segments = unit.findall(f"{{{XLIFF20}}}segment")
            source = "".join(_text_of(s.find(f"{{{XLIFF20}}}source")) for s in segments)
            target = "".join(_text_of(s.find(f"{{{XLIFF20}}}target")) for s in segments)
            entries[unit.get("id") or ""] = (source, target)
        return ParsedFile(language, entries)
    if namespace not in (XLIFF12, None) or etree.QName(root).localname != "xliff":
        raise UnreadableFile("not an XLIFF document")
    prefix = f"{{{namespace}}}" if namespace else ""
    languages = {f.get("target-language") for f in root.iter(f"{prefix}file")} - {None}
    if len(languages) > 1:
        raise UnreadableFile("several target languages")
    for unit in root.iter(f"{prefix}trans-unit"):
        target_element = unit.find(f"{prefix}target")
        entries[unit.get("id") or ""] = (_text_of(unit.find(f"{prefix}source")), _text_of(target_element))
    return ParsedFile(next(iter(languages), None), entries)


def _parse_csv(data: bytes) -> ParsedFile:
    text = data.decode("utf-8-sig")
    dialect = csv.Sniffer().sniff(text.splitlines()[0], delimiters=",;\t") if text.strip() else csv.excel
    rows = list(csv.reader(io.StringIO(text), dialect))
    if not rows or len(rows[0]) < 3 or rows[0][0].strip().lower() != "id":
        raise UnreadableFile("the first row must be: id, de, <language>")
    language = rows[0][2].strip() or None
    entries = {}
    for row in rows[1:]:
        if not any(cell.strip() for cell in row):
            continue
        row = (row + ["", "", ""])[:3]
        entries[row[0].strip()] = (row[1], row[2])
    return ParsedFile(language, entries)


def _same_language(file_language: str | None, language: str) -> bool:
    if not file_language:
        return True
    normalised = file_language.strip().lower().replace("_", "-")
    if language == "de-easy":
        return normalised == "de-easy"
    return normalised.split("-")[0] == language


def placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text or ""))


def check_import(questionnaire, language: str, filename: str, data: bytes) -> tuple[ImportReport, list]:
    """Check a file completely; return the report and the (unit, translation) pairs it would apply."""
    report = ImportReport(language)
    file_format = detect_format(filename, data)
    if file_format is None:
        report.problems.append(Problem("unsupported_type", detail=filename or ""))
        return report, []
    if len(data) > MAX_UPLOAD_BYTES:
        report.problems.append(Problem("too_large"))
        return report, []
    try:
        parsed = parse_file(file_format, data)
    except UnreadableFile as error:
        if isinstance(error.__cause__, UnicodeDecodeError):
            report.problems.append(Problem("not_utf8"))
            return report, []
        report.problems.append(Problem("unreadable", detail=str(error)))
        return report, []
    if not _same_language(parsed.language, language):
        report.problems.append(Problem("wrong_language", detail=parsed.language or ""))
    units = {unit.id: unit for unit in text_units(questionnaire, language)}
    changes = []
    for unit_id, (source, target) in parsed.entries.items():
        unit = units.get(unit_id)
        if unit is None:
            report.problems.append(Problem("unknown_id", unit_id))
            continue
        target = target.strip()
        if not target:
            report.untranslated += 1
            continue
        lacking = placeholders(unit.source) - placeholders(target)
        if lacking:
            report.problems.append(Problem("missing_placeholder", unit_id, ", ".join(sorted(lacking))))
            continue
        if unit.limit and len(target) > unit.limit:
            report.problems.append(Problem("too_long", unit_id, str(unit.limit)))
            continue
        if source.strip() and source.strip() != unit.source.strip():
            report.problems.append(Problem("source_changed", unit_id, error=False))
        if target != unit.target:
            changes.append((unit, target))
    return report, changes


def import_translations(questionnaire, language: str, filename: str, data: bytes) -> ImportReport:
    """Apply a translator's file if, and only if, it has no errors. The caller commits."""
    report, changes = check_import(questionnaire, language, filename, data)
    if report.ok:
        for unit, target in changes:
            unit.obj.set_text(unit.field, language, target)
        report.applied = len(changes)
    return report
