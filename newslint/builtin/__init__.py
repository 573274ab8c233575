"""The core's own plugins: the plain-text parser and the text and JSON output formats.

They register through the same hooks as every other plugin.
"""
