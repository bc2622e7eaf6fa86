"""Benchmark of participation.analysis theme clustering against BERTopic.

Run with the benchmark venv:  benchmarks/.venv/bin/python benchmarks/themes.py
Scores on SIB-200 (see shared/data/README.md): a mixed-language pool (one
language per sentence id, cycling through the 8 languages) and a German pool,
NMI/ARI against `category`, automatic and given number of themes, BERTopic
(UMAP + HDBSCAN defaults) on the same embeddings. Then embedding throughput and
clustering time/memory for 1k/10k/50k synthetic stored vectors.
"""

import argparse
import csv
import os
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

from participation.analysis import LanguageCentering, SpectralThemeClusterer, cluster_texts, embed_texts

DATA_FILE = "sib200_train_8lang.tsv"
POOL_LANGUAGES = ("de", "en", "tr", "ar", "ru", "uk", "pl", "fa")
GIVEN_THEMES = 7
SEEDS = (0, 1, 2)
LANGUAGE_PURE_SHARE = 0.9


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


def load_pools(path):
    """(texts, languages, categories) for the mixed-language pool and the German pool."""
    with open(path, encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    by_key = {(int(r["index_id"]), r["lang"]): r for r in rows}
    sentence_ids = sorted({int(r["index_id"]) for r in rows})
    mixed = [by_key[(sid, POOL_LANGUAGES[i % len(POOL_LANGUAGES)])] for i, sid in enumerate(sentence_ids)]
    german = [by_key[(sid, "de")] for sid in sentence_ids]

    def columns(pool):
        return [r["text"] for r in pool], [r["lang"] for r in pool], [r["category"] for r in pool]

    return {"mixed": columns(mixed), "german": columns(german)}


def language_pure_share(labels, languages):
    """Share of themes (noise excluded) whose members are >= 90 % one language."""
    labels, languages = np.asarray(labels), np.asarray(languages)
    themes = [t for t in np.unique(labels) if t >= 0]
    if not themes:
        return float("nan")
    pure = 0
    for theme in themes:
        _, counts = np.unique(languages[labels == theme], return_counts=True)
        pure += counts.max() / counts.sum() >= LANGUAGE_PURE_SHARE
    return pure / len(themes)


def bertopic_labels(texts, embeddings, n_themes, seed):
    """BERTopic with its default UMAP + HDBSCAN, precomputed embeddings, no model download."""
    from bertopic import BERTopic
    from bertopic.backend import BaseEmbedder
    from umap import UMAP

    class PrecomputedOnly(BaseEmbedder):
        def embed(self, documents, verbose=False):
            raise RuntimeError("embeddings are precomputed; nothing may be downloaded")

    umap_model = UMAP(n_neighbors=15, n_components=5, min_dist=0.0, metric="cosine", random_state=seed)
    model = BERTopic(embedding_model=PrecomputedOnly(), umap_model=umap_model, nr_topics=n_themes)
    topics, _ = model.fit_transform(texts, embeddings=embeddings)
    return np.asarray(topics)


def ours_labels(texts, languages, embeddings, n_themes, seed):
    return np.asarray(cluster_texts(texts, languages, n_themes, embeddings=embeddings, random_state=seed).labels)


def ours_without_language_centering(texts, languages, embeddings, n_themes, seed):
    """Ablation: only the pool mean is removed (infinite shrinkage), so language offsets stay."""
    return np.asarray(cluster_texts(texts, languages, n_themes, embeddings=embeddings, random_state=seed,
                                    centering=LanguageCentering(shrinkage_texts=float("inf"))).labels)


def score(method, texts, languages, categories, embeddings, n_themes):
    """Mean over seeds of NMI, ARI, theme count, noise share and language-pure share."""
    rows = []
    for seed in SEEDS:
        started = time.perf_counter()
        labels = method(texts, languages, embeddings, n_themes, seed)
        seconds = time.perf_counter() - started
        rows.append((normalized_mutual_info_score(categories, labels), adjusted_rand_score(categories, labels),
                     len(set(labels.tolist()) - {-1}), float(np.mean(labels == -1)),
                     language_pure_share(labels, languages), seconds))
    return np.array(rows).mean(axis=0), np.array(rows)[:, 0]


def quality_section(pools, embeddings_by_pool):
    centred_bertopic = lambda t, l, e, k, s: bertopic_labels(t, LanguageCentering().fit_transform(e, l), k, s)  # noqa: E731
    methods = {
        "ours": ours_labels,
        "ours-no-lang-centring": ours_without_language_centering,
        "bertopic": lambda t, l, e, k, s: bertopic_labels(t, e, k, s),
        "bertopic+lang-centred": centred_bertopic,
    }
    print("\n## Quality on SIB-200 (noise label -1 counts as its own cluster for NMI/ARI;"
          f" mean over seeds {SEEDS})")
    header = f"{'pool':7} {'n_themes':8} {'method':22} {'NMI':>6} {'ARI':>6} {'themes':>6} {'noise':>6}" \
             f" {'lang-pure':>9} {'sec':>6}  NMI per seed"
    print(header)
    print("-" * len(header))
    summary = {}
    for pool, (texts, languages, categories) in pools.items():
        for n_themes in (None, GIVEN_THEMES):
            for name, method in methods.items():
                if name in ("bertopic+lang-centred", "ours-no-lang-centring") and pool == "german":
                    continue
                mean, nmis = score(method, texts, languages, categories, embeddings_by_pool[pool], n_themes)
                summary[(pool, n_themes, name)] = mean[0]
                print(f"{pool:7} {str(n_themes or 'auto'):8} {name:22} {mean[0]:6.3f} {mean[1]:6.3f} {mean[2]:6.1f}"
                      f" {mean[3]:6.1%} {mean[4]:9.1%} {mean[5]:6.1f}  " + " ".join(f"{v:.3f}" for v in nmis))
    print("\nTargets: ours >= 1.2 x BERTopic NMI on mixed/auto; ours >= BERTopic on german.")
    for pool, n_themes in (("mixed", None), ("german", None), ("german", GIVEN_THEMES)):
        ratio = summary[(pool, n_themes, "ours")] / summary[(pool, n_themes, "bertopic")]
        print(f"  {pool}/{n_themes or 'auto'}: ours/BERTopic NMI = {ratio:.2f}")


def synthetic_vectors(n, n_topics=12, n_languages=8, dim=512, seed=0):
    """Unit vectors with topic structure plus a per-language offset, like stored USE vectors."""
    rng = np.random.RandomState(seed)
    topics = rng.normal(size=(n_topics, dim))
    language_offsets = rng.normal(size=(n_languages, dim)) * 0.7
    topic_of = rng.randint(n_topics, size=n)
    language_of = rng.randint(n_languages, size=n)
    vectors = topics[topic_of] + language_offsets[language_of] + rng.normal(size=(n, dim)) * 1.5
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors.astype(np.float32), [f"l{i}" for i in language_of], topic_of


def speed_section(pools):
    print("\n## Speed (2-core machine)")
    texts = pools["mixed"][0]
    embed_texts(texts[:5])
    started = time.perf_counter()
    embed_texts(texts)
    seconds = time.perf_counter() - started
    print(f"embedding: {len(texts)} mixed-language SIB sentences in {seconds:.1f} s ="
          f" {len(texts) / seconds:.0f} texts/s (model already loaded)")
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
    print("(clustering step only: language centering + clusterer on stored vectors; labelling needs texts)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help=f"path to {DATA_FILE} (default: ../shared/data/ next to the repo)")
    parser.add_argument("--skip-speed", action="store_true")
    args = parser.parse_args()
    pools = load_pools(find_data(args.data))
    started = time.perf_counter()
    embeddings_by_pool = {pool: embed_texts(texts, languages) for pool, (texts, languages, _) in pools.items()}
    print(f"embedded {sum(len(p[0]) for p in pools.values())} texts in {time.perf_counter() - started:.1f} s"
          " (includes model loading)")
    quality_section(pools, embeddings_by_pool)
    if not args.skip_speed:
        speed_section(pools)


if __name__ == "__main__":
    main()
