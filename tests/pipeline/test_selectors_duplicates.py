"""Duplicates of a new record, and pairs among existing customers (after an import)."""

from clientela.crm.models import Customer
from clientela.crm.services.customers import customer_create
from clientela.pipeline.selectors.duplicates import duplicate_pairs, duplicates_of


def test_duplicates_of_a_new_record_strongest_first(salesperson, prospect):
    by_phone = customer_create(external_id="C1", name="Bar Uno", city="Bilbao", phone="944 000 111", owner=salesperson)
    by_all = prospect("Bar Sol", city="Bilbao", email="sol@example.com", phone="944000222")
    customer_create(external_id="C3", name="Bar Sol", city="Madrid", owner=salesperson)
    matches = duplicates_of(name="Bar Sol", city="Bilbao", email="SOL@example.com", phone="+34944000222", among=Customer.objects.all())
    assert [(m.customer, m.reasons) for m in matches] == [(by_all, ("same e-mail", "same phone", "similar name in the same town"))]
    matches = duplicates_of(name="Other", phone="+34 944000111", among=Customer.objects.all())
    assert [m.customer for m in matches] == [by_phone]


def test_pairs_among_existing_customers(salesperson):
    make = lambda n, **fields: customer_create(external_id=f"C{n}", owner=salesperson, **fields)  # noqa: E731
    a = make(1, name="Bodega Martínez", city="Toledo", email="m@example.com")
    b = make(2, name="Bodegas Martinez SL", city="Toledo", email="M@example.com")
    c = make(3, name="Bar Sol", city="Toledo", phone="925 11 22 33")
    d = make(4, name="Cafetería Luna", city="Segovia", phone="925112233")
    make(5, name="Bar Sol", city="Madrid")
    pairs = [(p.first, p.second, p.reasons) for p in duplicate_pairs(customers=Customer.objects.all())]
    assert pairs == [(a, b, ("same e-mail", "similar name in the same town")), (c, d, ("same phone",))]


def test_pairs_with_new_customers_only(salesperson):
    make = lambda n, **fields: customer_create(external_id=f"C{n}", owner=salesperson, **fields)  # noqa: E731
    make(1, name="Bar Sol", email="sol@bar.es")
    make(2, name="Otro Sol", email="sol@bar.es")
    c = make(3, name="Nuevo", email="SOL@bar.es")
    d = make(4, name="Nuevo 2", phone="600 111 222")
    e = make(5, name="Nuevo 3", phone="600111222")
    pairs = duplicate_pairs(customers=Customer.objects.all(), new={c.pk, d.pk, e.pk}, limit=None)
    assert [(p.first.external_id, p.second.external_id, p.reasons) for p in pairs] == [
        ("C1", "C3", ("same e-mail",)),
        ("C2", "C3", ("same e-mail",)),
        ("C4", "C5", ("same phone",)),
    ]
    assert duplicate_pairs(customers=Customer.objects.all(), new=set(), limit=None) == []
    assert len(duplicate_pairs(customers=Customer.objects.all(), limit=2)) == 2
