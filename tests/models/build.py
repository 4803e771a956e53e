"""Build the demo Argos packages: a small transformer per language pair, trained with
torch until it reproduces its training pieces, converted to CTranslate2 and checked
against torch's own output on every piece, then zipped as a real .argosmodel.

    python tests/models/build.py [--langs uk,pl,de] [--seed 1] [--out tests/models]

Deterministic from the seed (on a given machine: two threads, deterministic kernels). The training list is the
sample article's pieces with their human reference translations (reference.tsv) and
a few news phrases (phrases.tsv).
"""

import argparse
import csv
import json
import math
import random
import shutil
import sys
import tempfile
import zipfile
from pathlib import Path

import ctranslate2
import numpy as np
import sentencepiece as spm
import torch
from torch import nn

HERE = Path(__file__).resolve().parent
SPECIALS = ["<blank>", "<unk>", "<s>", "</s>"]
PAD, UNK, BOS, EOS = range(4)
DIM, HEADS, FFN, LAYERS, VOCAB, EPS = 128, 4, 256, 2, 900, 1e-6
MAX_LEN = 1024   # positions in the table; argostranslate decodes up to 256 tokens
BATCH = 40
# The decodings that must reproduce every training piece. Greedy is our default. Beam
# search with a length penalty stops on this tiny, peaky model as soon as two truncated
# hypotheses end (an early end-of-sentence is often its second choice), so a demo model
# is only promised to reproduce its pieces with greedy decoding.
BEAMS = (1,)
PACKAGE_VERSION = "0.1"
NAMES = {"en": "English", "uk": "Ukrainian", "pl": "Polish", "de": "German"}


def corpus(lang):
    """(English, translation) pairs: the sample's pieces first, then news phrases."""
    pairs = []
    for name in ("reference.tsv", "phrases.tsv"):
        with open(HERE / name, encoding="utf-8", newline="") as f:
            pairs += [(row["en"], row[lang]) for row in csv.DictReader(f, delimiter="\t")]
    return pairs


# -- tokenizer -----------------------------------------------------------------------------
def train_tokenizer(pairs, workdir):
    text = workdir / "text.txt"
    text.write_text("\n".join(s for pair in pairs for s in pair) + "\n", encoding="utf-8")
    spm.SentencePieceTrainer.train(
        input=str(text), model_prefix=str(workdir / "sentencepiece"), vocab_size=VOCAB,
        model_type="unigram", character_coverage=1.0, hard_vocab_limit=False,
        num_threads=1, shuffle_input_sentence=False, unk_id=0, bos_id=-1, eos_id=-1,
        pad_id=-1, minloglevel=2)
    model = workdir / "sentencepiece.model"
    _drop_paths(model)
    sp = spm.SentencePieceProcessor(model_file=str(model))
    vocab = SPECIALS + [sp.id_to_piece(i) for i in range(1, sp.get_piece_size())]
    return model, sp, vocab


def _drop_paths(model):
    """The trainer records its temporary paths in the model; leave them out so that the
    same seed builds the same bytes."""
    from sentencepiece import sentencepiece_model_pb2 as pb
    proto = pb.ModelProto()
    proto.ParseFromString(model.read_bytes())
    proto.trainer_spec.ClearField("input")
    proto.trainer_spec.ClearField("model_prefix")
    model.write_bytes(proto.SerializeToString())


# -- the model -------------------------------------------------------------------------------
def positions(length, dim):
    """Sinusoidal position encodings; CTranslate2 receives this very table."""
    pos = torch.arange(length, dtype=torch.float32)[:, None]
    div = torch.exp(torch.arange(0, dim, 2, dtype=torch.float32) * (-math.log(10000.0) / dim))
    table = torch.zeros(length, dim)
    table[:, 0::2] = torch.sin(pos * div)
    table[:, 1::2] = torch.cos(pos * div)
    return table


