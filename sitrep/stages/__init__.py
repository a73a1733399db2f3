"""The work of each pipeline stage, as plain functions over the warehouse; Dagster assets wrap them."""
