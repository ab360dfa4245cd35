"""Receivables: which money pays which debt, what each customer owes by age, and the bonus on money collected.

Pure Python: never imports Django; the app passes each customer's invoices, contract schedules
and receipts in and shows what it gets back.
"""

from clientela.ledger.ageing import BUCKETS, Ageing, OpenItem, age, bucket_of, bucket_totals, overdue_days
from clientela.ledger.allocation import INSTALMENT, INVOICE, REVERSAL, Allocation, Credit, Item, Ledger, allocate
from clientela.ledger.bonus import BonusMonth, BonusRates, bonus_cents, hold_back, month_end, month_start, months
from clientela.ledger.collected import Collected, collected_money, split_pro_rata
from clientela.ledger.day_totals import DayTotals, age_from_day_totals, day_totals_start
from clientela.ledger.documents import Invoice, Receipt, Schedule

__all__ = [
    "BUCKETS",
    "INSTALMENT",
    "INVOICE",
    "REVERSAL",
    "Ageing",
    "Allocation",
    "BonusMonth",
    "BonusRates",
    "Collected",
    "Credit",
    "DayTotals",
    "Invoice",
    "Item",
    "Ledger",
    "OpenItem",
    "Receipt",
    "Schedule",
    "age",
    "age_from_day_totals",
    "allocate",
    "bonus_cents",
    "bucket_of",
    "bucket_totals",
    "collected_money",
    "day_totals_start",
    "hold_back",
    "month_end",
    "month_start",
    "months",
    "overdue_days",
    "split_pro_rata",
]
