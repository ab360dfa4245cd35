"""Indexing a snapshot: its figures in typed rows, the classes before, the stored summary and parameters."""

from django.db import connection

from clientela.dashboards.models import IndexedSnapshot, SnapshotRow
from clientela.dashboards.services import snapshot_index, snapshots_index_many, snapshots_index_recent
from clientela.dashboards.summary import ClassTotal, Summary
from clientela.segmentation.models import Snapshot
from clientela.segmentation.services import scheme_save
from tests.dashboards.conftest import FEB, snapshot


def rows_of(snapshot_id):
    return list(
        SnapshotRow.objects.filter(snapshot_id=snapshot_id)
        .order_by("rank")
        .values_list("customer__name", "label", "previous_label", "rank", "value", "share", "cumulative_share")
    )


def test_a_snapshot_is_indexed_with_typed_figures_and_the_class_before(company, abc):
    january, february = abc

    indexed = snapshot_index(snapshot=february)

    assert indexed.previous == january
    assert rows_of(february.pk) == [
        ("Ana 1", "A", "A", 1, 50_000, 0.5, 0.5),
        ("Bruno 1", "A", "B", 2, 20_000, 0.2, 0.7),
        ("Carla 1", "A", "A", 3, 15_000, 0.15, 0.85),
        ("Ana 2", "B", "A", 4, 10_000, 0.1, 0.95),
        ("Bruno 2", "C", "C", 5, 5_000, 0.05, 1.0),
        ("Ana 3", "C", "", 6, 0, 0.0, 1.0),
    ]
    summary = Summary.from_json(indexed.summary)
    assert summary.classes == {"A": ClassTotal(3, 85_000), "B": ClassTotal(1, 10_000), "C": ClassTotal(2, 5_000)}
    assert summary.flows == {("A", "A"): 2, ("B", "A"): 1, ("A", "B"): 1, ("C", "C"): 1, ("", "C"): 1}
    assert summary.curve == ((1, 0.5), (2, 0.7), (3, 0.85), (4, 0.95), (5, 1.0), (6, 1.0))
    assert indexed.parameters == {label: {"a_threshold": 0.8, "b_threshold": 0.95} for label in ("A", "B", "C")}


def test_the_first_snapshot_has_no_class_before(company, abc):
    january, _ = abc

    indexed = snapshot_index(snapshot=january)

    assert indexed.previous is None
    assert {previous for _, _, previous, *_ in rows_of(january.pk)} == {None}
    assert Summary.from_json(indexed.summary).flows is None


def test_indexing_again_reads_what_is_stored(company, abc, django_assert_num_queries):
    _, february = abc
    first = snapshot_index(snapshot=february)

    with django_assert_num_queries(1):
        again = snapshot_index(snapshot=february)

    assert again.pk == first.pk and again.snapshot is february
    assert SnapshotRow.objects.filter(snapshot=february).count() == 6


def test_several_snapshots_in_their_order_building_the_missing_ones(company, abc):
    january, february = abc
    snapshot_index(snapshot=february)

    indexed = snapshots_index_many(snapshots=[january, february])

    assert [item.snapshot_id for item in indexed] == [january.pk, february.pk]
    assert IndexedSnapshot.objects.count() == 2


def test_a_replaced_snapshot_takes_its_index_with_it(company, abc):
    _, february = abc
    snapshot_index(snapshot=february)

    Snapshot.objects.filter(pk=february.pk).delete()

    assert not IndexedSnapshot.objects.exists() and not SnapshotRow.objects.exists()


def test_recent_snapshots_of_active_schemes_are_indexed(company, abc, matrix):
    january, february = abc
    off = scheme_save(name="abc-off", definition={"kind": "abc"}, active=False)
    snapshot(off, FEB, [])
    prospects = scheme_save(name="prospects", definition={"kind": "prospects"})
    snapshot(prospects, FEB, [])

    built = snapshots_index_recent(months=1)

    assert sorted(item.snapshot_id for item in built) == sorted([february.pk, matrix.pk])
    assert {item.snapshot_id for item in snapshots_index_recent(months=2)} == {january.pk}
    assert snapshots_index_recent(months=2) == []


def test_sqlite_plans_with_statistics_of_the_rows(company, abc):
    snapshot_index(snapshot=abc[1])

    if connection.vendor == "sqlite":  # PostgreSQL gathers its statistics itself
        with connection.cursor() as cursor:
            cursor.execute("SELECT idx FROM sqlite_stat1 WHERE tbl = 'dashboard_rows' ORDER BY idx")
            assert [idx for (idx,) in cursor.fetchall()] == ["dashboard_row_change", "dashboard_row_class", "dashboard_row_rank", "sqlite_autoindex_dashboard_rows_1"]
