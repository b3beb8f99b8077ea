"""Resources loaded lazily, once per process: the one thread-safe mechanism every stage uses."""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def once(fn: Callable[[], T]) -> Callable[[], T]:
    """Decorate a zero-argument loader so it runs at most once per process (thread-safe).

    The first call computes and keeps the value; later calls return it without taking the lock.
    ``loader.reset()`` forgets it (for tests).
    """
    lock = threading.Lock()
    box: list[T] = []

    @functools.wraps(fn)
    def get() -> T:
        if not box:
            with lock:
                if not box:
                    box.append(fn())
        return box[0]

    get.reset = box.clear  # type: ignore[attr-defined]
    return get
