"""The schemes a new database starts with (created by a data migration, and by the demo after a reset)."""

from clientela.engine.schemes import AbcCountScheme, AbcScheme, MatrixScheme, ProfitScheme, ProspectScheme, RulesScheme, VipScheme
from clientela.engine.schemes.base import SchemeDefinition
from clientela.engine.schemes.rules import share_rules


def default_schemes() -> list[SchemeDefinition]:
    """ABC by share and by head count, the growth and share rule presets, VIP register, profit 20/60/20, matrix, prospects."""
    return [
        AbcScheme(),
        AbcCountScheme(),
        RulesScheme(),
        RulesScheme(name="rules-share", rules=share_rules()),
        VipScheme(),
        ProfitScheme(),
        MatrixScheme(),
        ProspectScheme(),
    ]
