"""The REST API (SPEC S8): every operation needs a token and answers errors with one body shape."""

from ninja import NinjaAPI

from clientela.api import errors
from clientela.api.auth import TokenAuth
from clientela.api.routers import alerts, business, contacts, customers, followup, groups, schemes

api = NinjaAPI(
    title="Clientela API",
    version="1",
    description="Customers, their business data, classes and follow-up, as the token's user may see them.",
    auth=TokenAuth(),
    urls_namespace="api",
    docs_url="/docs",
    openapi_url="/openapi.json",
)
errors.register(api)
api.add_router("/customers", customers.router)
api.add_router("", contacts.router)
api.add_router("/groups", groups.router)
api.add_router("", business.router)
api.add_router("", schemes.router)
api.add_router("", followup.router)
api.add_router("/alerts", alerts.router)
