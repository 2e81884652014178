"""Per-article stages: each module exposes one ``STAGE``."""
