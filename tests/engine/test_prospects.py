"""S3.6 Prospect matrix PI–PIV against hand-computed weighted scores, on every backend.

Weights of the tests' scheme: contribution = strength 2, management 1, network 1, buyers 1,
marketing 1, growth 2, strategic importance 2 (sum 10); intention = competitive advantage 1,
judgement 3 (sum 4). Thresholds 3 (the defaults).

    id  str mgt net buy mkt gro adv imp jdg  contribution                      intention          class
    1    5   4   3   4   3   5   4   4   5   (10+4+3+4+3+10+8)/10 = 4.2        (4+15)/4 = 4.75    PI
    2    4   3   4   3   3   3   2   5   2   (8+3+4+3+3+6+10)/10 = 3.7         (2+6)/4 = 2.0      PII (switching cost)
    3    1   2   2   2   1   2   5   1   4   (2+2+2+2+1+4+2)/10 = 1.5          (5+12)/4 = 4.25    PIII
    4    2   2   2   2   2   2   2   2   2   2.0                               2.0                PIV
    5    5   –   –   –   –   5   –   –   3   (10+10)/(2+2) = 5.0               9/3 = 3.0 (= threshold: high)  PI
    6    –   –   –   –   –   –   –   –   –   none                              none               PIV
    7    3   3   3   3   3   3   1   3   1   3.0 (= threshold: high)           1.0                PII (no reason given)
"""

from datetime import date

import ibis
import pytest

from clientela.engine.inputs import Inputs, app_inputs
from clientela.engine.schema import INPUT_TABLES
from clientela.engine.schemes import ProspectScheme, SchemeError, scheme_from_dict
from clientela.engine.schemes.prospects import COUNTER_MEASURES, INDICATORS, PRIORITIES, STRATEGIES, UNKNOWN_REASON, IndicatorWeights
from tests.fixtures.engines import prospects_table, transactions_table

AS_OF = date(2024, 6, 30)
_ = None
PROSPECTS = [
    (1, 5, 4, 3, 4, 3, 5, 4, 4, 5, None),
    (2, 4, 3, 4, 3, 3, 3, 2, 5, 2, "switching_cost"),
    (3, 1, 2, 2, 2, 1, 2, 5, 1, 4, None),
    (4, 2, 2, 2, 2, 2, 2, 2, 2, 2, "unaware"),
    (5, 5, _, _, _, _, 5, _, _, 3, None),
    (6, _, _, _, _, _, _, _, _, _, "competitor"),
    (7, 3, 3, 3, 3, 3, 3, 1, 3, 1, None),
]
SCHEME = ProspectScheme(
    contribution_weights=IndicatorWeights(
        strength_scale=2, management_level=1, distribution_network=1, buyers_purchasing_power=1, marketing_level=1, growth_capability=2, strategic_importance=2
    ),
    intention_weights=IndicatorWeights(competitive_advantage=1, judgement=3),
)
EXPECTED = {
    1: ("PI", 4.2, 4.75, 2),
    2: ("PII", 3.7, 2.0, 3),
    3: ("PIII", 1.5, 4.25, 6),
    4: ("PIV", 2.0, 2.0, 5),
    5: ("PI", 5.0, 3.0, 1),
    6: ("PIV", None, None, 7),
    7: ("PII", 3.0, 1.0, 4),
}


_RESULTS: dict[tuple, dict[int, dict]] = {}


def run(backend, scheme=SCHEME, rows=PROSPECTS) -> dict[int, dict]:
    key = (backend.name, scheme.model_dump_json(), tuple(rows))
    if key not in _RESULTS:
        inputs = Inputs(transactions_table(backend, []), prospects=prospects_table(backend, rows))
        _RESULTS[key] = {row["customer_id"]: row for row in scheme.classify(inputs, AS_OF).to_pyarrow().to_pylist()}
    return _RESULTS[key]


def test_weighted_scores_rank_and_class_match_the_hand_computed_ones(backend):
    result = run(backend)
    for customer, (label, contribution, intention, rank) in EXPECTED.items():
        row = result[customer]
        assert row["class"] == label, customer
        assert row["contribution"] == (pytest.approx(contribution, abs=1e-9) if contribution is not None else None), customer
        assert row["value"] == row["contribution"]
        assert row["intention"] == (pytest.approx(intention, abs=1e-9) if intention is not None else None), customer
        assert row["rank"] == rank, customer


def test_each_class_carries_its_strategy_priority_and_thresholds(backend):
    for row in run(backend).values():
        assert row["strategy"] == STRATEGIES[row["class"]]
        assert row["priority"] == PRIORITIES[row["class"]]
        assert (row["contribution_threshold"], row["intention_threshold"]) == (3.0, 3.0)
    assert STRATEGIES["PI"].startswith("breakthrough") and STRATEGIES["PII"].startswith("cultivate")
    assert STRATEGIES["PIII"].startswith("close cheaply") and STRATEGIES["PIV"].startswith("minimal effort")


