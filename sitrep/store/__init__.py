"""The DuckDB warehouse and the published Parquet files."""
