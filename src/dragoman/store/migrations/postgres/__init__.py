"""PostgreSQL migrations."""
