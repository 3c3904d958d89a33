"""One module per schema revision; alembic reads them, nothing imports them."""