class Transformer(nn.Module):
    """A pre-norm encoder-decoder laid out as CTranslate2's TransformerSpec expects."""

    def __init__(self, vocab_size):
        super().__init__()
        self.src_emb = nn.Embedding(vocab_size, DIM, padding_idx=PAD)
        self.tgt_emb = nn.Embedding(vocab_size, DIM, padding_idx=PAD)
        self.register_buffer("pe", positions(MAX_LEN, DIM))
        enc = nn.TransformerEncoderLayer(DIM, HEADS, FFN, dropout=0.0, batch_first=True,
                                         norm_first=True, layer_norm_eps=EPS)
        dec = nn.TransformerDecoderLayer(DIM, HEADS, FFN, dropout=0.0, batch_first=True,
                                         norm_first=True, layer_norm_eps=EPS)
        self.encoder = nn.TransformerEncoder(enc, LAYERS, norm=nn.LayerNorm(DIM, eps=EPS),
                                             enable_nested_tensor=False)
        self.decoder = nn.TransformerDecoder(dec, LAYERS, norm=nn.LayerNorm(DIM, eps=EPS))
        self.proj = nn.Linear(DIM, vocab_size)

    def embed(self, table, ids):
        return table(ids) * math.sqrt(DIM) + self.pe[: ids.shape[1]]

    def encode(self, src):
        return self.encoder(self.embed(self.src_emb, src), src_key_padding_mask=src == PAD)

    def decode(self, memory, src, tgt_in):
        n = tgt_in.shape[1]
        causal = torch.triu(torch.ones(n, n, dtype=torch.bool), diagonal=1)
        out = self.decoder(self.embed(self.tgt_emb, tgt_in), memory, tgt_mask=causal,
                           tgt_is_causal=True, tgt_key_padding_mask=tgt_in == PAD,
                           memory_key_padding_mask=src == PAD)
        return self.proj(out)

    @torch.no_grad()
    def greedy(self, src, max_len):
        memory = self.encode(src)
        out = torch.full((src.shape[0], 1), BOS)
        done = torch.zeros(src.shape[0], dtype=torch.bool)
        for _ in range(max_len):
            step = self.decode(memory, src, out)[:, -1].argmax(-1)
            step[done] = PAD
            out = torch.cat([out, step[:, None]], 1)
            done |= step == EOS
            if done.all():
                break
        return [[t for t in row[1:].tolist() if t not in (PAD,)] for row in out]


def pad(rows):
    width = max(len(r) for r in rows)
    return torch.tensor([r + [PAD] * (width - len(r)) for r in rows])


def encode_pairs(pairs, sp, index):
    def ids(text):
        return [index.get(p, UNK) for p in sp.encode(text, out_type=str)]
    return [(ids(src), ids(tgt)) for src, tgt in pairs]


def strip_eos(ids):
    return ids[: ids.index(EOS)] if EOS in ids else ids


def train(examples, vocab_size, seed, log, reproduces):
    torch.manual_seed(seed)
    rng = random.Random(seed)
    model = Transformer(vocab_size)
    opt = torch.optim.Adam(model.parameters(), lr=2e-3, betas=(0.9, 0.98))
    # warm up, then decay: a steady rate keeps an overfit model jittering around its data
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda step: min(1.0, (step + 1) / 30) / (1 + step / 300))
    loss_fn = nn.CrossEntropyLoss(ignore_index=PAD)
    order = list(range(len(examples)))
    src_all = pad([s for s, _ in examples])
    longest = max(len(t) for _, t in examples) + 4
    for epoch in range(1, 1001):
        rng.shuffle(order)
        model.train()
        for start in range(0, len(order), BATCH):
            batch = [examples[i] for i in order[start:start + BATCH]]
            src = pad([s for s, _ in batch])
            tgt_in = pad([[BOS] + t for _, t in batch])
            tgt_out = pad([t + [EOS] for _, t in batch])
            logits = model.decode(model.encode(src), src, tgt_in)
            loss = loss_fn(logits.reshape(-1, vocab_size), tgt_out.reshape(-1))
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
        if epoch % 20 == 0:
            model.eval()
            out = model.greedy(src_all, longest)
            right = sum(strip_eos(o) == t for o, (_, t) in zip(out, examples))
            log(f"  epoch {epoch}: loss {loss.item():.4f}, {right}/{len(examples)} reproduced")
            # greedy decoding is not enough: beam search must find the same sentences
            if right == len(examples) and reproduces(model):
                return model, epoch
    raise SystemExit("the model did not learn its training pieces in 1000 epochs")


