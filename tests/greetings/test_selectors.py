"""Key dates (the plan's reminders) and the preview of a bulk greeting."""

from datetime import date

from clientela.crm.models import Contact
from clientela.greetings.models import Channel, GreetingSend, GreetingTemplate, Occasion, OptOut
from clientela.greetings.selectors import KeyDate, SkipReason, greetings_preview, key_dates
from tests.greetings.conftest import CHRISTMAS, LUCIA_BIRTHDAY


def _rows(dates: list[KeyDate]) -> list[tuple]:
    return [(d.date, d.kind, d.customer.name, d.contact.name if d.contact else None, str(d.label), d.years) for d in dates]


def test_key_dates_are_birthdays_anniversaries_and_region_holidays_by_date(portfolio, salesperson):
    assert _rows(key_dates(user=salesperson, start=date(2025, 11, 25), end=date(2026, 1, 5))) == [
        (date(2025, 12, 1), Occasion.HOLIDAY, "Cafe Dacia", None, "Ziua Națională", None),
        (LUCIA_BIRTHDAY, Occasion.ANNIVERSARY, "Bar Sol", None, "Founding anniversary", 10),
        (LUCIA_BIRTHDAY, Occasion.BIRTHDAY, "Bar Sol", "Lucía Gómez", "Birthday", 35),
        (CHRISTMAS, Occasion.HOLIDAY, "Bar Sol", None, "Navidad", None),
        (date(2026, 1, 2), Occasion.ANNIVERSARY, "Bar Sol", None, "Customer anniversary", 6),
    ]


def test_a_29_february_birthday_is_celebrated_on_28_february_in_common_years(portfolio, salesperson):
    def birthdays(year: int) -> list[date]:
        dates = key_dates(user=salesperson, start=date(year, 2, 1), end=date(year, 3, 31))
        return [d.date for d in dates if d.contact == portfolio.ioana]

    assert birthdays(2025) == [date(2025, 2, 28)]
    assert birthdays(2028) == [date(2028, 2, 29)]


def test_a_one_day_window_finds_29_february_on_28_february_and_a_window_may_cross_the_new_year(portfolio, salesperson):
    on_28_february = key_dates(user=salesperson, start=date(2025, 2, 28), end=date(2025, 2, 28))
    assert [(d.date, d.contact) for d in on_28_february] == [(date(2025, 2, 28), portfolio.ioana)]
    across = _rows(key_dates(user=salesperson, start=date(2025, 12, 31), end=date(2026, 1, 6)))
    assert across == [(date(2026, 1, 2), Occasion.ANNIVERSARY, "Bar Sol", None, "Customer anniversary", 6)]


def test_a_year_long_window_finds_every_birthday(portfolio, salesperson):
    birthdays = key_dates(user=salesperson, start=date(2025, 3, 1), end=date(2026, 2, 28))
    assert {d.contact.name for d in birthdays if d.kind == Occasion.BIRTHDAY} == {"Lucía Gómez", "Ioana Popescu"}


def test_key_dates_only_cover_customers_the_user_may_see(portfolio, salesperson, team):
    day = LUCIA_BIRTHDAY
    mine = {d.contact.name for d in key_dates(user=salesperson, start=day, end=day) if d.contact}
    team_wide = {d.contact.name for d in key_dates(user=team.supervisor, start=day, end=day) if d.contact}
    assert (mine, team_wide) == ({"Lucía Gómez"}, {"Lucía Gómez", "Olga Ruiz"})


def test_key_dates_run_a_fixed_number_of_queries(portfolio, salesperson, django_assert_num_queries):
    for n in range(5):
        Contact.objects.create(customer=portfolio.corner_shop, name=f"Extra {n}", birthday=date(1980, 12, 10 + n))
    with django_assert_num_queries(4):
        dates = key_dates(user=salesperson, start=date(2025, 12, 1), end=date(2025, 12, 31))
    assert len(dates) == 9


def test_a_holiday_preview_reaches_every_contact_of_the_group_in_their_language(portfolio, salesperson):
    recipients = greetings_preview(
        user=salesperson, group=portfolio.key_accounts, occasion=Occasion.HOLIDAY, occasion_date=CHRISTMAS, channel=Channel.EMAIL
    )
    assert [(r.contact, r.address, r.language, r.will_send) for r in recipients] == [
        (portfolio.lucia, "lucia@barsol.es", "es", True),
        (portfolio.pedro, "pedro@barsol.es", "es", True),
    ]
    assert recipients[1].subject == "Nuestros mejores deseos: Navidad"
    assert recipients[1].body == (
        "Estimado/a Pedro Sanz:\n\nCon motivo de Navidad, le enviamos a usted y a todo el equipo de Bar Sol nuestros mejores deseos."
        "\n\nUn cordial saludo,\nAna Ruiz"
    )


