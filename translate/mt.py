"""Machine translation with Argos packages: every empty entry of every catalog, each model
loaded once, all of a model's pieces in one CTranslate2 call, output marked fuzzy."""

import json
import logging
import os
import re
import socket
import zipfile
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from translate import catalog, languages
from translate.check import glossary, read_glossary
from translate.errors import InputError

# A sentence longer than this many tokens is cut at a clause boundary rather than
# truncated by the model (Argos models are trained on sentences of about this length).
MAX_TOKENS = 150
# The longest output we let a model write for one piece: room for a target language
# half again as long, inside the 256 positions of the smallest models (our demo ones).
MAX_DECODE = 250
INDEX_TIMEOUT = 10   # seconds: offline, the index look-up fails fast instead of hanging


@dataclass
class Options:
    """Decoding settings. Greedy decoding is the default: `make bench` measures it at a
    fraction of beam 4's time on 2 cores, and every entry stays fuzzy for review."""

    beam_size: int = 1
    length_penalty: float = 0.2    # argostranslate's value, for beams above 1
    compute_type: str = "int8"
    threads: int = 0               # 0: CTranslate2 picks (one per core)
    # max_batch_size in tokens: 8192 took half the time of 2048 in make bench (fewer,
    # fuller batches; a batch decodes as long as its longest piece, in sorted order)
    batch_tokens: int = 8192


class MissingModel(InputError):
    """No installed package translates source into target."""

    def __init__(self, source, target):
        self.source, self.target = source, target
        super().__init__("models", f"no model for {source}->{target}; install one with "
                                   f"`translate models install {target}` (online) or "
                                   f"`translate models install --from-file "
                                   f"translate-{source}_{target}.argosmodel`")


# -- installed packages ------------------------------------------------------------------
def packages_dir():
    """Where Argos packages live: $ARGOS_PACKAGES_DIR, else argostranslate's default."""
    env = os.environ.get("ARGOS_PACKAGES_DIR")
    if env:
        return Path(env)
    from argostranslate import settings
    return Path(settings.package_data_dir)


@dataclass
class Model:
    """An installed Argos translate package."""

    path: Path
    source: str
    target: str
    version: str
    demo: bool = False
    target_prefix: str = ""
    _runtime: dict = field(default_factory=dict, repr=False, compare=False)

    @property
    def name(self):
        return f"translate-{self.source}_{self.target}"

    @property
    def label(self):
        return f"{self.name} {self.version}" + (" (demo model)" if self.demo else "")

    @cached_property
    def tokenizer(self):
        import sentencepiece as spm
        model = self.path / "sentencepiece.model"
        if not model.exists():
            raise InputError(self.path, "has no sentencepiece.model (BPE packages are not "
                                        "supported yet)")
        return spm.SentencePieceProcessor(model_file=str(model))

    def translator(self, options):
        """The CTranslate2 translator, loaded once per process and settings."""
        key = (options.compute_type, options.threads)
        if key not in self._runtime:
            import ctranslate2
            self._runtime[key] = ctranslate2.Translator(
                str(self.path / "model"), device="cpu", compute_type=options.compute_type,
                intra_threads=options.threads)
        return self._runtime[key]


def installed(directory=None):
    """Every installed translate package, read through argostranslate's package API."""
    from argostranslate import package as argos
    directory = Path(directory or packages_dir())
    if not directory.is_dir():
        return []
    found = []
    for pkg in argos.get_installed_packages(path=[directory]):
        if pkg.type != "translate" or not pkg.from_code or not pkg.to_code:
            continue
        meta = _metadata(pkg.package_path)
        found.append(Model(Path(pkg.package_path), pkg.from_code, pkg.to_code,
                           pkg.package_version, bool(meta.get("demo")), pkg.target_prefix))
    return sorted(found, key=lambda m: (m.source, m.target, m.demo))


