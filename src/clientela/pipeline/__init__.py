"""The lifecycle pipeline (SPEC S4): stages future → potential → target → signed → qualified, the board, the funnel, duplicates."""
