"""Product mix (SPEC S6): ABC of products, declining varieties and varieties few customers buy, per region, by role."""
