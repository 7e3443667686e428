"""Prefect flows, thin tasks and the CLI over ``extractors``."""
