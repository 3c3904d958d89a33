"""The digest room."""
