"""The plain data passed between stages: an article, its blocks, pieces and quotes."""

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from translate.errors import InputError
from translate.languages import detect_language

# Pieces a translator translates; every other piece is carried over or typeset.
TRANSLATABLE = frozenset({"headline", "subheading", "dateline", "sentence", "quote",
                          "attribution", "caption"})


@dataclass
class Piece:
    """A run of the article's text. Joined in order, the pieces are the article."""

    kind: str    # a TRANSLATABLE kind, or space, meta, credit, byline, open, close
    text: str
    start: int   # offset of the first character in the article's text
    line: int    # 1-based line of that character
    role: str = ""            # for open/close marks: how the quote meets its attribution
    quote: int | None = None  # for quote and attribution pieces: the quote's index

    @property
    def translatable(self):
        return self.kind in TRANSLATABLE


@dataclass
class Block:
    id: str      # b1, b2, ... in document order
    kind: str    # meta, headline, subheading, paragraph, caption, byline
    pieces: list[Piece] = field(default_factory=list)

    @property
    def line(self):
        return self.pieces[0].line


@dataclass
class Quote:
    """A direct or partial quote and who said it."""

    text: str
    block: str
    line: int
    start: int
    partial: bool = False
    speaker: str | None = None
    mention: str | None = None
    cue: str | None = None
    gender: str | None = None   # "m", "f" or None where the text does not tell

    def as_json(self):
        return {"text": self.text, "speaker": self.speaker, "mention": self.mention,
                "cue": self.cue, "gender": self.gender, "partial": self.partial,
                "block": self.block, "line": self.line}


@dataclass
class Article:
    path: str
    text: str
    blocks: list[Block]
    quotes: list[Quote]
    warnings: list[str] = field(default_factory=list)
    date: str | None = None   # ISO date from the article's metadata or file name

    @property
    def name(self):
        return Path(self.path).stem

    @cached_property
    def language(self):
        """The article's language, detected once on its whole text."""
        return detect_language(self.text)

    @property
    def pieces(self):
        return [p for b in self.blocks for p in b.pieces]

    def rebuild(self):
        """The source text again, from the pieces: proves nothing was lost."""
        return "".join(p.text for p in self.pieces)


def read_text(path):
    """An article's text, decoded exactly (BOM and CRLF kept), or an InputError."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise InputError(path, "is a directory, not an article") from None
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except OSError as err:
        raise InputError(path, f"cannot read: {err.strerror}") from None
    if b"\0" in data:
        raise InputError(path, "is a binary file, not a UTF-8 article")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[:err.start].count(b"\n") + 1
        raise InputError(path, f"is not UTF-8 (byte 0x{data[err.start]:02x})", line) from None
    if not text.strip("\ufeff \t\r\n"):
        raise InputError(path, "is empty")
    return text


def find_articles(paths, default="seeds"):
    """The article files named, with directories expanded to their *.txt, sorted."""
    paths = [Path(p) for p in paths] or [Path(default)]
    found = []
    for path in paths:
        if path.is_dir():
            inside = sorted(path.glob("*.txt"))
            if not inside:
                raise InputError(path, "directory holds no articles (*.txt)")
            found.extend(inside)
        elif path.exists():
            found.append(path)
        else:
            raise InputError(path, "no such file or directory")
    return found
