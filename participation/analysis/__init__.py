"""Theme analysis of free-text answers: multilingual clustering into labelled themes.

No Flask or database imports here: plain lists and numpy arrays in and out.
"""

from .cluster import NO_THEME, SpectralThemeClusterer, theme_count_range
from .embed import Embedder, EmbedderUnavailable, embed_texts, get_embedder
from .languages import detect_language, resolve_languages
from .normalise import normalise_texts
from .pipeline import Theme, ThemeResult, cluster_texts
from .privacy import mask_personal_data
from .reduce import LanguageCentering
from .themes import assign_to_themes, majority_destination, match_by_members

__all__ = [
    "Embedder",
    "EmbedderUnavailable",
    "NO_THEME",
    "LanguageCentering",
    "SpectralThemeClusterer",
    "Theme",
    "ThemeResult",
    "assign_to_themes",
    "cluster_texts",
    "detect_language",
    "embed_texts",
    "get_embedder",
    "majority_destination",
    "mask_personal_data",
    "match_by_members",
    "normalise_texts",
    "resolve_languages",
    "theme_count_range",
]
