"""Building blocks of the Healthy Bonds app: content model, figure builders and page components."""
