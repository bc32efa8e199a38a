"""The command line (casebook.cli): every command and exit code, and bad input reported as path:line errors."""
