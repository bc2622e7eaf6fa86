"""Theme keywords and labels are built from masked text: no name, address or contact detail that the
masking removes reaches a keyword, label or export (issue 13, item 5)."""
import hashlib

import numpy as np
import pytest

from participation.analysis import cluster_texts
from participation.extensions import db
from participation.models import Theme
from participation.privacy.masking import mask_personal_data
from participation.surveys.answering import store_response

PLAYGROUND = ["Ich bin Max Mustermann, der Spielplatz ist kaputt und die Schaukel fehlt.",
              "Max Mustermann hier: Spielplatz kaputt, Rutsche gesperrt.",
              "mein name ist max mustermann, der spielplatz ist seit monaten kaputt",
              "Der Spielplatz an der Hauptstraße 5 ist kaputt, schreiben Sie max (at) example (dot) org",
              "Spielplatz kaputt, Grüße Max Mustermann, @max_muster",
              "Ich bin Max Mustermann: auf dem Spielplatz liegen Scherben."]
BUS = ["Anna Müller sagt: der Bus kommt abends nie, Hauptstraße 5.",
       "Ich heiße Anna, der Bus fährt zu selten, Hauptstraße 5.",
       "Der Bus kommt nie pünktlich, Anna Müller, Hauptstraße 5",
       "Anna hier, Hauptstraße 5: der Bus fällt oft aus.",
       "Bus viel zu selten, Gruß Anna Müller, Hauptstraße 5",
       "Anna Müller, Hauptstraße 5 – abends kein Bus mehr."]
LEAKS = ("max", "mustermann", "anna", "müller", "hauptstraße", "example", "muster")


def fake_embeddings(texts, languages=None, embedder=None):
    """Two clear topics (playground, bus) with a little per-text noise: fast and deterministic."""
    rows = []
    for text in texts:
        base = np.zeros(512, dtype=np.float32)
        base[0 if "spielplatz" in text.lower() else 1] = 1.0
        seed = int(hashlib.sha256(text.encode()).hexdigest()[:8], 16)
        rows.append(base + np.random.default_rng(seed).normal(0, 0.05, 512).astype(np.float32))
    return np.vstack(rows) if rows else np.zeros((0, 512), dtype=np.float32)


def leaked(words) -> list[str]:
    return [word for word in words if any(secret in word.lower() for secret in LEAKS)]


@pytest.mark.parametrize("text, secret", [
    ("Ich bin Max Mustermann", "Mustermann"),
    ("mein name ist anna müller", "müller"),
    ("max (at) example (dot) org", "example"),
    ("@max_muster", "max_muster"),
])
def test_the_masking_covers_what_the_probe_found(text, secret):
    assert secret not in mask_personal_data(text)


def test_keywords_and_labels_come_from_masked_text():
    texts = PLAYGROUND + BUS
    result = cluster_texts(texts, ["de"] * len(texts), n_themes=2, embeddings=fake_embeddings(texts))
    assert len(result.themes) == 2
    for theme in result.themes:
        assert not leaked(theme.keywords), theme.keywords
        assert not leaked(theme.label.split(", ")), theme.label
        assert not leaked(kw for words in theme.keywords_by_language.values() for kw in words)


def test_stored_themes_of_an_analysis_hold_no_personal_data(survey, process, monkeypatch):
    import participation.analysis as analysis
    from participation.themes.runs import analyse_in_this_process
    monkeypatch.setattr(analysis, "embed_texts", fake_embeddings)
    for number, text in enumerate(PLAYGROUND + BUS):
        store_response(survey, {"district": "Hafen", "children": False, "missing": text},
                       submission_id=f"masked-{number:04d}", consent=True)
    db.session.commit()
    run = analyse_in_this_process(process)
    assert run.status == "done"
    themes = db.session.execute(db.select(Theme).filter_by(process_id=process.id)).scalars().all()
    assert themes
    for theme in themes:
        assert not leaked(theme.keywords or []) and not leaked([theme.label])
