"""Progress bars for long work (tqdm on stderr, with items/s), silent when not wanted."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")


def progress_bar(items: Iterable[T], show: bool, *, unit: str = "item", total: int | None = None) -> Iterator[T]:
    """Iterate ``items``, drawing a progress bar with a rate on stderr when ``show``."""
    if not show:
        yield from items
        return
    from tqdm import tqdm

    yield from tqdm(items, unit=f" {unit}s" if not unit.endswith("s") else unit, total=total,
                    dynamic_ncols=True, mininterval=0.5)
