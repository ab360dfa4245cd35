"""The .po files of Spanish, French, Simplified Chinese and Romanian: up to date with the source, nothing untranslated, nothing fuzzy."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

import clientela

LOCALE = Path(clientela.__file__).parent / "locale"
LANGUAGES = ("es", "fr", "zh_Hans", "ro")


def missing(language: str) -> list[str]:
    """Entries of a language's .po file that are untranslated or fuzzy, with where they come from."""
    po = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    return [f"{entry.msgid!r} ({', '.join(path for path, _ in entry.occurrences)})" for entry in po if not entry.obsolete and (not entry.translated() or entry.fuzzy)]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_po_file_is_complete_without_fuzzy_entries(language):
    assert missing(language) == []


def test_every_string_of_the_source_is_in_the_po_files(tmp_path):
    """makemessages over a copy of the package finds no message the committed .po files lack (nor one they keep in vain)."""
    package = Path(clientela.__file__).parent
    copy = tmp_path / "clientela"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("*.mo", "*.db*", "__pycache__"))
    (tmp_path / "extract_settings.py").write_text(f"from clientela.settings import *\nLOCALE_PATHS = [{str(copy / 'locale')!r}]\n")
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "extract_settings", "PYTHONPATH": str(tmp_path)}
    command = [sys.executable, "-m", "django", "makemessages", "-l", "es", "--no-obsolete"]
    subprocess.run(command, cwd=copy, env=environment, check=True, capture_output=True)

    def messages(root: Path) -> set[str]:
        return {entry.msgid for entry in polib.pofile(str(root / "locale" / "es" / "LC_MESSAGES" / "django.po")) if not entry.obsolete}

    assert messages(copy) == messages(package)
