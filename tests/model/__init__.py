"""Tests of casebook.model: the case model, people and timeline merged, disagreements between sources."""
