"""Bad input that users, files and attackers send: each entry is a name and the text."""

LONG = "x" * 10_000
NUL = "Bar\x00Uno"

CORPUS = {
    "long": LONG,
    "emoji": "Bar 🍺🍻 Ñandú",
    "rtl": "مقهى الشرق \u202eevil\u202c",
    "combining": "Cafe\u0301 Z\u0335a\u0336l\u0337g\u0338o",
    "nul": NUL,
    "formula": "=cmd|' /C calc'!A0",
    "at-formula": "@SUM(1+1)",
    "sql": "'; DROP TABLE customers; --",
    "html": "<script>alert('x')</script>",
}

# Entries no field of the app can store: too long for any name, or holding a NUL character (PostgreSQL refuses it).
REFUSED = {"long", "nul"}


def stored(name: str) -> bool:
    """Whether the entry must be stored as it is (else refused with a clear error)."""
    return name not in REFUSED
