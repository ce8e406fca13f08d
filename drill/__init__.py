"""drill: practise the coding questions of ML interviews, graded by hidden tests and gradient checks."""

__version__ = "0.1.0"
