"""Finding German interface text left on a page shown in another language."""
from scripts import translations as catalogues


def german_interface_texts(locale: str) -> set[str]:
    """German messages not spelled the same in the language (seeing one means it is untranslated)."""
    if locale == "de":
        return set()
    catalog = catalogues.read_catalogue(locale)
    return {message.id for message in catalog if isinstance(message.id, str) and len(message.id) > 3
            and message.string != message.id}
