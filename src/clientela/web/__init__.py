"""Server-rendered web pages (Django templates + HTMX)."""
