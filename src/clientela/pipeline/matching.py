"""When two customer records look like the same company: normalized names, phones, e-mails and tax ids. Pure Python."""

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
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
    return _similar_keys(name_key(first), name_key(second))


def _similar_keys(a: str, b: str) -> bool:
    if not a or not b:
        return False
    if a == b:
        return True
    matcher = SequenceMatcher(None, a, b)
    return matcher.real_quick_ratio() >= SIMILAR_NAME and matcher.quick_ratio() >= SIMILAR_NAME and matcher.ratio() >= SIMILAR_NAME


@dataclass(frozen=True)
class Identity:
    """What tells which company a customer record is, as written: name, town, e-mail, phone and tax id."""

    name: str
    city: str = ""
    email: str = ""
    phone: str = ""
    tax_id: str = ""


SAME_TAX_ID = "same tax id"
SAME_EMAIL = "same e-mail"
SAME_PHONE = "same phone"
SIMILAR_NAME_SAME_TOWN = "similar name in the same town"
_KEYS: tuple[tuple[str, Callable[[Identity], str]], ...] = (
    (SAME_TAX_ID, lambda record: tax_id_key(record.tax_id)),
    (SAME_EMAIL, lambda record: email_key(record.email)),
    (SAME_PHONE, lambda record: phone_key(record.phone)),
)


def lookalike_pairs(records: Sequence[Identity], *, first_new: int = 0) -> dict[tuple[int, int], list[str]]:
    """Pairs of positions i < j of `records` that look like one company, each with the reasons, in the order of `_KEYS`.

    Same tax id, e-mail or phone (by their keys), or similar names in the same town. Records
    before `first_new` are known to each other: only pairs with j >= `first_new` are looked for
    (each new record against every record before it), so checking a few new records against
    many known ones costs little.

    Examples
    --------
    >>> known = Identity("Bar Sol", city="Bilbao", phone="944 000 111")
    >>> lookalike_pairs([known, Identity("Bar Sol S.L.", city="bilbao"), Identity("Luna", phone="+34944000111")], first_new=1)
    {(0, 2): ['same phone'], (0, 1): ['similar name in the same town']}
    """
    pairs: dict[tuple[int, int], list[str]] = defaultdict(list)
    for reason, key in _KEYS:
        groups: dict[str, list[int]] = defaultdict(list)
        for position, record in enumerate(records):
            if value := key(record):
                groups[value].append(position)
        for members in groups.values():
            for index, j in enumerate(members):
                if j >= first_new:
                    for i in members[:index]:
                        pairs[(i, j)].append(reason)
    towns: dict[str, list[int]] = defaultdict(list)
    for position, record in enumerate(records):
        if town := town_key(record.city):
            towns[town].append(position)
    for members in towns.values():
        for i, j in _similar_in_town(records, members, first_new):
            pairs[(i, j)].append(SIMILAR_NAME_SAME_TOWN)
    return dict(pairs)


def _similar_in_town(records: Sequence[Identity], members: list[int], first_new: int) -> list[tuple[int, int]]:
    """Pairs i < j of `members` (j new) with similar names; only names of compatible lengths are compared.

    Two names of lengths a <= b have a difflib ratio of at most 2a / (a + b), so a name is
    compared only with those whose length keeps that bound at `SIMILAR_NAME` or above (with a
    hair of slack for rounding: the comparison itself decides).
    """
    names = {position: name_key(records[position].name) for position in members}
    by_length = sorted(members, key=lambda position: len(names[position]))
    lengths = [len(names[position]) for position in by_length]
    shortest, longest = SIMILAR_NAME / (2 - SIMILAR_NAME) - 1e-9, (2 - SIMILAR_NAME) / SIMILAR_NAME + 1e-9
    found = []
    for j in members:
        if j < first_new:
            continue
        size = len(names[j])
        for i in by_length[bisect_left(lengths, size * shortest) : bisect_right(lengths, size * longest)]:
            if i < j and _similar_keys(names[i], names[j]):
                found.append((i, j))
    return found
