"""Tests of casebook.ingest: reading source documents into records (one rule at a time, and whole seed cases)."""
