"""The edge that writes: digest files on disk (``output``), the state store
(``state``: what was carried and sent) and SMTP (``mail``).

``extractors`` renders and decides; this package persists and delivers what it produced.
"""
