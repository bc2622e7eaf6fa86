"""Small helpers shared by the models."""
from datetime import datetime, timezone

from sqlalchemy import JSON
from sqlalchemy.types import DateTime, TypeDecorator


# Ids and integer columns are 32-bit on PostgreSQL: larger numbers from URLs, forms or JSON are no rows.
MAX_INTEGER = 2**31 - 1


def as_row_id(value) -> int | None:
    """An id as sent by a client (int or digit string) when it can be a row's id, else None."""
    if isinstance(value, str) and value.strip().isdigit() and len(value.strip()) < 12:
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value <= MAX_INTEGER:
        return None
    return value


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class UTCDateTime(TypeDecorator):
    """Timezone-aware UTC datetimes on every backend (SQLite drops the offset otherwise)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=timezone.utc)
        return value.astimezone(timezone.utc) if value is not None else None

    def process_result_value(self, value, dialect):
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=timezone.utc)
        return value


class Translatable:
    """Mixin for objects whose German texts have translations in the `i18n` column.

    `i18n` maps language code -> field name -> text. German lives in the plain columns
    and is the fallback for every language.
    """

    TRANSLATABLE_FIELDS: tuple[str, ...] = ()

    def translated(self, field: str, language: str | None = None) -> str:
        return self.text_with_fallback(field, language)[0]

    def text_with_fallback(self, field: str, language: str | None) -> tuple[str, bool]:
        """Return (text, fell_back_to_german) so templates can mark missing translations."""
        german = getattr(self, field) or ""
        if not language or language == "de":
            return german, False
        translated = ((self.i18n or {}).get(language) or {}).get(field)
        if translated:
            return translated, False
        return german, bool(german)

    def set_text(self, field: str, language: str, value: str) -> None:
        if field not in self.TRANSLATABLE_FIELDS:
            raise ValueError(f"{field} is not translatable")
        if language == "de":
            setattr(self, field, value)
            return
        translations = {lang: dict(fields) for lang, fields in (self.i18n or {}).items()}
        if value:
            translations.setdefault(language, {})[field] = value
        else:
            translations.get(language, {}).pop(field, None)
        self.i18n = translations


TRANSLATIONS_COLUMN_TYPE = JSON
