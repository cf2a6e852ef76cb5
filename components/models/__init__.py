"""Content models by subject: one module per content file (or folder), registered in
components/content/registry.py."""
