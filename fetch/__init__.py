"""The edge that reads the outside world: HTTP (``http``), local files (``local``) and the
per-source collection that turns them into ``Article`` values (``sources``).

Everything here may block, fail on the network or touch the disk; everything it hands on
is a value from ``extractors.models``. The pure parsing and analysis live in ``extractors``.
"""
