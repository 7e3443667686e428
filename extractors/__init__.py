"""Plain functions and dataclasses: fetching, parsing, cleaning, relevance, key points.

Nothing in this package imports Prefect; ``flows/`` orchestrates it.
"""