def _metadata(path):
    try:
        return json.loads((Path(path) / "metadata.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def route(models, source, target):
    """The models that take source to target: one direct package, or two through a pivot
    language as argostranslate composes them. Real models are preferred to demo ones."""
    ranked = sorted(models, key=lambda m: m.demo)
    for m in ranked:
        if (m.source, m.target) == (source, target):
            return [m]
    for first in ranked:
        if first.source != source:
            continue
        for second in ranked:
            if (second.source, second.target) == (first.target, target):
                return [first, second]
    return None


def install_file(path, directory=None):
    """Install an .argosmodel file with argostranslate's installer."""
    from argostranslate import package as argos, settings
    path = Path(path)
    if not path.is_file():
        raise InputError(path, "no such file")
    if not zipfile.is_zipfile(path):
        raise InputError(path, "is not an Argos package (.argosmodel zip file)")
    with zipfile.ZipFile(path) as z:
        if not any(n.endswith("/metadata.json") and n.count("/") == 1 for n in z.namelist()):
            raise InputError(path, "is not an Argos package: no metadata.json inside")
    target = Path(directory or packages_dir())
    target.mkdir(parents=True, exist_ok=True)
    saved, settings.package_data_dir = settings.package_data_dir, target
    try:
        argos.install_from_path(path)
    finally:
        settings.package_data_dir = saved


def install_from_index(targets, source="en", directory=None):
    """Download and install source->target packages from the Argos index. Offline, one
    clear error names the pairs and the command that installs them from a file."""
    from argostranslate import package as argos, settings
    previous = socket.getdefaulttimeout()
    socket.setdefaulttimeout(INDEX_TIMEOUT)
    quiet = logging.getLogger("argostranslate.utils")
    level, quiet.level = quiet.level, logging.CRITICAL   # we say it better, in one line
    try:
        argos.update_package_index()
        index = Path(settings.local_package_index)
        if not index.exists():
            raise MissingModel(source, targets[0])
        available = argos.get_available_packages()
        done = []
        for target in targets:
            match = [p for p in available if (p.from_code, p.to_code) == (source, target)]
            if not match:
                raise InputError("models", f"the Argos index has no {source}->{target} package")
            install_file(match[0].download(), directory)
            done.append(target)
        return done
    finally:
        socket.setdefaulttimeout(previous)
        quiet.level = level


# -- translating ------------------------------------------------------------------------------
def translate_texts(texts, models, options=Options(), stats=None):
    """Translate texts through a route of models: one batched call per model."""
    for model in models:
        texts = _translate_with(model, texts, options, stats)
    return texts


def _translate_with(model, texts, options, stats):
    if not texts:
        return []
    sp = model.tokenizer
    chunks, owners = [], []
    for n, text in enumerate(texts):
        encoded = sp.encode(text, out_type=str)     # once: most pieces are short enough
        parts = [encoded] if len(encoded) <= MAX_TOKENS else [
            sp.encode(p, out_type=str) for p in split_long(text, lambda s: len(sp.encode(s)))]
        chunks += parts
        owners += [n] * len(parts)
    prefix = [[model.target_prefix]] * len(chunks) if model.target_prefix else None
    results = model.translator(options).translate_batch(
        chunks, target_prefix=prefix, beam_size=options.beam_size,
        length_penalty=options.length_penalty,
        max_batch_size=options.batch_tokens, batch_type="tokens", replace_unknowns=True,
        max_decoding_length=MAX_DECODE)
    if stats is not None:
        stats["calls"] = stats.get("calls", 0) + 1
        stats["pieces"] = stats.get("pieces", 0) + len(chunks)
    parts = [[] for _ in texts]
    for owner, result in zip(owners, results):
        out = sp.decode(result.hypotheses[0])
        if model.target_prefix and out.startswith(model.target_prefix):
            out = out[len(model.target_prefix):]
        parts[owner].append(out.strip())
    return [" ".join(p) for p in parts]


CLAUSE_RE = re.compile(r"(?<=[;,:—–])\s+")


def split_long(text, count):
    """Cut a sentence too long for the model at the clause boundary nearest its middle
    (then again if needed), never in the middle of a clause when one boundary will do."""
    if count(text) <= MAX_TOKENS:
        return [text]
    cuts = [m.end() for m in CLAUSE_RE.finditer(text)] or \
        [m.end() for m in re.finditer(r"\s+", text)]
    if not cuts:
        return [text]
    middle = min(cuts, key=lambda c: abs(c - len(text) / 2))
    return split_long(text[:middle].rstrip(), count) + split_long(text[middle:], count)


def fit_marks(text, lang, quote=False):
    """The model's quotation marks as the target language writes them; a quote's own
    words lose marks at their edges (render adds the language's marks)."""
    opening, closing = lang.quotes
    text = re.sub(r"[“„«\"](?=\w)", opening, text)
    text = re.sub(r"(?<=[\w.,!?…])[”“»\"]", closing, text)
    if quote:
        text = text.strip().strip("“”„«»\"").strip()
    return text


# -- catalogs -----------------------------------------------------------------------------------
@dataclass
class Filled:
    """What `translate mt` did to one catalog."""

    path: Path
    lang: str
    filled: int = 0
    models: str = ""
    missing: str = ""     # "en->uk" when no model path exists


def fill_catalogs(paths, options=Options(), models=None, log=lambda m: None):
    """Fill every empty msgstr of the given PO files with machine translation, marked
    fuzzy and signed with the model. A non-empty msgstr is never touched, so a re-run
    with nothing new calls no model and changes no byte."""
    models = installed() if models is None else models
    work, reports = {}, []
    for path in paths:
        lang = languages.get(path.parent.name)
        po = catalog.read_po(path, lang)
        source = po.metadata.get("X-Source-Language") or "en"
        empty = [e for e in po if not e.obsolete and not e.msgstr and e.msgid]
        report = Filled(path, lang.code)
        reports.append(report)
        if not empty or source == lang.code:
            continue
        path_models = route(models, source, lang.code)
        if path_models is None:
            report.missing = f"{source}->{lang.code}"
            continue
        report.models = " via ".join(m.label for m in path_models)
        work.setdefault(tuple(m.path for m in path_models), (path_models, []))[1].append(
            (po, empty, report, lang))
    terms = _glossary(paths)
    for path_models, jobs in work.values():
        texts = sorted({e.msgid for _, empty, _, _ in jobs for e in empty}, key=len)
        log(f"mt: {len(texts)} pieces through {' -> '.join(m.label for m in path_models)}")
        done = dict(zip(texts, translate_texts(texts, path_models, options)))
        for po, empty, report, lang in jobs:
            for entry in empty:
                quote = (entry.msgctxt or "").startswith("quote|")
                entry.msgstr = fit_marks(done[entry.msgid], lang, quote)
                lines = [ln for ln in entry.tcomment.split("\n") if ln and
                         not ln.startswith(("machine translation:", "check: "))]
                if not entry.msgstr.strip():
                    # the model gave nothing: the English stands in, fuzzy, so that a
                    # re-run does not ask the model again and a translator sees it
                    entry.msgstr = entry.msgid
                    lines.append("machine translation gave no output; the English stands in")
                if "fuzzy" not in entry.flags:
                    entry.flags.append("fuzzy")
                entry.tcomment = "\n".join(lines + [_signature(path_models)] +
                                            _fix_names(entry, lang, terms))
                report.filled += 1
            catalog.write_if_changed(report.path, str(po))
    return reports


def _signature(path_models):
    first = path_models[0]
    note = f"machine translation: {first.label}"
    if len(path_models) == 2:
        note += f", then {path_models[1].label} (pivot through {first.target})"
    return note


def ensure(targets, dirs=(), demo_dir=None, source="en", log=lambda m: None):
    """Make sure a model path exists for every target: package files in dirs first,
    then the Argos index, then (if given) the demo packages. Returns (target, how) for
    each one installed; raises MissingModel for the first that stays missing."""
    done = []

    def missing():
        have = installed()
        return [t for t in targets if route(have, source, t) is None]

    def from_dir(directory, how):
        for target in missing():
            for path in sorted(Path(directory).glob(f"translate-{source}_{target}-*.argosmodel")):
                install_file(path)
                log(f"installed {path}")
                done.append((target, how))
                break

    for directory in dirs:
        from_dir(directory, "file")
    if missing():
        try:
            install_from_index(missing(), source)
            done += [(t, "index") for t in targets if (t, "file") not in done]
        except InputError:
            if demo_dir is None:
                raise
            log(f"models: the Argos package index cannot be reached and no package file "
                f"serves {', '.join(source + '->' + t for t in missing())}")
    if missing() and demo_dir is not None:
        from_dir(demo_dir, "demo")
    left = missing()
    if left:
        raise MissingModel(source, left[0])
    return done


def _glossary(paths):
    folders = {Path(p).parent.parent for p in paths}
    return [t for folder in sorted(folders) for t in read_glossary(folder / "glossary.csv")]


def _fix_names(entry, lang, terms):
    """Put glossary names right where the fix is unambiguous (the model left the English
    name in place); otherwise leave the check's message for the translator."""
    for term in terms:
        target = term.targets.get(lang.code, "").split("|")[0]
        if target and re.search(rf"(?<!\w){re.escape(term.source)}(?!\w)", entry.msgstr) \
                and target != term.source and entry.msgstr.count(term.source) == 1:
            entry.msgstr = entry.msgstr.replace(term.source, target)
    message = glossary(entry, lang, terms)
    return [f"check: glossary: {message}"] if message else []
