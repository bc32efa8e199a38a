"""The PDF case study and the teaching note (casebook.render, PDF), read back with pypdf and poppler."""
