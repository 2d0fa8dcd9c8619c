"""workshop: run customer-journey workshops in the terminal and turn them into a journey report."""

__version__ = "0.1.0"
