"""Whole cases end to end: every seed, example and whole-case fixture built through the pipeline (coverage of
every sentence, the score ratchet on the examples, property tests over generated documents, golden files)."""
