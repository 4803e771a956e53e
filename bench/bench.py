"""Benchmarks, measured side by side in one run on one machine (never pass/fail).

    python bench/bench.py [--pieces 400] [--base-pieces 120]

Pieces come from the devset's news articles (../shared/devset), else the seeds.
Ends with exactly three lines:
    speedup vs argostranslate: <x>
    speedup vs per-piece (base-size model): <x>
    rerun/first-run time: <fraction>
"""

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from translate import catalog, languages, mt, render  # noqa: E402
from translate.segment import segment_file  # noqa: E402

DEVSET = ROOT.parent / "shared" / "devset"
MODELS = ROOT / "tests" / "models"


def say(message):
    print(message, file=sys.stderr, flush=True)


def clock(fn, *args, repeat=1, **kwargs):
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn(*args, **kwargs)
        best = min(best, time.perf_counter() - start)
    return best, result


def articles():
    paths = sorted(DEVSET.glob("*.txt")) or sorted((ROOT / "seeds").glob("*.txt"))
    return paths


# -- pipeline throughput without MT ---------------------------------------------------------
def pipeline(paths, tmp):
    seconds, loaded = clock(lambda: [segment_file(p) for p in paths], repeat=3)
    say(f"segment: {len(paths) / seconds:8.1f} articles/s "
        f"({seconds / len(paths) * 1000:.2f} ms per article)")
    for a in loaded:
        a.language  # detection is its own cost, outside segmentation
    locales = Path(tmp, "locales")
    seconds, _ = clock(catalog.extract, loaded, locales, languages.DEFAULT_TARGETS)
    say(f"extract: {len(paths) / seconds:8.1f} articles/s (first run, 3 languages)")
    seconds, _ = clock(catalog.extract, loaded, locales, languages.DEFAULT_TARGETS)
    say(f"extract: {len(paths) / seconds:8.1f} articles/s (re-run: msgmerge, nothing new)")
    seconds, _ = clock(render.render_files, loaded, locales, languages.DEFAULT_TARGETS,
                       Path(tmp, "out"))
    say(f"render:  {len(paths) / seconds:8.1f} articles/s (3 languages)")
    return loaded, locales


def pieces_of(loaded, limit):
    seen, out = set(), []
    for article in loaded:
        for piece in article.pieces:
            if piece.translatable and piece.text not in seen:
                seen.add(piece.text)
                out.append(piece.text)
    random.Random(0).shuffle(out)
    return out[:limit]


# -- (a) argostranslate's own translate() per paragraph against our batched path --------------
def versus_argostranslate(models, texts, beam):
    from argostranslate import translate as at

    class OneSentence:
        """argostranslate's sentence splitter needs a model download; offline, every
        paragraph is handed over whole, as our segmenter already gives sentences."""

        def __init__(self, pkg):
            pass

        def split_sentences(self, text):
            return [text]

    model = models[0]
    at.MiniSBDSentencizer = OneSentence
    at.StanzaSentencizer = OneSentence
    from argostranslate import package, settings
    settings.beam_size = beam
    pkg = next(p for p in package.get_installed_packages(path=[model.path.parent])
               if p.to_code == model.target)
    translation = at.PackageTranslation(None, None, pkg)
    say("argostranslate: its sentence splitter cannot load offline; each paragraph goes "
        "to it whole")
    theirs, _ = clock(lambda: [translation.translate(t) for t in texts])
    options = mt.Options(beam_size=beam)
    model.translator(options)    # both sides load their model before the clock starts
    ours, _ = clock(mt.translate_texts, texts, [model], options)
    say(f"(a) {len(texts)} pieces, beam {beam}: argostranslate {theirs:.2f} s, "
        f"ours {ours:.2f} s")
    return theirs / ours


# -- (b) a model of a real Argos package's size: per-piece calls against our batching ---------
def base_model(directory, vocab_size=32000):
    """6+6 layers, width 512, 8 heads, FFN 2048, random weights: the cost of a real model."""
    import ctranslate2
    import numpy as np

    rng = np.random.default_rng(0)
    vocab = ["<blank>", "<unk>", "<s>", "</s>"] + [f"t{i}" for i in range(vocab_size - 4)]

    class Random(ctranslate2.converters.Converter):
        def _load(self):
            spec = ctranslate2.specs.TransformerSpec.from_config((6, 6), 8)
            _fill(spec, rng, vocab_size)
            spec.register_source_vocabulary(vocab)
            spec.register_target_vocabulary(vocab)
            return spec

    Random().convert(str(directory), quantization="int8", force=True)
    return vocab


def _fill(spec, rng, vocab_size, dim=512, ffn=2048):
    import numpy as np

    def mat(rows, cols):
        return (rng.standard_normal((rows, cols)) * 0.02).astype(np.float32)

    def linear(s, rows, cols):
        s.weight, s.bias = mat(rows, cols), np.zeros(rows, np.float32)

    def norm(s):
        s.gamma, s.beta = np.ones(dim, np.float32), np.zeros(dim, np.float32)

    enc, dec = spec.encoder, spec.decoder
    enc.embeddings[0].weight = mat(vocab_size, dim)
    dec.embeddings.weight = mat(vocab_size, dim)
    norm(enc.layer_norm)
    norm(dec.layer_norm)
    for layer in enc.layer + dec.layer:
        linear(layer.self_attention.linear[0], 3 * dim, dim)
        linear(layer.self_attention.linear[1], dim, dim)
        norm(layer.self_attention.layer_norm)
        linear(layer.ffn.linear_0, ffn, dim)
        linear(layer.ffn.linear_1, dim, ffn)
        norm(layer.ffn.layer_norm)
    for layer in dec.layer:
        linear(layer.attention.linear[0], dim, dim)
        linear(layer.attention.linear[1], 2 * dim, dim)
        linear(layer.attention.linear[2], dim, dim)
        norm(layer.attention.layer_norm)
    linear(dec.projection, vocab_size, dim)


