"""The journey report: compile sessions into a journey (pure data), then render it."""

from .compile import ReportError, compile_journey
from .journey import Journey

__all__ = ["Journey", "ReportError", "compile_journey"]
