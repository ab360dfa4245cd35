"""Keys that make two records of one company compare equal."""

import pytest

from clientela.pipeline.matching import Identity, email_key, lookalike_pairs, name_key, phone_key, similar_names, tax_id_key, town_key


def test_name_key_drops_accents_case_punctuation_and_legal_forms():
    assert name_key("Distribuciones Pérez, S.L.U.") == name_key("DISTRIBUCIONES PEREZ") == "distribuciones perez"
    assert name_key("La") == "la"  # a name made of fillers only stays itself


@pytest.mark.parametrize(
    ("first", "second", "similar"),
    [
        ("Bar del Puerto García", "Bar del Puerto Garcia", True),
        ("Bodega Martínez SL", "Bodegas Martinez", True),
        ("Bar Sol", "Bar Luna", False),
        ("Bar Sol", "", False),
    ],
)
def test_similar_names(first, second, similar):
    assert similar_names(first, second) is similar


def test_phone_email_tax_id_and_town_keys():
    assert phone_key("+34 944-12 34 56") == phone_key("944123456") == "944123456"
    assert phone_key("12345") == ""
    assert email_key(" Info@Bar.ES ") == "info@bar.es"
    assert tax_id_key("es b-1234.5678") == "ESB12345678"
    assert town_key("San Sebastián ") == "san sebastian"


def test_lookalike_pairs_all_of_them_or_only_those_with_a_new_record():
    records = [
        Identity("Bar Sol", city="Bilbao", email="sol@bar.es"),
        Identity("Bar Sol SL", city="BILBAO", email="SOL@bar.es", phone="944 000 111"),
        Identity("Luna", phone="+34 944000111", tax_id="b-123"),
        Identity("Estrella", tax_id="B123"),
    ]
    assert lookalike_pairs(records) == {
        (0, 1): ["same e-mail", "similar name in the same town"],
        (2, 3): ["same tax id"],
        (1, 2): ["same phone"],
    }
    assert lookalike_pairs(records, first_new=2) == {(2, 3): ["same tax id"], (1, 2): ["same phone"]}
    assert lookalike_pairs(records, first_new=4) == {}
