"""Segmentation schemes (SPEC S3): frozen definitions compiled to Ibis expressions.

A definition is plain data: `scheme.model_dump(mode="json")` gives the JSON the app stores, and
`scheme_from_dict` reads it back (the `kind` field says which scheme it is).
"""

from typing import Annotated, Any

from pydantic import Field, TypeAdapter, ValidationError

from clientela.engine.schemes.abc import AbcCountScheme, AbcScheme
from clientela.engine.schemes.matrix import MatrixScheme
from clientela.engine.schemes.profit import ProfitScheme
from clientela.engine.schemes.rules import RulesScheme
from clientela.engine.schemes.vip import VipScheme

Scheme = Annotated[
    AbcScheme | AbcCountScheme | RulesScheme | VipScheme | ProfitScheme | MatrixScheme, Field(discriminator="kind")
]

KINDS: dict[str, type[Any]] = {
    "abc": AbcScheme,
    "abc-count": AbcCountScheme,
    "rules": RulesScheme,
    "vip": VipScheme,
    "profit": ProfitScheme,
    "matrix": MatrixScheme,
}

_ADAPTER: TypeAdapter[Scheme] = TypeAdapter(Scheme)


class SchemeError(ValueError):
    """A scheme definition that does not validate; the message names each bad field."""


def scheme_from_dict(data: dict[str, Any]) -> Scheme:
    """Read a stored definition back, or raise SchemeError naming each bad field."""
    try:
        return _ADAPTER.validate_python(data)
    except ValidationError as error:
        problems = "; ".join(f"{'.'.join(str(part) for part in problem['loc']) or 'definition'}: {problem['msg']}" for problem in error.errors())
        raise SchemeError(problems) from None


__all__ = ["KINDS", "AbcCountScheme", "AbcScheme", "MatrixScheme", "ProfitScheme", "RulesScheme", "Scheme", "SchemeError", "VipScheme", "scheme_from_dict"]
