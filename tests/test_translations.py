"""The .po files of Spanish, French, Simplified Chinese and Romanian: nothing untranslated, nothing fuzzy."""

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
