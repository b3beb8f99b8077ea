"""Reading inputs (text files, JSONL, HTML, encodings) and writing outputs (JSON, table, CSV ...)."""
