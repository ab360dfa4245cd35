"""Segmentation models: the snapshot's summary line and the default schemes of a new database."""

from datetime import date

import pytest

from clientela.engine.schemes import scheme_from_dict
from clientela.segmentation.defaults import default_schemes
from clientela.segmentation.models import ClassChange, Scheme, Snapshot


def test_a_snapshot_reads_as_a_one_line_summary():
    snapshot = Snapshot(
        scheme=Scheme(name="abc"), version=1, as_of=date(2024, 6, 30), customers=2000, class_counts={"A": 312, "B": 401, "C": 1287}
    )
    assert str(snapshot) == "abc v1 as of 2024-06-30: 2,000 customers (A 312, B 401, C 1,287)"


def test_a_class_change_names_both_classes():
    assert str(ClassChange(from_class="A", to_class="B", on=date(2024, 6, 30))) == "A → B (2024-06-30)"
    assert str(ClassChange(from_class="", to_class="C", on=date(2024, 6, 30))) == "– → C (2024-06-30)"


@pytest.mark.django_db
def test_a_new_database_has_the_default_schemes():
    saved = {scheme.name: scheme for scheme in Scheme.objects.all()}
    assert list(saved) == sorted(["abc", "abc-count", "rules", "rules-share", "vip", "profit", "matrix", "prospects"])
    for definition in default_schemes():
        scheme = saved[definition.name]
        assert (scheme.kind, scheme.version, scheme.active) == (definition.kind, 1, True)
        assert scheme_from_dict(scheme.definition) == definition
    assert saved["rules-share"].definition["rules"][0]["conditions"] == [{"metric": "share", "operator": ">=", "value": 0.2}]
