"""A realistic demo company: a beer distributor with three regions and eight salespeople."""
