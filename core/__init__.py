"""storydiff's comparison engine: plain data in, plain data out, no terminal.

The one entry most callers want is :func:`storydiff.core.report.compare`::

    from storydiff.core.report import compare
    report = compare(["seeds/"])
"""
