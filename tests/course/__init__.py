"""Teaching a course: many cases built at once (batch, cache, watch), the class roster, per-student copies (stamped
or rendered), and mail (pack and send)."""
