"""The `translate` command: thin click wrappers over the library."""

import json
import os
import re
import sys
from pathlib import Path

import click

from translate import __version__, catalog, languages, mt, render as rendering
from translate import check as checks
from translate.article import find_articles
from translate.errors import InputError
from translate.segment import segment_file

mt_defaults = mt.Options()


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


def _shard(items, shard):
    """Share K of N (1-based) of a sorted list: every item in exactly one share."""
    if not shard:
        return list(items)
    k, n = shard
    return [item for i, item in enumerate(sorted(items)) if i % n == k - 1]


def _parse_shard(ctx, param, value):
    if value is None:
        return None
    m = re.fullmatch(r"(\d+)/(\d+)", value)
    if not m or not 1 <= int(m.group(1)) <= int(m.group(2)):
        raise click.BadParameter("use K/N with 1 <= K <= N, as in --shard 2/3")
    return int(m.group(1)), int(m.group(2))


SHARD = click.option("--shard", callback=_parse_shard, metavar="K/N",
                     help="Do share K of N of the articles (for N parallel CI jobs).")


def _load(ctx, paths, shard=None):
    """Segment every article named; warnings go to stderr."""
    articles = []
    for path in _shard(find_articles(paths), shard):
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
@SHARD
@click.pass_obj
def extract(ctx, articles, locales, langs, shard):
    """Write LOCALES/templates/<article>.pot and LOCALES/<lang>/<article>.po, updating
    existing catalogs with msgmerge so no translation is lost. ARTICLES default to seeds/."""
    loaded = _load(ctx, articles, shard)
    with catalog.locked(locales, log=ctx.progress):
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
@SHARD
@click.pass_obj
def render(ctx, articles, locales, langs, out, reviewed_only, shard):
    """Write OUT/<lang>/<article>.txt from the catalogs; untranslated pieces stay in
    the source language and are counted."""
    loaded = _load(ctx, articles, shard)
    results = rendering.render_files(loaded, locales, langs, out, reviewed_only)
    for (name, code), done in results.items():
        note = f"{done.translated}/{done.total} pieces translated"
        if done.fallback:
            note += f", {len(done.fallback)} in the source language"
        if done.unreviewed:
            note += f", {len(done.unreviewed)} unreviewed (fuzzy)"
        click.echo(f"{out}/{code}/{name}.txt: {note}")
        shown = done.unreviewed if ctx.verbosity > 1 else done.unreviewed[:3]
        for text in shown:
            ctx.progress(f"    unreviewed: {text[:70]}")
        if len(shown) < len(done.unreviewed):
            ctx.progress(f"    ... and {len(done.unreviewed) - len(shown)} more unreviewed "
                         f"(-v lists them all)")


@main.command()
@click.argument("articles", nargs=-1, type=click.Path())
@LOCALES
@LANGS
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def status(articles, locales, langs, as_json):
    """Translated, fuzzy, untranslated and obsolete entries per article and language."""
    names = [Path(p).stem for p in find_articles(articles)] if articles else sorted(
        p.stem for p in Path(locales, "templates").glob("*.pot"))
    rows = []
    for name in names:
        for code in langs:
            path = Path(locales, code, f"{name}.po")
            if path.exists():
                counts = catalog.status(catalog.read_po(path, languages.get(code)))
                rows.append({"article": name, "lang": code, **counts})
    if as_json:
        click.echo(json.dumps(rows, indent=1))
        return
    click.echo(f"{'article':<32}{'lang':<6}{'transl.':>8}{'fuzzy':>7}{'untr.':>7}"
               f"{'obsol.':>7}{'reviewed':>10}")
    for r in rows:
        click.echo(f"{r['article'][:31]:<32}{r['lang']:<6}{r['translated']:>8}{r['fuzzy']:>7}"
                   f"{r['untranslated']:>7}{r['obsolete']:>7}{r['reviewed']:>10.0%}")


# -- models and machine translation -------------------------------------------------------
@main.group()
def models():
    """List and install Argos Translate packages (ARGOS_PACKAGES_DIR is respected)."""


@models.command("list")
@LANGS
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def models_list(langs, as_json):
    """Installed packages and which target languages they serve."""
    found = mt.installed()
    routes = {code: mt.route(found, "en", code) for code in langs}
    if as_json:
        click.echo(json.dumps({
            "packages": [{"name": m.name, "version": m.version, "from": m.source,
                          "to": m.target, "demo": m.demo, "path": str(m.path)} for m in found],
            "targets": {c: [m.name for m in r] if r else None for c, r in routes.items()},
        }, indent=1))
        return
    click.echo(f"packages in {mt.packages_dir()}:")
    for m in found:
        click.echo(f"  {m.name:<22}{m.version:<8}{m.source}->{m.target}{'  DEMO' if m.demo else ''}")
    for code, r in routes.items():
        how = ("direct: " if r and len(r) == 1 else "pivot: ") + " + ".join(m.label for m in r) \
            if r else "no model (translate models install " + code + ")"
        click.echo(f"en->{code}: {how}")


