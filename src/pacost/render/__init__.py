"""Renderers of one ``CostResult``: JSON, CSV and Markdown here (plain text, no rich); the Rich terminal view lives
at the command-line edge (``pacost.cli.human``). No renderer computes a cost: they only format the result."""
