"""What each kind of import expects and how its valid rows are written."""

from clientela.imports.kinds.base import Column, ImportKind, ImportSettings, RowProblem
from clientela.imports.kinds.contracts import ContractsImport
from clientela.imports.kinds.customers import CustomersImport
from clientela.imports.kinds.payments import PaymentsImport
from clientela.imports.kinds.products import ProductsImport
from clientela.imports.kinds.targets import TargetsImport
from clientela.imports.kinds.transactions import TransactionsImport

KINDS: dict[str, type[ImportKind]] = {
    "customers": CustomersImport,
    "products": ProductsImport,
    "transactions": TransactionsImport,
    "payments": PaymentsImport,
    "contracts": ContractsImport,
    "targets": TargetsImport,
}

__all__ = ["KINDS", "Column", "ImportKind", "ImportSettings", "RowProblem"]
