"""Bulk greetings through a real SMTP server (aiosmtpd on 127.0.0.1) and the SMS gateways; opt-outs."""

import logging
from datetime import date

import pytest
from django.core.exceptions import ValidationError

from clientela.crm.models import Contact, Region
from clientela.crm.services.customers import customer_create
from clientela.greetings.models import Channel, GreetingSend, Occasion, OptOut
from clientela.greetings.services import greetings_send, opt_out_create
from tests.fixtures.server import free_port
from tests.greetings.conftest import CHRISTMAS, LUCIA_BIRTHDAY

Status = GreetingSend.Status


def _christmas_emails(portfolio, user):
    return greetings_send(user=user, group=portfolio.key_accounts, occasion=Occasion.HOLIDAY, occasion_date=CHRISTMAS, channel=Channel.EMAIL)


def _outcomes(results) -> list[tuple]:
    return [(result.recipient.contact.name, result.status, result.detail) for result in results]


def test_greetings_go_out_through_smtp_and_are_logged(portfolio, salesperson, smtp_server, settings):
    results = _christmas_emails(portfolio, salesperson)
    assert _outcomes(results) == [("Lucía Gómez", Status.SENT, ""), ("Pedro Sanz", Status.SENT, "")]
    assert [(mail.sender, mail.recipients) for mail in smtp_server.received] == [
        (settings.DEFAULT_FROM_EMAIL, ["lucia@barsol.es"]),
        (settings.DEFAULT_FROM_EMAIL, ["pedro@barsol.es"]),
    ]
    lucia = smtp_server.received[0]
    assert lucia.message["Subject"] == "Nuestros mejores deseos: Navidad"
    assert lucia.message["To"] == "lucia@barsol.es"
    assert lucia.body == (
        "Estimado/a Lucía Gómez:\n\nCon motivo de Navidad, le enviamos a usted y a todo el equipo de Bar Sol nuestros mejores deseos."
        "\n\nUn cordial saludo,\nAna Ruiz"
    )
    log = GreetingSend.objects.get(contact=portfolio.lucia)
    assert (log.status, log.recipient, log.sent_by, log.template.language) == (Status.SENT, "lucia@barsol.es", salesperson, "es")


def test_a_rerun_sends_nobody_twice(portfolio, salesperson, smtp_server):
    _christmas_emails(portfolio, salesperson)
    again = _christmas_emails(portfolio, salesperson)
    assert _outcomes(again) == [("Lucía Gómez", Status.SKIPPED, "already sent"), ("Pedro Sanz", Status.SKIPPED, "already sent")]
    assert len(smtp_server.received) == 2
    assert GreetingSend.objects.filter(status=Status.SENT).count() == 2


def test_opted_out_contacts_are_skipped_and_logged(portfolio, salesperson, smtp_server):
    opt_out_create(user=salesperson, contact=portfolio.pedro, channel=Channel.EMAIL)
    results = _christmas_emails(portfolio, salesperson)
    assert _outcomes(results) == [("Lucía Gómez", Status.SENT, ""), ("Pedro Sanz", Status.SKIPPED, "opted out")]
    assert [mail.recipients for mail in smtp_server.received] == [["lucia@barsol.es"]]
    assert GreetingSend.objects.get(contact=portfolio.pedro).status == Status.SKIPPED


def test_a_refused_recipient_fails_alone_and_is_retried_on_the_next_run(portfolio, salesperson, smtp_server):
    smtp_server.rejected.add("lucia@barsol.es")
    first = _christmas_emails(portfolio, salesperson)
    assert [(name, status) for name, status, _ in _outcomes(first)] == [("Lucía Gómez", Status.FAILED), ("Pedro Sanz", Status.SENT)]
    assert first[0].detail.startswith("SMTPRecipientsRefused") and "550" in first[0].detail
    assert GreetingSend.objects.get(contact=portfolio.lucia).detail == first[0].detail

    smtp_server.rejected.clear()
    second = _christmas_emails(portfolio, salesperson)
    assert _outcomes(second) == [("Lucía Gómez", Status.SENT, ""), ("Pedro Sanz", Status.SKIPPED, "already sent")]
    assert [mail.recipients for mail in smtp_server.received] == [["pedro@barsol.es"], ["lucia@barsol.es"]]
    assert GreetingSend.objects.count() == 2


def test_an_unreachable_smtp_server_fails_every_recipient(portfolio, salesperson, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()
    results = _christmas_emails(portfolio, salesperson)
    assert [status for _, status, _ in _outcomes(results)] == [Status.FAILED, Status.FAILED]
    assert "ConnectionRefusedError" in results[0].detail


def test_chinese_greetings_arrive_intact(salesperson, smtp_server):
    shanghai = Region.objects.create(code="SH", name="上海", country="CN")
    customer = customer_create(external_id="CN1", name="长城贸易", owner=salesperson, region=shanghai)
    Contact.objects.create(customer=customer, name="王芳", email="wang@example.cn", birthday=date(1985, 5, 20))
    results = greetings_send(user=salesperson, occasion=Occasion.BIRTHDAY, occasion_date=date(2025, 5, 20), channel=Channel.EMAIL)
    assert [result.status for result in results] == [Status.SENT]
    (mail,) = smtp_server.received
    assert mail.message["Subject"] == "王芳，生日快乐！"
    assert mail.body == "尊敬的王芳：\n\n祝您生日快乐！愿您度过美好的一天，新的一岁万事如意。\n\n顺颂商祺\nana"


def test_sms_greetings_go_through_the_configured_gateway(portfolio, salesperson, caplog):
    with caplog.at_level(logging.INFO, logger="clientela.greetings.sms"):
        results = greetings_send(user=salesperson, occasion=Occasion.BIRTHDAY, occasion_date=LUCIA_BIRTHDAY, channel=Channel.SMS)
    assert _outcomes(results) == [("Lucía Gómez", Status.SENT, "")]
    assert "SMS to +34600000001: ¡Feliz cumpleaños, Lucía Gómez!" in caplog.text


def test_a_gateway_failure_is_logged_as_failed(portfolio, salesperson, settings):
    settings.SMS_GATEWAY, settings.SMS_GATEWAY_URL = "http", f"http://127.0.0.1:{free_port()}/sms"
    results = greetings_send(user=salesperson, occasion=Occasion.BIRTHDAY, occasion_date=LUCIA_BIRTHDAY, channel=Channel.SMS)
    assert [(result.status, result.detail.split(":")[0]) for result in results] == [(Status.FAILED, "gateway unreachable")]
    assert GreetingSend.objects.get().status == Status.FAILED


def test_opt_outs_are_idempotent_and_only_for_visible_contacts(portfolio, salesperson):
    first = opt_out_create(user=salesperson, contact=portfolio.sam, channel=Channel.SMS)
    assert opt_out_create(user=salesperson, contact=portfolio.sam, channel=Channel.SMS) == first
    assert OptOut.objects.count() == 1
    with pytest.raises(ValidationError, match="Olga Ruiz is not a contact of your customers"):
        opt_out_create(user=salesperson, contact=portfolio.olga, channel=Channel.SMS)
