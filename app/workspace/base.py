"""What every workspace call shares: the unlocked store, the caseworker working in it, and
one database session per call, opened as that caseworker (safe on any worker thread)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Concatenate, Generic, ParamSpec, TypeVar, overload

from sqlalchemy.orm import Session

from app.services.context import Actor, owner_actor

if TYPE_CHECKING:
    from pathlib import Path

    from app.storage.store import Store

P = ParamSpec("P")
T = TypeVar("T")
Progress = Callable[[int, int], None]  # (done, total) of long work
Cancelled = Callable[[], bool]  # asked between steps: stop?


class WorkspaceBase:
    """One unlocked store and its owner. The GUI never sees the store or a session."""

    def __init__(self, store: Store, actor: Actor | None = None) -> None:
        self._store = store
        if actor is None:
            with store.session() as session:
                actor = owner_actor(session)
        self.actor: Actor = actor

    @property
    def data_dir(self) -> Path:
        return self._store.paths.data_dir

    @contextmanager
    def _session(self) -> Iterator[Session]:
        with self._store.session(self.actor.caseworker_id) as session:
            yield session


class as_caseworker(Generic[P, T]):  # noqa: N801 (used like a decorator)
    """A service use case `f(session, actor, ...)` as a workspace method `f(...)`: run in a
    session of its own, as the workspace's caseworker."""

    def __init__(self, use_case: Callable[Concatenate[Session, Actor, P], T]) -> None:
        self.use_case = use_case
        self.__doc__ = use_case.__doc__

    @overload
    def __get__(self, workspace: None, owner: type[Any]) -> as_caseworker[P, T]: ...
    @overload
    def __get__(self, workspace: WorkspaceBase, owner: type[Any]) -> Callable[P, T]: ...
    def __get__(
        self, workspace: WorkspaceBase | None, owner: type[Any]
    ) -> as_caseworker[P, T] | Callable[P, T]:
        if workspace is None:
            return self
        use_case = self.use_case

        def call(*args: P.args, **kwargs: P.kwargs) -> T:
            with workspace._session() as session:
                return use_case(session, workspace.actor, *args, **kwargs)

        call.__name__ = call.__qualname__ = getattr(use_case, "__name__", "use_case")
        call.__doc__ = use_case.__doc__
        return call


def reading(query: Callable[Concatenate[Session, P], T]) -> as_caseworker[P, T]:
    """A query `f(session, ...)` that needs no caseworker (lists, checks) as a method `f(...)`."""

    def use_case(session: Session, _actor: Actor, /, *args: P.args, **kwargs: P.kwargs) -> T:
        return query(session, *args, **kwargs)

    use_case.__doc__ = query.__doc__
    return as_caseworker(use_case)
