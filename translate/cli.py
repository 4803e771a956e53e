"""The `translate` command: thin click wrappers over the library."""

import json
import sys

import click

from translate import __version__, catalog, languages, render as rendering
from translate.article import find_articles
from translate.errors import InputError
from translate.segment import segment_file


class Context:
    def __init__(self, verbosity):
        self.verbosity = verbosity

    def progress(self, message):
        if self.verbosity > 0:
            click.echo(message, err=True)

    def detail(self, message):
        if self.verbosity > 1:
            click.echo(message, err=True)


def _langs(value):
    codes = tuple(c.strip() for c in value.split(",") if c.strip())
    for code in codes:
        try:
            languages.get(code)
        except KeyError as err:
            raise click.BadParameter(err.args[0]) from None
    return codes


def _load(ctx, paths):
    """Segment every article named; warnings go to stderr."""
    articles = []
    for path in find_articles(paths):
        article = segment_file(path)
        for warning in article.warnings:
            ctx.progress(warning)
        ctx.detail(f"{path}: {len(article.blocks)} blocks, {len(article.quotes)} quotes")
        articles.append(article)
    return articles


class Group(click.Group):
    """Turns bad input into one line on stderr and exit code 1: no traceback for users."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except InputError as err:
            click.echo(f"translate: error: {err}", err=True)
            sys.exit(1)


@click.group(cls=Group)
@click.version_option(__version__, prog_name="translate")
@click.option("-q", "--quiet", count=True, help="Say less on stderr.")
@click.option("-v", "--verbose", count=True, help="Say more on stderr (-vv for detail).")
@click.pass_context
def main(ctx, quiet, verbose):
    """Offline newsroom translation: segment articles, write gettext catalogs, render."""
    ctx.obj = Context(1 + verbose - quiet)


@main.command()
@click.argument("article", type=click.Path(dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array (the stable contract).")
@click.pass_obj
def quotes(ctx, article, as_json):
    """List the quotes of ARTICLE with speaker, mention, cue and gender."""
    found = _load(ctx, [article])[0].quotes
    if as_json:
        click.echo(json.dumps([q.as_json() for q in found], ensure_ascii=False, indent=1))
        return
    for q in found:
        kind = "partial" if q.partial else "quote"
        click.echo(f"{q.line}\t{kind}\t{q.speaker or '-'} ({q.gender or '-'})\t"
                   f"{q.cue or '-'}\t{q.text}")


@main.command()
@click.argument("article", type=click.Path(dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print blocks and pieces as JSON.")
@click.pass_obj
def segment(ctx, article, as_json):
    """Show how ARTICLE is cut into blocks and pieces."""
    art = _load(ctx, [article])[0]
    if as_json:
        click.echo(json.dumps([{"id": b.id, "kind": b.kind, "pieces": [
            {"kind": p.kind, "text": p.text, "line": p.line, "role": p.role or None}
            for p in b.pieces]} for b in art.blocks], ensure_ascii=False, indent=1))
        return
    for block in art.blocks:
        click.echo(f"{block.id} {block.kind} (line {block.line})")
        for p in block.pieces:
            if p.kind != "space":
                click.echo(f"    {p.kind:<12}{p.text!r}")


LOCALES = click.option("--locales", default="locales", show_default=True,
                       type=click.Path(file_okay=False), help="Catalog directory.")
LANGS = click.option("--lang", "langs", default=",".join(languages.DEFAULT_TARGETS),
                     show_default=True, callback=lambda c, p, v: _langs(v),
                     help="Comma-separated target languages.")


@main.command()
@click.argument("articles", nargs=-1, type=click.Path())
@LOCALES
@LANGS
@click.pass_obj
def extract(ctx, articles, locales, langs):
    """Write LOCALES/templates/<article>.pot and LOCALES/<lang>/<article>.po, updating
    existing catalogs with msgmerge so no translation is lost. ARTICLES default to seeds/."""
    loaded = _load(ctx, articles)
    changed = catalog.extract(loaded, locales, langs)
    for path in changed:
        click.echo(str(path))
    ctx.progress(f"extract: {len(loaded)} article(s), {len(changed)} file(s) changed")


@main.command()
@click.argument("articles", nargs=-1, type=click.Path())
@LOCALES
@LANGS
@click.option("--out", default="build", show_default=True, type=click.Path(file_okay=False),
              help="Where the localised articles go.")
@click.option("--reviewed-only", is_flag=True, help="Use only reviewed (non-fuzzy) translations.")
@click.pass_obj
def render(ctx, articles, locales, langs, out, reviewed_only):
    """Write OUT/<lang>/<article>.txt from the catalogs; untranslated pieces stay in
    the source language and are counted."""
    loaded = _load(ctx, articles)
    results = rendering.render_files(loaded, locales, langs, out, reviewed_only)
    for (name, code), done in results.items():
        note = f"{done.translated}/{done.total} pieces translated"
        if done.fallback:
            note += f", {len(done.fallback)} in the source language"
        if done.unreviewed:
            note += f", {len(done.unreviewed)} unreviewed (fuzzy)"
        click.echo(f"{out}/{code}/{name}.txt: {note}")
        for text in done.unreviewed:
            ctx.detail(f"    unreviewed: {text[:70]}")
