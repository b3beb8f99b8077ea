"""The FastAPI application: JSON API under /api, the dashboard at /, offline API docs at /docs.

``create_app()`` builds the app around a :class:`~rasd.server.backend.Backend` (the SQLite corpus
store for ``rasd serve --db``, an in-memory one otherwise).  The server is read-only unless a token
is configured (``token=`` or ``RASD_TOKEN``): write endpoints then require
``Authorization: Bearer <token>`` (or ``X-Rasd-Token``).  CORS is off unless origins are given.
Every asset is served from ``rasd/server/static``: no CDN, no remote tiles or fonts.
"""

from __future__ import annotations

import contextlib
import hmac
import os
import threading
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from rasd.server.backend import Backend, MemoryBackend

STATIC = Path(__file__).resolve().parent / "static"
MAX_BODY = 4 * 1024 * 1024  # bytes: a long article is tens of kB; MAX_CHARS of Arabic is ~4 MB

# Scripts only from this origin (no inline script), no remote anything.  Leaflet positions
# elements with style attributes, hence 'unsafe-inline' for styles only.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; "
       "base-uri 'none'; frame-ancestors 'none'; form-action 'self'")


_SECURITY_HEADERS = [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer"),
                     (b"content-security-policy", CSP.encode())]


class SecurityHeaders:
    """ASGI middleware: the security headers on every response (cheaper than BaseHTTPMiddleware)."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def add(msg):
            if msg["type"] == "http.response.start":
                have = {k.lower() for k, _ in msg.get("headers", [])}
                msg["headers"] = list(msg.get("headers", [])) + [h for h in _SECURITY_HEADERS if h[0] not in have]
            await send(msg)

        await self.app(scope, receive, add)


class FastPath:
    """ASGI middleware: GET /api/events (JSON) answered straight from the backend's in-memory
    index when the request is well-formed; everything else reaches the FastAPI routes."""

    def __init__(self, app, fastapi_app) -> None:
        self.app = app
        self.fastapi_app = fastapi_app

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and scope["method"] == "GET" and scope["path"] == "/api/events":
            from rasd.server.api import fast_events

            resp = fast_events(self.fastapi_app, scope.get("query_string", b""))
            if resp is not None:
                return await resp(scope, receive, send)
        return await self.app(scope, receive, send)


class BodyLimit:
    """ASGI middleware: refuse request bodies over ``max_bytes`` with a JSON 413."""

    def __init__(self, app, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        for k, v in scope.get("headers", ()):
            if k == b"content-length":
                try:
                    too_big = int(v) > self.max_bytes
                except ValueError:
                    too_big = False
                if too_big:
                    return await _too_large(self.max_bytes)(scope, receive, send)
        seen = 0
        over = False

        async def limited():
            nonlocal seen, over
            if over:
                return {"type": "http.disconnect"}
            msg = await receive()
            if msg["type"] == "http.request":
                seen += len(msg.get("body", b""))
                if seen > self.max_bytes:
                    over = True  # the app sees a disconnect; its response is replaced by a 413
                    return {"type": "http.disconnect"}
            return msg

        async def guarded(msg):
            if not over:
                await send(msg)

        try:
            await self.app(scope, limited, guarded)
        except Exception:
            if not over:
                raise
        if over:
            await _too_large(self.max_bytes)(scope, receive, send)


def _too_large(limit: int) -> JSONResponse:
    return error_response(413, f"request body is over the limit of {limit:,} bytes")


def error_response(status: int, message: str) -> JSONResponse:
    """The JSON error document every failing request gets."""
    return JSONResponse({"error": message, "status": status}, status_code=status)


def create_app(backend: Backend | None = None, *, db: str | os.PathLike | None = None,
               token: str | None = None, cors_origins: list[str] | None = None,
               max_body: int = MAX_BODY) -> FastAPI:
    """The rasd web application.

    ``backend`` wins over ``db`` (a SQLite store path); with neither, an empty in-memory corpus.
    ``token`` defaults to the ``RASD_TOKEN`` environment variable; without one the server is read-only.
    """
    from rasd import __version__
    from rasd.server.api import router

    if backend is None:
        if db is not None:
            from rasd.server.store_backend import StoreBackend

            backend = StoreBackend(db)
        else:
            backend = MemoryBackend()
    if token is None:
        token = os.environ.get("RASD_TOKEN") or None

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI):
        # Warm the caches of the dashboard's first requests (all points, stats) off the event loop.
        threading.Thread(target=_warm, args=(app,), daemon=True, name="rasd-warm").start()
        yield

    app = FastAPI(
        lifespan=lifespan,
        title="rasd",
        version=__version__,
        description="Arabic news → structured, geocoded, source-attributed events, every field "
                    "traceable to character offsets of the article. Read-only unless a token is "
                    "configured (RASD_TOKEN); write endpoints then need `Authorization: Bearer <token>`.",
        docs_url=None, redoc_url=None,
    )
    app.state.backend = backend
    from rasd.server.store_backend import _LRU

    app.state.cache = _LRU(24)
    app.state.token = token
    app.include_router(router, prefix="/api")

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException):
        msg = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        if exc.status_code == 404 and msg == "Not Found":
            msg = f"no such resource: {request.url.path}"
        if exc.status_code == 405:
            msg = f"method {request.method} is not allowed on {request.url.path}"
        resp = error_response(exc.status_code, msg)
        if exc.headers:
            resp.headers.update(exc.headers)
        return resp

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError):
        parts = []
        for err in exc.errors():
            loc = ".".join(str(x) for x in err.get("loc", ()) if x not in ("query", "body", "path"))
            parts.append(f"{loc or 'request'}: {err.get('msg', 'invalid')}")
        return error_response(422, "; ".join(parts) or "invalid request")

    app.add_middleware(FastPath, fastapi_app=app)
    app.add_middleware(SecurityHeaders)

    if cors_origins:
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(CORSMiddleware, allow_origins=list(cors_origins), allow_methods=["GET", "POST"],
                           allow_headers=["Authorization", "Content-Type", "X-Rasd-Token"])

    if STATIC.is_dir():
        app.mount("/static", StaticFiles(directory=STATIC), name="static")

    def _page(name: str) -> FileResponse:
        path = STATIC / name
        if not path.is_file():
            raise StarletteHTTPException(503, f"dashboard assets missing ({name}): run `npm run build` in web/")
        return FileResponse(path, media_type="text/html; charset=utf-8",
                            headers={"Cache-Control": "no-cache"})

    @app.get("/", include_in_schema=False)
    def dashboard():
        return _page("index.html")

    @app.get("/try", include_in_schema=False)
    def try_page():
        return _page("index.html")

    @app.get("/docs", include_in_schema=False)
    def docs():
        return _page("docs.html")

    app.add_middleware(BodyLimit, max_bytes=max_body)
    return app


def _warm(app: FastAPI) -> None:
    """Compute /api/stats and the unfiltered /api/points once, so the first page load is fast."""
    from rasd.server.api import MAX_POINTS, points_body
    from rasd.server.backend import EventFilter

    backend = app.state.backend
    try:
        version = backend.version() if hasattr(backend, "version") else None
        if version is None:
            return
        app.state.cache.put(("stats", version), backend.stats())
        flt = EventFilter()
        key = ("points", version, tuple(getattr(flt, f) for f in flt.__slots__), MAX_POINTS)
        app.state.cache.put(key, points_body(backend.points(flt, MAX_POINTS + 1), MAX_POINTS))
    except Exception:  # noqa: BLE001 - warming is an optimisation; requests report real errors
        pass


def check_token(request: Request) -> None:
    """Raise 403 when the server is read-only, 401 when the token is missing or wrong."""
    expected = request.app.state.token
    if not expected:
        raise StarletteHTTPException(403, "this server is read-only: start it with RASD_TOKEN set to allow writes")
    given = request.headers.get("x-rasd-token") or ""
    auth = request.headers.get("authorization") or ""
    if auth.lower().startswith("bearer "):
        given = auth[7:].strip()
    if not given or not hmac.compare_digest(given.encode(), expected.encode()):
        raise StarletteHTTPException(401, "a valid token is required: Authorization: Bearer <token>",
                                     headers={"WWW-Authenticate": "Bearer"})


def app_from_env() -> FastAPI:
    """An app for uvicorn's factory mode (several workers): the store path in ``RASD_SERVE_DB``."""
    return create_app(db=os.environ["RASD_SERVE_DB"])
