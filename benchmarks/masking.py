"""Recall and precision of the personal-data masking on a hand-labelled set in eight languages.

    .venv/bin/python benchmarks/masking.py [--show-misses]

The set (benchmarks/data/masking_labelled.tsv) marks personal data as {{kind:text}}. A marked span counts
as found when every letter and digit of it is masked; a masked span counts as right when it overlaps a
marked one. Letter-level figures count letters and digits. Lines without marks must stay untouched.
"""
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from participation.analysis.privacy import find_personal_data  # noqa: E402

DATA = Path(__file__).resolve().parent / "data" / "masking_labelled.tsv"
MARK = re.compile(r"\{\{(\w+):(.+?)\}\}")


def parse(line: str):
    """(language, plain text, [(start, end, kind)]) from one labelled line."""
    language, marked = line.rstrip("\n").split("\t", 1)
    text, gold, position = [], [], 0
    length = 0
    for match in MARK.finditer(marked):
        before = marked[position:match.start()]
        text.append(before)
        length += len(before)
        gold.append((length, length + len(match.group(2)), match.group(1)))
        text.append(match.group(2))
        length += len(match.group(2))
        position = match.end()
    text.append(marked[position:])
    return language, "".join(text), gold


def load():
    return [parse(line) for line in DATA.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def evaluate(rows, show_misses=False):
    found = defaultdict(lambda: [0, 0])          # kind -> [found, total]
    by_language = defaultdict(lambda: [0, 0, 0, 0])  # language -> [found, gold, right, predicted]
    right = predicted = 0
    letters = {"tp": 0, "fp": 0, "fn": 0}
    clean_lines = [0, 0]
    started = time.perf_counter()
    for language, text, gold in rows:
        spans = find_personal_data(text)
        masked = set()
        for span in spans:
            masked.update(range(span.start, span.end))
        gold_chars = set()
        for start, end, kind in gold:
            gold_chars.update(range(start, end))
            hidden = all(i in masked for i in range(start, end) if text[i].isalnum())
            found[kind][0] += hidden
            found[kind][1] += 1
            by_language[language][0] += hidden
            by_language[language][1] += 1
            if show_misses and not hidden:
                print(f"  missed {kind:8} [{language}] {text[start:end]!r} in {text!r}")
        for span in spans:
            ok = any(span.start < end and start < span.end for start, end, _kind in gold)
            right += ok
            predicted += 1
            by_language[language][2] += ok
            by_language[language][3] += 1
            if show_misses and not ok:
                print(f"  wrong   {span.kind:8} [{language}] {text[span.start:span.end]!r} in {text!r}")
        alnum = {i for i, ch in enumerate(text) if ch.isalnum()}
        letters["tp"] += len(alnum & masked & gold_chars)
        letters["fp"] += len((alnum & masked) - gold_chars)
        letters["fn"] += len((alnum & gold_chars) - masked)
        if not gold:
            clean_lines[0] += not spans
            clean_lines[1] += 1
    seconds = time.perf_counter() - started
    return found, by_language, right, predicted, letters, clean_lines, seconds


def ratio(part, whole):
    return part / whole if whole else float("nan")


def main():
    rows = load()
    found, by_language, right, predicted, letters, clean, seconds = evaluate(rows, "--show-misses" in sys.argv)
    gold_total = sum(total for _found, total in found.values())
    gold_found = sum(hit for hit, _total in found.values())
    print(f"masking benchmark: {len(rows)} lines, {gold_total} marked spans, {clean[1]} lines without personal data")
    print(f"span recall    {ratio(gold_found, gold_total):.3f}  ({gold_found}/{gold_total})")
    print(f"span precision {ratio(right, predicted):.3f}  ({right}/{predicted})")
    letter_recall = ratio(letters["tp"], letters["tp"] + letters["fn"])
    letter_precision = ratio(letters["tp"], letters["tp"] + letters["fp"])
    print(f"letter recall  {letter_recall:.3f}   letter precision {letter_precision:.3f}")
    print(f"lines without personal data left untouched: {ratio(*clean):.3f} ({clean[0]}/{clean[1]})")
    print("recall by kind:  " + "  ".join(f"{kind} {ratio(*found[kind]):.2f} ({found[kind][1]})"
                                          for kind in sorted(found)))
    print("by language (recall / precision):")
    for language in ("de", "en", "tr", "ar", "ru", "uk", "pl", "fa"):
        hit, gold, ok, made = by_language[language]
        print(f"  {language}  {ratio(hit, gold):.2f} / {ratio(ok, made):.2f}   ({gold} spans)")
    print(f"{len(rows) / seconds:,.0f} lines per second")


if __name__ == "__main__":
    main()
