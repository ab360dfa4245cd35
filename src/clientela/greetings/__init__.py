"""Keep in touch (SPEC S5): key dates, greeting templates, e-mail and SMS greetings in bulk."""