@models.command("install")
@click.argument("targets", nargs=-1)
@click.option("--from-file", "files", multiple=True, type=click.Path(dir_okay=False),
              help="Install an .argosmodel file (repeatable).")
@click.option("--dir", "dirs", multiple=True, type=click.Path(file_okay=False),
              help="Look here for .argosmodel files of missing targets first.")
@click.option("--demo", is_flag=True,
              help="Last resort: the project's demo models (tests/models), with a warning.")
@click.pass_obj
def models_install(ctx, targets, files, dirs, demo):
    """Install en->TARGET packages: from --from-file, then --dir, then the Argos index
    (online), then, with --demo, the project's demo models."""
    for path in files:
        mt.install_file(path)
        ctx.progress(f"installed {path}")
    for target, how in mt.ensure(targets, dirs, demo_dir="tests/models" if demo else None,
                                 log=ctx.progress):
        if how == "demo":
            click.echo(f"WARNING: en->{target} uses the DEMO model: a tiny model trained on "
                       f"the sample article, not fit for publication", err=True)


@main.command("mt")
@LOCALES
@LANGS
@click.option("--beam-size", default=mt_defaults.beam_size, show_default=True, type=int)
@click.option("--compute-type", default=mt_defaults.compute_type, show_default=True,
              type=click.Choice(["int8", "int8_float32", "int16", "float32"]))
@click.option("--threads", default=mt_defaults.threads, show_default=True, type=int,
              help="CTranslate2 threads (0: one per core).")
@SHARD
@click.pass_obj
def machine_translate(ctx, locales, langs, beam_size, compute_type, threads, shard):
    """Fill empty entries of LOCALES/<lang>/*.po with machine translation, marked fuzzy."""
    names = set(_shard([p.stem for p in Path(locales, "templates").glob("*.pot")], shard))
    paths = sorted(p for code in langs for p in Path(locales, code).glob("*.po")
                   if p.stem in names)
    if not paths:
        raise InputError(locales, f"no catalogs for {', '.join(langs)}; run translate extract")
    options = mt.Options(beam_size=beam_size, compute_type=compute_type, threads=threads)
    with catalog.locked(locales, log=ctx.progress):
        reports = mt.fill_catalogs(paths, options, log=ctx.progress)
    missing = sorted({r.missing for r in reports if r.missing})
    for r in reports:
        if r.filled:
            click.echo(f"{r.path}: {r.filled} entries machine-translated ({r.models})")
            if "demo model" in r.models:
                click.echo(f"WARNING: {r.path} was filled by a DEMO model; its text is not "
                           f"fit for publication", err=True)
    for pair in missing:
        click.echo(f"translate: error: {mt.MissingModel(*pair.split('->'))}", err=True)
    if missing:
        sys.exit(1)


@main.command("check")
@click.argument("articles", nargs=-1, type=click.Path())
@LOCALES
@LANGS
@click.option("--publish", is_flag=True, help="Catalogs for publication: demo output is an error.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "junit"]), default="text",
              show_default=True)
@click.option("--severity", "severities", multiple=True, metavar="CHECK=LEVEL",
              help="Override a check's severity (error or warning); repeatable.")
@click.option("--list", "list_checks", is_flag=True, help="List the checks and exit.")
@SHARD
@click.pass_obj
def check_command(ctx, articles, locales, langs, publish, fmt, severities, list_checks, shard):
    """Fail on stale catalogs, msgfmt errors and QA errors in reviewed entries."""
    if list_checks:
        for c in checks.CHECKS.values():
            click.echo(f"{c.name:<14}{c.severity:<9}{c.doc}")
        return
    levels = {}
    for item in severities:
        name, _, level = item.partition("=")
        if name not in checks.CHECKS or level not in ("error", "warning"):
            raise click.BadParameter(f"{item!r}: use CHECK=error|warning with a check from --list")
        levels[name] = level
    loaded = _load(ctx, articles, shard)
    findings = checks.check_catalogs(loaded, locales, langs, publish, levels)
    errors = [f for f in findings if f.severity == "error"]
    if fmt == "json":
        click.echo(json.dumps([f.as_dict() for f in findings], ensure_ascii=False, indent=1))
    elif fmt == "junit":
        click.echo(checks.as_junit(findings), nl=False)
    else:
        for f in findings:
            click.echo(str(f))
            if os.environ.get("GITHUB_ACTIONS"):
                click.echo(checks.as_github(f))
        ctx.progress(f"check: {len(loaded)} article(s), {len(errors)} error(s), "
                     f"{len(findings) - len(errors)} warning(s)")
    if errors:
        sys.exit(1)