def versus_per_piece(texts, tmp, beam):
    import ctranslate2

    directory = Path(tmp, "base")
    say("(b) building a base-size model with random weights ...")
    vocab = base_model(directory)
    rng = random.Random(1)
    # source lengths of real pieces, in tokens of a 32k vocabulary (~1.3 per word)
    sources = [[rng.choice(vocab[4:]) for _ in range(max(2, int(len(t.split()) * 1.3)))]
               for t in texts]
    translator = ctranslate2.Translator(str(directory), device="cpu", compute_type="int8")

    def per_piece():
        tokens = 0
        for src in sources:
            r = translator.translate_batch([src], beam_size=beam, max_decoding_length=len(src))
            tokens += len(r[0].hypotheses[0])
        return tokens

    def batched(size=32):
        # sorted by length, so a batch's cap (its longest source) is what each piece gets
        order = sorted(range(len(sources)), key=lambda i: len(sources[i]))
        tokens = 0
        for start in range(0, len(order), size):
            batch = [sources[i] for i in order[start:start + size]]
            cap = max(len(s) for s in batch)
            for r, s in zip(translator.translate_batch(batch, beam_size=beam,
                                                       max_decoding_length=cap), batch):
                tokens += min(len(r.hypotheses[0]), len(s))
        return tokens

    one, tokens_one = clock(per_piece)
    many, tokens_many = clock(batched)
    say(f"(b) {len(sources)} pieces, beam {beam}: per-piece {one:.2f} s "
        f"({one / tokens_one * 1000:.2f} ms/token), batched {many:.2f} s "
        f"({many / tokens_many * 1000:.2f} ms/token)")
    return (one / tokens_one) / (many / tokens_many)


# -- (c) a re-run with nothing new ---------------------------------------------------------------
def rerun(models, loaded, tmp):
    locales = Path(tmp, "rerun")
    catalog.extract(loaded, locales, languages.DEFAULT_TARGETS)
    paths = sorted(locales.glob("*/*.po"))
    first, _ = clock(mt.fill_catalogs, paths, models=models)
    again, reports = clock(mt.fill_catalogs, paths, models=models)
    assert all(r.filled == 0 for r in reports)
    say(f"(c) mt over {len(paths)} catalogs: first run {first:.2f} s, re-run {again:.3f} s")
    return again / first, first


def best_raw(models, texts):
    """Our MT path against the fastest raw CTranslate2 settings tried on the same pieces,
    and what beam size costs (the measurement behind the greedy default)."""
    import ctranslate2
    model = models[0]
    options = mt.Options()
    sp = model.tokenizer
    tokens = [sp.encode(t, out_type=str) for t in texts]
    results = []
    for compute in ("int8", "int8_float32", "float32"):
        tr = ctranslate2.Translator(str(model.path / "model"), device="cpu", compute_type=compute)
        for size, kind in ((1024, "tokens"), (2048, "tokens"), (8192, "tokens"), (32, "examples")):
            seconds, _ = clock(tr.translate_batch, tokens, beam_size=options.beam_size,
                               max_batch_size=size, batch_type=kind,
                               max_decoding_length=mt.MAX_DECODE, repeat=2)
            results.append((seconds, f"{compute}, batches of {size} {kind}"))
            say(f"  raw {results[-1][1]}: {seconds:.3f} s")
    best = min(results)
    model.translator(options)
    ours, _ = clock(mt.translate_texts, texts, [model], options, repeat=2)
    say(f"raw CTranslate2 best: {best[1]}: {best[0]:.3f} s; ours (defaults): {ours:.3f} s "
        f"({ours / best[0]:.2f}x the best, tokenizing included)")
    for beam in (1, 2, 4):
        seconds, _ = clock(mt.translate_texts, texts, [model], mt.Options(beam_size=beam))
        say(f"beam {beam}: {seconds:.3f} s")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pieces", type=int, default=200)
    parser.add_argument("--base-pieces", type=int, default=100)
    parser.add_argument("--beam", type=int, default=4)
    parser.add_argument("--parts", default="pipeline,a,raw,b,c",
                        help="which measurements to run (the closing lines need a, b and c)")
    args = parser.parse_args()
    parts = set(args.parts.split(","))
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["ARGOS_PACKAGES_DIR"] = str(Path(tmp, "argos"))
        for path in sorted(MODELS.glob("translate-en_*.argosmodel")):
            mt.install_file(path)
        models = mt.installed()
        if not models:
            raise SystemExit("no demo packages in tests/models: run make test-models")
        if "pipeline" in parts:
            loaded, _ = pipeline(articles(), tmp)
        else:
            loaded = [segment_file(p) for p in articles()]
        texts = pieces_of(loaded, args.pieces)
        route = mt.route(models, "en", "de")
        a = versus_argostranslate(route, texts, args.beam) if "a" in parts else None
        if "raw" in parts:
            best_raw(route, texts)
        b = versus_per_piece(texts[:args.base_pieces], tmp, args.beam) if "b" in parts else None
        c = rerun(models, loaded, tmp)[0] if "c" in parts else None
    if None not in (a, b, c):
        print(f"speedup vs argostranslate: {a:.1f}")
        print(f"speedup vs per-piece (base-size model): {b:.1f}")
        print(f"rerun/first-run time: {c:.4f}")


if __name__ == "__main__":
    main()
