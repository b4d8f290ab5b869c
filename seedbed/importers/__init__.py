"""Importers: one module per source.

Each is *fetch* + *parse*: fetching does the I/O (running git, reading files, calling
an API through an injected client); parsing is pure — raw payload in, plain records
out; a service saves the records and advances the source's cursor.
"""
