"""Field types of the API's request bodies, bounded as the database columns are."""

from typing import Annotated

from pydantic import AfterValidator, Field, StringConstraints


def _no_nul(value: str) -> str:
    # PostgreSQL refuses NUL characters in text; refuse them here for every database alike.
    if "\x00" in value:
        raise ValueError("text must not contain NUL characters")
    return value


def text(max_length: int, min_length: int = 0) -> type[str]:
    """A string of at most `max_length` characters (stripped of surrounding blanks), without NUL characters."""
    return Annotated[  # type: ignore[return-value]
        str, StringConstraints(strip_whitespace=True, min_length=min_length, max_length=max_length), AfterValidator(_no_nul)
    ]


Id = Annotated[int, Field(ge=1, le=2**63 - 1)]
Cents = Annotated[int, Field(ge=-(10**15), le=10**15, description="An amount in cents (integer).")]
SmallInt = Annotated[int, Field(ge=-(2**31), le=2**31 - 1)]
Latitude = Annotated[float, Field(ge=-90, le=90, allow_inf_nan=False)]
Longitude = Annotated[float, Field(ge=-180, le=180, allow_inf_nan=False)]
