"""The workspace: the one door from the GUI to the services. One per unlocked store and
caseworker; it owns the sessions and the actor and hands back plain rows."""

from __future__ import annotations

from app.workspace.casework import Casework
from app.workspace.outputs import Outputs
from app.workspace.placement_work import PlacementWork
from app.workspace.syncing import Syncing, http_transport


class Workspace(Casework, PlacementWork, Outputs, Syncing):
    """Every use case the GUI has, each run in a database session of its own as the
    workspace's caseworker (so any call is safe on a worker thread)."""


__all__ = ["Workspace", "http_transport"]
