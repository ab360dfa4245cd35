"""Forms of the web pages: they check and convert input; services do the writing."""
