import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_a9fb1a76507f7b7d.txt"
GOLDEN = Path(__file__).resolve().parent / "golden"
# The shared development set sits beside the repository (as in CI).
DEVSET = ROOT.parent / "shared" / "devset"


def devset_articles():
    return sorted(DEVSET.glob("*.txt")) if DEVSET.is_dir() else []


@pytest.fixture
def seed():
    return SEED


@pytest.fixture
def needs_gettext():
    if shutil.which("msgfmt") is None:
        pytest.fail("GNU gettext (msgfmt, msgmerge, msgen) is needed: apt-get install gettext")