def test_only_a_pii_carries_the_reason_for_low_intention_and_its_counter_measure(backend):
    result = run(backend)
    assert (result[2]["low_intention_reason"], result[2]["counter_measure"]) == ("switching_cost", COUNTER_MEASURES["switching_cost"])
    assert (result[7]["low_intention_reason"], result[7]["counter_measure"]) == (None, UNKNOWN_REASON)
    for customer in (1, 3, 4, 5, 6):  # 4 and 6 have a reason, but are not PII
        assert (result[customer]["low_intention_reason"], result[customer]["counter_measure"]) == (None, None)


def test_the_indicators_are_in_the_explanation(backend):
    row = run(backend)[2]
    assert [row[name] for name in INDICATORS] == list(PROSPECTS[1][1:10])


def test_thresholds_are_configurable(backend):
    result = run(backend, SCHEME.model_copy(update={"contribution_threshold": 4.0, "intention_threshold": 4.5}))
    assert {customer: row["class"] for customer, row in result.items()} == {1: "PI", 2: "PIV", 3: "PIV", 4: "PIV", 5: "PII", 6: "PIV", 7: "PIV"}


def test_default_weights_count_each_indicator_once(backend):
    # Contribution: the seven indicators but advantage and judgement; intention: advantage and judgement.
    result = run(backend, ProspectScheme())
    assert result[1]["contribution"] == pytest.approx((5 + 4 + 3 + 4 + 3 + 5 + 4) / 7, abs=1e-9)
    assert result[1]["intention"] == pytest.approx((4 + 5) / 2, abs=1e-9)
    assert result[3]["class"] == "PIII"


def test_without_weights_every_prospect_is_low():
    scheme = ProspectScheme(contribution_weights=IndicatorWeights(), intention_weights=IndicatorWeights())
    result = run(ibis.duckdb.connect(), scheme)
    assert {row["class"] for row in result.values()} == {"PIV"}


def test_the_scheme_needs_a_prospects_table():
    inputs = Inputs(transactions_table(ibis.duckdb.connect(), []))
    with pytest.raises(ValueError, match="the prospect matrix needs a prospects table"):
        ProspectScheme().classify(inputs, AS_OF)


def test_the_definition_round_trips_and_names_bad_fields():
    assert scheme_from_dict(SCHEME.model_dump(mode="json")) == SCHEME
    with pytest.raises(SchemeError, match=r"intention_threshold: Input should be less than or equal to 5"):
        scheme_from_dict({"kind": "prospects", "intention_threshold": 6})
    with pytest.raises(SchemeError, match=r"contribution_weights.judgement: Input should be greater than or equal to 0"):
        scheme_from_dict({"kind": "prospects", "contribution_weights": {"judgement": -1}})


def test_the_app_inputs_score_open_pipeline_entries_with_the_profile_levels():
    connection = ibis.sqlite.connect()
    for table in INPUT_TABLES.values():
        connection.create_table(table.name, schema=ibis.schema(table.columns))
    entries = ["customer_id", "stage", "strength_scale", "distribution_network", "growth_capability", "competitive_advantage", "strategic_importance", "judgement", "low_intention_reason"]
    rows = [(1, "target", 5, 5, 5, 5, 5, 5, None), (2, "signed", 5, 5, 5, 5, 5, 5, None), (3, "future", 1, 1, 1, 1, 1, 1, "unaware")]
    connection.raw_sql(f"INSERT INTO pipeline_entries ({', '.join(entries)}) VALUES " + ", ".join(str(tuple("NULL" if v is None else v for v in row)).replace("'NULL'", "NULL") for row in rows))
    connection.raw_sql("INSERT INTO customer_profiles (customer_id, management_level, buyers_purchasing_power, marketing_level) VALUES (1, 4, 4, 4), (2, 1, 1, 1)")
    prospects = {row["customer_id"]: row for row in app_inputs(connection).prospects.to_pyarrow().to_pylist()}
    assert sorted(prospects) == [1, 3]  # the signed customer is no prospect any more
    assert (prospects[1]["management_level"], prospects[1]["buyers_purchasing_power"], prospects[1]["marketing_level"]) == (4, 4, 4)
    assert prospects[3]["management_level"] is None and prospects[3]["low_intention_reason"] == "unaware"
    result = {row["customer_id"]: row["class"] for row in ProspectScheme().classify(app_inputs(connection), AS_OF).to_pyarrow().to_pylist()}
    assert result == {1: "PI", 3: "PIV"}
    connection.disconnect()
