"""Web pages, one module per group of pages; each view is thin: check input, call a selector or a service."""