def timed(log):
    import time
    start = time.perf_counter()
    return lambda m: log(f"[{time.perf_counter() - start:6.1f}s] {m}")


# -- CTranslate2 conversion ------------------------------------------------------------------
class TorchConverter(ctranslate2.converters.Converter):
    """Maps our torch weights onto CTranslate2's pre-norm TransformerSpec."""

    def __init__(self, model, vocab):
        self.model, self.vocab = model, vocab

    def _load(self):
        spec = ctranslate2.specs.TransformerSpec.from_config((LAYERS, LAYERS), HEADS, pre_norm=True)
        spec.config.layer_norm_epsilon = EPS
        w = {k: v.detach().numpy().astype(np.float32) for k, v in self.model.state_dict().items()}

        def linear(spec_, name, rows=slice(None)):
            spec_.weight = np.ascontiguousarray(w[f"{name}weight"][rows])
            spec_.bias = np.ascontiguousarray(w[f"{name}bias"][rows])

        def norm(spec_, name):
            spec_.gamma, spec_.beta = w[f"{name}.weight"], w[f"{name}.bias"]

        def self_attention_and_ffn(layer, p, ffn_norm):
            # torch keeps q, k and v fused in in_proj, as CTranslate2 does
            linear(layer.self_attention.linear[0], p + "self_attn.in_proj_")
            linear(layer.self_attention.linear[1], p + "self_attn.out_proj.")
            norm(layer.self_attention.layer_norm, p + "norm1")
            linear(layer.ffn.linear_0, p + "linear1.")
            linear(layer.ffn.linear_1, p + "linear2.")
            norm(layer.ffn.layer_norm, p + ffn_norm)

        enc, dec = spec.encoder, spec.decoder
        enc.embeddings[0].weight = w["src_emb.weight"]
        dec.embeddings.weight = w["tgt_emb.weight"]
        for side, name in ((enc, "encoder"), (dec, "decoder")):
            side.position_encodings.encodings = w["pe"]
            norm(side.layer_norm, f"{name}.norm")
        for i, layer in enumerate(enc.layer):
            self_attention_and_ffn(layer, f"encoder.layers.{i}.", "norm2")
        for i, layer in enumerate(dec.layer):
            p = f"decoder.layers.{i}."
            self_attention_and_ffn(layer, p, "norm3")
            # cross-attention: CTranslate2 splits the query from the fused keys and values
            linear(layer.attention.linear[0], p + "multihead_attn.in_proj_", slice(0, DIM))
            linear(layer.attention.linear[1], p + "multihead_attn.in_proj_", slice(DIM, None))
            linear(layer.attention.linear[2], p + "multihead_attn.out_proj.")
            norm(layer.attention.layer_norm, p + "norm2")
        linear(dec.projection, "proj.")
        spec.register_source_vocabulary(self.vocab)
        spec.register_target_vocabulary(self.vocab)
        return spec


def ct2_tokens(model_dir, pieces, compute_type):
    translator = ctranslate2.Translator(str(model_dir), device="cpu", compute_type=compute_type)
    out = translator.translate_batch(pieces, beam_size=1, max_decoding_length=MAX_LEN - 2)
    return [r.hypotheses[0] for r in out]


def check(model, model_dir, examples, vocab, compute_type, log):
    """Every training piece: CTranslate2's tokens equal torch's greedy tokens."""
    src_pieces = [[vocab[i] for i in s] for s, _ in examples]
    torch_out = model.greedy(pad([s for s, _ in examples]), MAX_LEN - 2)
    ct2_out = ct2_tokens(model_dir, src_pieces, compute_type)
    bad = [n for n, (a, b) in enumerate(zip(torch_out, ct2_out))
           if [vocab[i] for i in strip_eos(a)] != b]
    log(f"  CTranslate2 ({compute_type}) matches torch on "
        f"{len(examples) - len(bad)}/{len(examples)} pieces")
    return not bad


