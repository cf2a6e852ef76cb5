"""Building blocks of the Healthy Bonds app: content model, figure builders and page components."""

__version__ = "1.0.0"
