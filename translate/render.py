"""Render the localised article: structure from the source, words from the catalog."""

from dataclasses import dataclass, field
from pathlib import Path

from translate import catalog, languages
from translate.errors import InputError

SOURCE_MARKS = "“”\""


@dataclass
class Rendered:
    text: str
    translated: int = 0
    fallback: list = field(default_factory=list)     # msgids shown in the source language
    unreviewed: list = field(default_factory=list)   # msgids shown from fuzzy entries

    @property
    def total(self):
        return self.translated + len(self.fallback)


def translations(po, reviewed_only=False):
    """{(msgctxt, msgid): (msgstr, fuzzy)} of the entries that have a translation."""
    found = {}
    for entry in po:
        if entry.obsolete or not entry.msgstr or (reviewed_only and entry.fuzzy):
            continue
        found[(entry.msgctxt, entry.msgid)] = (entry.msgstr, entry.fuzzy)
    return found


def render(article, table, lang, source=False):
    """The article in lang. source=True renders the article's own language, keeping its
    quotation marks and punctuation exactly (the round trip)."""
    out = Rendered("")
    parts = []
    pieces = article.pieces
    moved = False   # a quote's full stop waiting to follow its closing mark
    for n, piece in enumerate(pieces):
        if piece.translatable:
            k = catalog.key(article, piece)
            if k in table:
                text, fuzzy = table[k]
                out.translated += 1
                if fuzzy:
                    out.unreviewed.append(piece.text)
            else:
                text = piece.text
                out.fallback.append(piece.text)
            if piece.kind == "quote" and not source:
                text, moved = _quote_words(text, lang, _next(pieces, n))
        elif source:
            text = piece.text
        else:
            text = _glue(piece, lang) + ("." if moved and piece.kind == "close" else "")
            moved = moved and piece.kind != "close"
        parts.append(text)
    out.text = "".join(parts)
    return out


def _next(pieces, n):
    return pieces[n + 1] if n + 1 < len(pieces) else None


def _quote_words(text, lang, after):
    """A quote's translated words, ready for the target's marks: nested double marks
    become the language's nested marks, and a full stop moves outside where the
    language wants it."""
    text = text.strip()
    for mark, nested in (("“", lang.nested[0]), ("”", lang.nested[1]),
                         ("‘", lang.nested[0]), ("’ ", lang.nested[1] + " ")):
        text = text.replace(mark, nested)
    if lang.period_outside and after is not None and after.kind == "close" \
            and after.role == "close" and text.endswith(".") and not text.endswith("..."):
        return text[:-1], True
    return text, False


def _glue(piece, lang):
    """The text between translated pieces, in the target's typography."""
    if piece.kind == "open":
        if piece.role == "open-attr":
            return lang.open_attr
        return _marks(piece.text, lang.quotes[0])
    if piece.kind == "close":
        if piece.role == "close-attr":
            return lang.close_attr
        if piece.role == "close-attr-term":
            return lang.close_attr_term
        return _marks(piece.text, lang.quotes[1])
    return piece.text


def _marks(text, mark):
    """The glue's quotation mark (whatever glyph the source used) as the target's."""
    return "".join(mark if ch in SOURCE_MARKS else ch for ch in text)


def source_language(article):
    """The table of the language the article is written in (English where we have no
    table for what langdetect found)."""
    return languages.LANGUAGES.get(article.language, languages.ENGLISH)


def render_files(articles, locales, langs, out, reviewed_only=False):
    """Render every article in every language to OUT/<lang>/<article>.txt.
    Returns {(article name, lang code): Rendered}."""
    results, outputs = {}, {}
    for article in articles:
        source = source_language(article)
        _, po_paths = catalog.catalog_paths(locales, article.name, langs)
        for code, po_path in po_paths.items():
            lang = languages.get(code)
            table = {}
            if po_path.exists():
                po = catalog.read_po(po_path, lang)
                _matches_article(po, article, po_path)
                table = translations(po, reviewed_only)
            done = render(article, table, lang, source=code == source.code)
            results[(article.name, code)] = done
            outputs[Path(out) / code / f"{article.name}.txt"] = done.text
    for path, text in outputs.items():
        catalog.write_if_changed(path, text)
    return results


def _matches_article(po, article, path):
    """Every live entry of a catalog must be a piece of its article: one that is not was
    edited by hand or is stale, and rendering would silently drop it."""
    keys = {catalog.key(article, p) for p in article.pieces if p.translatable}
    for entry in po:
        if not entry.obsolete and entry.msgid and (entry.msgctxt, entry.msgid) not in keys:
            raise InputError(path, f"entry {entry.msgid[:40]!r} matches no piece of "
                                   f"{article.path}; run translate extract", entry.linenum)
