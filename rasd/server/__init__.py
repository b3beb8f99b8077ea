"""rasd's HTTP server: a JSON API and an offline dashboard (``rasd serve``).

``create_app()`` (in :mod:`rasd.server.app`) builds the FastAPI application; fastapi and uvicorn
come with the ``server`` extra.
"""

from __future__ import annotations


def create_app(*args, **kwargs):
    """The FastAPI application (see :func:`rasd.server.app.create_app`)."""
    from rasd.server.app import create_app as _create

    return _create(*args, **kwargs)
