"""Business data (SPEC S2): products, transactions, payments, contracts. Money is integer cents."""

from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _

from clientela.crm.models.customers import Customer


def cents_to_amount(cents: int | None) -> Decimal | None:
    """Return integer cents as a Decimal amount with two places."""
    return None if cents is None else Decimal(cents).scaleb(-2)


class Product(models.Model):
    """A sellable product."""

    sku = models.CharField(_("SKU"), max_length=64, unique=True)
    name = models.CharField(_("name"), max_length=200)
    family = models.CharField(_("family"), max_length=100, blank=True)
    variety = models.CharField(_("variety"), max_length=100, blank=True)

    class Meta:
        db_table = "products"
        ordering = ["family", "name"]
        verbose_name = _("product")

    def __str__(self) -> str:
        return f"{self.name} ({self.sku})"


class Transaction(models.Model):
    """An invoice or order line. Returns and credit notes are negative lines."""

    document_id = models.CharField(_("document"), max_length=64)
    line = models.PositiveIntegerField(_("line"), default=1)
    # Indexed by the covering index below, which starts with customer.
    customer = models.ForeignKey(Customer, on_delete=models.PROTECT, related_name="transactions", db_index=False)
    date = models.DateField(_("date"))
    product = models.ForeignKey(Product, on_delete=models.PROTECT, null=True, blank=True, related_name="transactions")
    units = models.IntegerField(_("units"), null=True, blank=True)
    amount_cents = models.BigIntegerField(_("amount (cents)"))
    cost_cents = models.BigIntegerField(_("cost (cents)"), null=True, blank=True)

    class Meta:
        db_table = "transactions"
        ordering = ["-date", "document_id", "line"]
        verbose_name = _("transaction")
        constraints = [models.UniqueConstraint(fields=["document_id", "line"], name="uniq_transaction_line")]
        indexes = [
            # Covering index for per-customer aggregation by the engine.
            models.Index(fields=["customer", "date", "amount_cents"], name="tx_customer_date_amount"),
            models.Index(fields=["date"], name="tx_date"),
        ]

    def __str__(self) -> str:
        return f"{self.document_id}/{self.line}"

    @property
    def amount(self) -> Decimal | None:
        return cents_to_amount(self.amount_cents)

    @property
    def margin(self) -> Decimal | None:
        return None if self.cost_cents is None else cents_to_amount(self.amount_cents - self.cost_cents)


class Payment(models.Model):
    """Money received from a customer."""

    reference = models.CharField(_("reference"), max_length=64, unique=True)
    # Indexed by the covering index below, which starts with customer.
    customer = models.ForeignKey(Customer, on_delete=models.PROTECT, related_name="payments", db_index=False)
    date = models.DateField(_("date"))
    amount_cents = models.BigIntegerField(_("amount (cents)"))
    invoice = models.CharField(_("invoice"), max_length=64, blank=True)

    class Meta:
        db_table = "payments"
        ordering = ["-date", "reference"]
        verbose_name = _("payment")
        indexes = [models.Index(fields=["customer", "date", "amount_cents"], name="pay_customer_date_amount")]

    def __str__(self) -> str:
        return self.reference

    @property
    def amount(self) -> Decimal | None:
        return cents_to_amount(self.amount_cents)


class Contract(models.Model):
    """A signed contract with its payment schedule."""

    contract_id = models.CharField(_("contract"), max_length=64, unique=True)
    customer = models.ForeignKey(Customer, on_delete=models.PROTECT, related_name="contracts")
    signed_on = models.DateField(_("signed on"))
    value_cents = models.BigIntegerField(_("value (cents)"))
    description = models.CharField(_("description"), max_length=200, blank=True)

    class Meta:
        db_table = "contracts"
        ordering = ["-signed_on", "contract_id"]
        verbose_name = _("contract")

    def __str__(self) -> str:
        return self.contract_id

    @property
    def value(self) -> Decimal | None:
        return cents_to_amount(self.value_cents)


class Instalment(models.Model):
    """One due payment of a contract's schedule."""

    contract = models.ForeignKey(Contract, on_delete=models.CASCADE, related_name="instalments")
    sequence = models.PositiveIntegerField(_("number"))
    due_date = models.DateField(_("due date"))
    amount_cents = models.BigIntegerField(_("amount (cents)"))

    class Meta:
        db_table = "contract_instalments"
        ordering = ["contract_id", "sequence"]
        verbose_name = _("instalment")
        constraints = [models.UniqueConstraint(fields=["contract", "sequence"], name="uniq_contract_instalment")]

    def __str__(self) -> str:
        return f"{self.contract_id}#{self.sequence}"

    @property
    def amount(self) -> Decimal | None:
        return cents_to_amount(self.amount_cents)