def test_a_birthday_preview_reaches_only_whose_birthday_it_is(portfolio, salesperson):
    recipients = greetings_preview(user=salesperson, occasion=Occasion.BIRTHDAY, occasion_date=LUCIA_BIRTHDAY, channel=Channel.SMS)
    assert [(r.contact, r.body) for r in recipients] == [(portfolio.lucia, "¡Feliz cumpleaños, Lucía Gómez! Un saludo afectuoso de Ana Ruiz.")]


def test_an_anniversary_reaches_all_contacts_of_the_customer_once(portfolio, salesperson):
    portfolio.bar_sol.customer_since = date(2020, 12, 24)  # both anniversaries on the same day
    portfolio.bar_sol.save()
    recipients = greetings_preview(user=salesperson, occasion=Occasion.ANNIVERSARY, occasion_date=LUCIA_BIRTHDAY, channel=Channel.EMAIL)
    assert [r.contact for r in recipients] == [portfolio.lucia, portfolio.pedro]
    assert recipients[0].subject == "¡Feliz aniversario, Bar Sol!"


def test_placeholders_take_the_key_date_and_the_date_in_the_greeting_language(portfolio, salesperson):
    GreetingTemplate.objects.filter(occasion=Occasion.ANNIVERSARY, language="es", channel=Channel.SMS).update(
        body="{customer_name}: {years} años ({occasion}), {date}"
    )
    recipients = greetings_preview(user=salesperson, occasion=Occasion.ANNIVERSARY, occasion_date=LUCIA_BIRTHDAY, channel=Channel.SMS)
    assert recipients[0].body == "Bar Sol: 10 años (Aniversario de la fundación), 24 de diciembre de 2025"


def test_the_english_template_stands_in_for_a_missing_language(portfolio, salesperson):
    GreetingTemplate.objects.filter(language="ro").delete()
    recipients = greetings_preview(user=salesperson, occasion=Occasion.BIRTHDAY, occasion_date=date(2025, 2, 28), channel=Channel.EMAIL)
    assert [(r.contact, r.language, r.template.language, r.subject) for r in recipients] == [
        (portfolio.ioana, "ro", "en", "Happy birthday, Ioana Popescu!")
    ]


def test_the_preview_says_who_is_skipped_and_why(portfolio, salesperson):
    OptOut.objects.create(contact=portfolio.sam, channel=Channel.SMS)
    GreetingSend.objects.create(
        contact=portfolio.lucia,
        customer=portfolio.bar_sol,
        channel=Channel.SMS,
        occasion=Occasion.HOLIDAY,
        occasion_date=CHRISTMAS,
        status=GreetingSend.Status.SENT,
        sent_at="2025-12-25T09:00:00Z",
    )
    bar_sol = greetings_preview(user=salesperson, customers=[portfolio.bar_sol], occasion=Occasion.HOLIDAY, occasion_date=CHRISTMAS, channel=Channel.SMS)
    general = greetings_preview(user=salesperson, customers=[portfolio.corner_shop], occasion=Occasion.GENERAL, occasion_date=CHRISTMAS, channel=Channel.SMS)
    assert [(r.contact, r.skip_reason) for r in bar_sol + general] == [
        (portfolio.lucia, SkipReason.ALREADY_SENT),
        (portfolio.pedro, SkipReason.NO_PHONE),
        (portfolio.sam, SkipReason.OPTED_OUT),
    ]


def test_a_general_greeting_without_a_template_is_skipped(portfolio, salesperson):
    recipients = greetings_preview(user=salesperson, customers=[portfolio.corner_shop], occasion=Occasion.GENERAL, occasion_date=CHRISTMAS, channel=Channel.EMAIL)
    assert [(r.contact, r.skip_reason, r.body) for r in recipients] == [(portfolio.sam, SkipReason.NO_TEMPLATE, "")]


def test_the_preview_covers_only_visible_customers(portfolio, salesperson):
    hidden = greetings_preview(user=salesperson, customers=[portfolio.hidden_deli], occasion=Occasion.GENERAL, occasion_date=CHRISTMAS, channel=Channel.EMAIL)
    assert hidden == []


def test_the_preview_runs_a_fixed_number_of_queries(portfolio, salesperson, django_assert_num_queries):
    for n in range(5):
        Contact.objects.create(customer=portfolio.bar_sol, name=f"Extra {n}", email=f"extra{n}@barsol.es")
    with django_assert_num_queries(6):
        recipients = greetings_preview(
            user=salesperson, group=portfolio.key_accounts, occasion=Occasion.HOLIDAY, occasion_date=CHRISTMAS, channel=Channel.EMAIL
        )
    assert len(recipients) == 7
