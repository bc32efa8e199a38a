"""casebook: a folder of source documents in, a business case study PDF and a class deck out."""

__version__ = "0.1.0"
