"""The demo company's pipeline (the shared 300-customer demo): every stage peopled, real conversion figures."""

from tests.fixtures.server import DemoDatabase


def test_every_customer_is_in_the_pipeline_and_every_stage_has_someone(demo_database: DemoDatabase):
    assert demo_database.query("SELECT count(*) FROM customers c LEFT JOIN pipeline_entries e ON e.customer_id = c.id WHERE e.id IS NULL") == [(0,)]
    stages = dict(demo_database.query("SELECT stage, count(*) FROM pipeline_entries GROUP BY stage"))
    assert set(stages) == {"future", "potential", "target", "signed", "qualified", "lost"}


def test_leads_were_worked_by_hand_and_signed_by_the_data(demo_database: DemoDatabase):
    manual = demo_database.query("SELECT count(*) FROM pipeline_stage_changes WHERE by_id IS NOT NULL AND from_stage != '' AND reason != ''")
    signed = demo_database.query(
        "SELECT count(*) FROM pipeline_stage_changes WHERE by_id IS NULL AND to_stage = 'signed' AND from_stage IN ('future', 'potential', 'target')"
    )
    assert manual[0][0] >= 10 and signed[0][0] >= 3
    channels = demo_database.query("SELECT count(DISTINCT lead_channel) FROM pipeline_entries WHERE lead_channel != ''")
    assert channels[0][0] >= 4


def test_open_prospects_are_scored_into_pi_to_piv(demo_database: DemoDatabase):
    counts = demo_database.query(
        "SELECT ss.class_counts FROM scheme_snapshots ss JOIN schemes s ON s.id = ss.scheme_id WHERE s.name = 'prospects' ORDER BY ss.as_of DESC LIMIT 1"
    )
    assert all(label in counts[0][0] for label in ("PI", "PII", "PIII", "PIV"))
    planned = demo_database.query("SELECT count(*) FROM followup_planned_contacts WHERE class_label IN ('PI', 'PII', 'PIII', 'PIV')")
    assert planned[0][0] > 0


def test_dropped_leads_are_lost_with_a_reason_and_not_scored(demo_database: DemoDatabase):
    drops = demo_database.query(
        "SELECT count(*) FROM pipeline_stage_changes WHERE to_stage = 'lost' AND from_stage IN ('future', 'potential', 'target') AND reason != ''"
    )
    assert drops[0][0] >= 3
    scored_lost = demo_database.query(
        """SELECT count(*) FROM customer_classes cc JOIN pipeline_entries e ON e.customer_id = cc.customer_id
           WHERE e.stage = 'lost' AND cc.snapshot_id = (SELECT ss.id FROM scheme_snapshots ss JOIN schemes s ON s.id = ss.scheme_id
                                                        WHERE s.name = 'prospects' ORDER BY ss.as_of DESC LIMIT 1)"""
    )
    assert scored_lost == [(0,)]
