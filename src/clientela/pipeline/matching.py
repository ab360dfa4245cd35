"""When two customer records look like the same company: normalized names, phones, e-mails and tax ids. Pure Python."""

import re
import unicodedata
from difflib import SequenceMatcher

# Legal forms and fillers that say nothing about which company it is.
_NOISE = frozenset(
    "s l u sl slu sa sau sll scoop sc cb ltd limited gmbh ag inc llc co corp company sarl srl sas bv nv plc the el la los las de del y and".split()
)
SIMILAR_NAME = 0.88  # difflib ratio from which two names in the same town look like one company
PHONE_DIGITS = 9  # national numbers: the last nine digits, without the country prefix


def name_key(name: str) -> str:
    """A company name without accents, case, punctuation and legal forms.

    Examples
    --------
    >>> name_key("Bodega  Martínez, S.L.")
    'bodega martinez'
    """
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    words = re.findall(r"[a-z0-9]+", text)
    kept = [word for word in words if word not in _NOISE]
    return " ".join(kept or words)


def town_key(city: str) -> str:
    """A town name without accents, case and punctuation ("" when unknown)."""
    return " ".join(re.findall(r"[a-z0-9]+", unicodedata.normalize("NFKD", city).encode("ascii", "ignore").decode().lower()))


def phone_key(phone: str) -> str:
    """The last nine digits of a phone number, or "" when it has fewer than six.

    Examples
    --------
    >>> phone_key("+34 912 34 56 78") == phone_key("912345678")
    True
    """
    digits = re.sub(r"\D", "", phone)
    return digits[-PHONE_DIGITS:] if len(digits) >= 6 else ""


def email_key(email: str) -> str:
    return email.strip().lower()


def tax_id_key(tax_id: str) -> str:
    """A tax id in capitals without spaces, dots or dashes.

    Examples
    --------
    >>> tax_id_key("b-12.345.678")
    'B12345678'
    """
    return re.sub(r"[^0-9A-Za-z]", "", tax_id).upper()


def similar_names(first: str, second: str) -> bool:
    """Whether two names (as given) look like the same company: equal keys, or a difflib ratio of at least 0.88."""
    a, b = name_key(first), name_key(second)
    if not a or not b:
        return False
    if a == b:
        return True
    matcher = SequenceMatcher(None, a, b)
    return matcher.real_quick_ratio() >= SIMILAR_NAME and matcher.quick_ratio() >= SIMILAR_NAME and matcher.ratio() >= SIMILAR_NAME
