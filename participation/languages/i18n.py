"""Languages the platform speaks, and how the language of a request is chosen."""
from dataclasses import dataclass

from flask import g, request, session


@dataclass(frozen=True)
class Language:
    code: str          # content language code (survey translations are keyed by it)
    native_name: str   # shown in the language switch, always in the language itself
    ui_locale: str     # gettext catalogue / Babel locale for the interface
    rtl: bool = False
    html_lang: str = ""

    @property
    def direction(self) -> str:
        return "rtl" if self.rtl else "ltr"

    @property
    def lang_attribute(self) -> str:
        return self.html_lang or self.code


LANGUAGES: dict[str, Language] = {lang.code: lang for lang in (
    Language("de", "Deutsch", "de"),
    Language("de-easy", "Einfache Sprache", "de", html_lang="de"),
    Language("en", "English", "en"),
    Language("tr", "Türkçe", "tr"),
    Language("ar", "العربية", "ar", rtl=True),
    Language("ru", "Русский", "ru"),
    Language("uk", "Українська", "uk"),
    Language("pl", "Polski", "pl"),
    Language("fa", "فارسی", "fa", rtl=True),
)}

DEFAULT_LANGUAGE = "de"
UI_LOCALES = sorted({lang.ui_locale for lang in LANGUAGES.values()})


def language(code: str | None) -> Language:
    return LANGUAGES.get(code or DEFAULT_LANGUAGE, LANGUAGES[DEFAULT_LANGUAGE])


def offered_languages(codes) -> list[Language]:
    """Known languages in the given order, German first when offered."""
    return [LANGUAGES[c] for c in codes if c in LANGUAGES]


def current_language() -> Language:
    """The content language of this request (see select_content_language)."""
    return language(getattr(g, "content_language", None) or select_content_language())


def select_content_language(offered=None) -> str:
    """Explicit choice (session) → the offered list → the browser's Accept-Language → German."""
    offered = list(offered or getattr(g, "offered_languages", None) or LANGUAGES)
    chosen = request.args.get("lang") or session.get("lang")
    if chosen in LANGUAGES and chosen in offered:
        return chosen
    browser = request.accept_languages.best_match([c for c in offered if c != "de-easy"])
    if browser:
        return browser
    return DEFAULT_LANGUAGE if DEFAULT_LANGUAGE in offered else (offered[0] if offered else DEFAULT_LANGUAGE)


def requested_language() -> str | None:
    """The language the resident asked for: an explicit choice, else the browser's language (None: German)."""
    chosen = request.args.get("lang") or session.get("lang")
    if chosen in LANGUAGES:
        return chosen
    return request.accept_languages.best_match([c for c in LANGUAGES if c != "de-easy"])


def select_ui_locale() -> str:
    """Flask-Babel's locale selector: the UI locale of the content language."""
    code = select_content_language()
    g.content_language = code
    return language(code).ui_locale


def offer_languages(codes) -> Language:
    """Views showing a survey call this with its language list before rendering (None: every language).

    The interface and content language are chosen again from that list (Flask-Babel caches the
    locale per request, so it is refreshed here); returns the language the page will be shown in.
    """
    from flask_babel import refresh

    g.offered_languages = ([code for code in codes if code in LANGUAGES] or [DEFAULT_LANGUAGE]) \
        if codes is not None else None
    g.content_language = select_content_language(g.offered_languages)
    refresh()
    return language(g.content_language)


def request_translations():
    """Flask-Babel's translations for this request, looked up once per locale instead of for every string.

    Flask-Babel finds the catalogue again on every gettext call (context, locale, a string key per call);
    a page calls it dozens of times. The cache sits beside Flask-Babel's own locale and follows it when
    `refresh()` picks another locale (see offer_languages).
    """
    from flask_babel import get_translations

    state = g.get("_flask_babel") if g else None
    if state is not None:
        cached = getattr(state, "translations_of_locale", None)
        if cached is not None and cached[0] is getattr(state, "babel_locale", None):
            return cached[1]
    translations = get_translations()
    state = g.get("_flask_babel") if g else None
    if state is not None and getattr(state, "babel_locale", None) is not None:
        state.translations_of_locale = (state.babel_locale, translations)
    return translations
