"""Number and date formats that differ from Django's locale data (settings.FORMAT_MODULE_PATH); the rest is Django's."""
