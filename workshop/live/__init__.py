"""Live sessions without a terminal: the view models of the empathy map, the gemba walk and
the customer arena (what is shown, filters, counts, undo / redo). The TUI shows them; tests
and benchmarks drive them directly."""

from .arena import ArenaSession
from .empathy import EmpathySession
from .gemba import GembaSession, LogFilter, NewestFirst, WalkIndex

__all__ = ["ArenaSession", "EmpathySession", "GembaSession", "LogFilter", "NewestFirst", "WalkIndex"]
