"""What every scheme definition has: a name, a version, the key metric and the window."""

from datetime import date
from typing import Annotated

from ibis.expr.types import Table
from pydantic import BaseModel, ConfigDict, Field

from clientela.engine.inputs import Inputs
from clientela.engine.metrics import Metric
from clientela.engine.window import Window


# A scheme's name; each kind declares it again with its own default, and keeps these limits that way.
SchemeName = Annotated[str, Field(min_length=1, max_length=100)]


class SchemeDefinition(BaseModel):
    """A frozen, typed, JSON-serialisable scheme definition; `classify` compiles it to an Ibis table.

    The result has one row per customer with `customer_id`, `class` and the explanation columns
    of the scheme (always `value`, the key metric, and `rank`).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: SchemeName
    version: int = Field(default=1, ge=1)
    metric: Metric = Metric.REVENUE
    window_months: int = Field(default=12, ge=1, le=120)

    def window(self, as_of: date) -> Window:
        """The analysis window ending on `as_of`."""
        return Window(as_of, self.window_months)

    def metric_names(self) -> frozenset[str]:
        """The per-customer metrics (`clientela.engine.customer_metrics.METRICS`) the scheme reads over its window."""
        return frozenset({self.metric.value})

    def classify(self, inputs: Inputs, as_of: date) -> Table:
        """One row per customer: `customer_id`, `class` and the explanation columns."""
        raise NotImplementedError
