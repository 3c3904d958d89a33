"""Settings that training tools switch for a block of code (a model to judge by, a record to fill): one
context variable each, set within the block and reset after it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar

T = TypeVar("T")


@contextmanager
def switched(var: ContextVar[T | None], value: T) -> Iterator[T]:
    """Within the block, `var` holds `value` (yielded); after it, what it held before."""
    token = var.set(value)
    try:
        yield value
    finally:
        var.reset(token)
