"""Segmentation schemes (SPEC S3): frozen definitions compiled to Ibis expressions.

A definition is plain data: `scheme.model_dump(mode="json")` gives the JSON the app stores, and
`scheme_from_dict` reads it back (the `kind` field says which scheme it is).
"""

from typing import Annotated, Any

from pydantic import Field, TypeAdapter, ValidationError

from clientela.engine.schemes.abc import AbcCountScheme, AbcScheme
from clientela.engine.schemes.matrix import MatrixScheme
from clientela.engine.schemes.profit import ProfitScheme
from clientela.engine.schemes.prospects import ProspectScheme
from clientela.engine.schemes.rules import RulesScheme
from clientela.engine.schemes.vip import VipScheme

Scheme = Annotated[
    AbcScheme | AbcCountScheme | RulesScheme | VipScheme | ProfitScheme | MatrixScheme | ProspectScheme,
    Field(discriminator="kind"),
]

KINDS: dict[str, type[Any]] = {
    "abc": AbcScheme,
    "abc-count": AbcCountScheme,
    "rules": RulesScheme,
    "vip": VipScheme,
    "profit": ProfitScheme,
    "matrix": MatrixScheme,
    "prospects": ProspectScheme,
}

_ADAPTER: TypeAdapter[Scheme] = TypeAdapter(Scheme)


class SchemeError(ValueError):
    """A scheme definition that does not validate; the message names each bad field."""


def scheme_from_dict(data: dict[str, Any]) -> Scheme:
    """Read a stored definition back, or raise SchemeError naming each bad field."""
    try:
        return _ADAPTER.validate_python(data)
    except ValidationError as error:
        errors = error.errors()
        kind = data.get("kind") if isinstance(data, dict) else None
        problems = "; ".join(
            f"{_field(problem['loc'], kind)}: {problem['msg']}" for problem in errors if not _follows_from_others(problem, errors)
        )
        raise SchemeError(problems) from None


def _field(loc: tuple[Any, ...], kind: Any) -> str:
    """The path of the bad field; the union's tag (the kind) that pydantic puts first is not a field."""
    parts = loc[1:] if loc and loc[0] == kind else loc
    return ".".join(str(part) for part in parts) or "definition"


def _follows_from_others(problem: Any, errors: list[Any]) -> bool:
    """Pydantic also calls a tuple "too short" when its items fail; that is not a separate problem."""
    loc = problem["loc"]
    return problem["type"] == "too_short" and any(len(other["loc"]) > len(loc) and other["loc"][: len(loc)] == loc for other in errors)


__all__ = ["KINDS", "AbcCountScheme", "AbcScheme", "MatrixScheme", "ProfitScheme", "ProspectScheme", "RulesScheme", "Scheme", "SchemeError", "VipScheme", "scheme_from_dict"]