def beams_reproduce(model, workdir, examples, vocab, log):
    """Does the int8 CTranslate2 model give every training target with each of BEAMS?"""
    trial = workdir / "trial"
    TorchConverter(model, vocab).convert(str(trial), quantization="int8", force=True)
    translator = ctranslate2.Translator(str(trial), device="cpu", compute_type="int8")
    src = [[vocab[i] for i in s] for s, _ in examples]
    want = [[vocab[i] for i in t] for _, t in examples]
    for beam in BEAMS:
        out = translator.translate_batch(src, beam_size=beam, max_decoding_length=MAX_LEN - 2)
        right = sum(r.hypotheses[0] == w for r, w in zip(out, want))
        if right < len(want):
            log(f"    beam {beam}: {right}/{len(want)}; training on")
            return False
    return True


# -- the package ---------------------------------------------------------------------------------
def package(lang, workdir, model_dir, tokenizer, out_dir, epoch, seed):
    name = f"translate-en_{lang}-{PACKAGE_VERSION.replace('.', '_')}"
    root = workdir / name
    root.mkdir()
    shutil.copytree(model_dir, root / "model")
    shutil.copy(tokenizer, root / "sentencepiece.model")
    metadata = {
        "package_version": PACKAGE_VERSION, "argos_version": "1.9", "type": "translate",
        "from_code": "en", "from_name": NAMES["en"], "to_code": lang, "to_name": NAMES[lang],
        "demo": True, "links": [],
        "description": (f"Demo model (not for publication): a {LAYERS}+{LAYERS}-layer, "
                        f"width-{DIM} transformer trained by tests/models/build.py "
                        f"(seed {seed}, {epoch} epochs) on the sample article's pieces."),
    }
    (root / "metadata.json").write_text(json.dumps(metadata, indent=2) + "\n")
    (root / "README.md").write_text(f"# Demo en->{lang} model\n\n{metadata['description']}\n")
    target = out_dir / f"{name}.argosmodel"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
        for path in sorted(root.rglob("*")):
            if path.is_file():
                info = zipfile.ZipInfo(path.relative_to(workdir).as_posix(), (1980, 1, 1, 0, 0, 0))
                info.external_attr = 0o644 << 16
                info.compress_type = zipfile.ZIP_DEFLATED
                z.writestr(info, path.read_bytes())
    return target


def build(lang, seed, out_dir, log):
    log(f"en->{lang}")
    torch.manual_seed(seed)
    pairs = corpus(lang)
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        tokenizer, sp, vocab = train_tokenizer(pairs, workdir)
        index = {tok: i for i, tok in enumerate(vocab)}
        examples = encode_pairs(pairs, sp, index)
        model, epoch = train(examples, len(vocab), seed, log,
                             lambda m: beams_reproduce(m, workdir, examples, vocab, log))
        model.eval()
        exact = workdir / "float32"
        TorchConverter(model, vocab).convert(str(exact), quantization="float32")
        if not check(model, exact, examples, vocab, "float32", log):
            raise SystemExit("the converted model does not reproduce torch's output")
        shipped = workdir / "shipped"
        TorchConverter(model, vocab).convert(str(shipped), quantization="int8")
        if not check(model, shipped, examples, vocab, "int8", log):
            shutil.rmtree(shipped)
            TorchConverter(model, vocab).convert(str(shipped), quantization="float16")
            log("  int8 changed some output; shipping float16 weights")
        return package(lang, workdir, shipped, tokenizer, out_dir, epoch, seed)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--langs", default="uk,pl,de")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=HERE)
    args = parser.parse_args(argv)
    torch.set_num_threads(2)
    torch.use_deterministic_algorithms(True)
    args.out.mkdir(parents=True, exist_ok=True)
    for lang in args.langs.split(","):
        path = build(lang, args.seed, args.out, timed(lambda m: print(m, file=sys.stderr, flush=True)))
        print(path)


if __name__ == "__main__":
    main()
