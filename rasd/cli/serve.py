"""``rasd serve``: the HTTP API and the dashboard on uvicorn."""

from __future__ import annotations

import click

from rasd.cli import EXIT_RESOURCE, fail


@click.command()
@click.option("--db", type=click.Path(dir_okay=False),
              help="The corpus store (SQLite) to serve; without it, an empty in-memory corpus.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (keep 127.0.0.1 unless others must reach it).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option("--demo", type=click.IntRange(0, 200_000), default=0,
              help="Serve N team-written sample articles from memory (when no --db is given).")
@click.option("--cors-origin", "cors", multiple=True,
              help="Allow browser requests from this origin (CORS is off by default); repeatable.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="uvicorn worker processes (needs --db).")
@click.option("--log-level", default="warning", show_default=True,
              type=click.Choice(["critical", "error", "warning", "info", "debug"]), help="uvicorn log level.")
def serve(db, host, port, demo, cors, workers, log_level):
    """Serve the JSON API (/api, docs at /docs) and the offline dashboard (/).

    Read-only unless the RASD_TOKEN environment variable is set: POST /api/articles then
    requires `Authorization: Bearer $RASD_TOKEN`.  Everything the browser loads is served
    locally; the page works with the network unplugged.
    """
    try:
        import uvicorn

        from rasd.server.app import create_app
    except ImportError as exc:
        fail(f"the server needs its extra: pip install 'rasd[server]' ({exc})", EXIT_RESOURCE)
    backend = None
    if db is None and demo:
        from rasd.server.backend import MemoryBackend
        from rasd.server.sample import sample_corpus

        backend = MemoryBackend(sample_corpus(demo))
    try:
        app = create_app(backend, db=db, cors_origins=list(cors) or None)
    except (OSError, ValueError) as exc:
        fail(f"cannot open the store {db}: {exc}", EXIT_RESOURCE)
    click.echo(f"rasd: serving on http://{host}:{port}/ (API docs at /docs)", err=True)
    if workers > 1:
        if not db:
            fail("--workers needs --db (an in-memory corpus cannot be shared)", 2)
        import os

        os.environ["RASD_SERVE_DB"] = str(db)
        uvicorn.run("rasd.server.app:app_from_env", factory=True, host=host, port=port, workers=workers,
                    log_level=log_level)
    else:
        uvicorn.run(app, host=host, port=port, log_level=log_level)
