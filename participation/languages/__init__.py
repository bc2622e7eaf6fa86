"""The languages the platform speaks: choosing a request's language, display names, translation files.

Modules:
* `i18n` — the languages (with RTL and easy German) and the choice of content and interface language
  per request (session → survey → Accept-Language → German).
* `labels` — display names of stored codes (channels, phases, languages) in the reader's language.
* `translation_files` — survey and guide texts with stable ids, completeness, and PO/XLIFF/CSV files.

The language of a free-text answer is detected by `analysis.languages.detect_language`, the one detector.
"""
