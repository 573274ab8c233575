"""Archive audits: check a whole archive, store every finding in SQLite, report on it.

``newslint audit`` (``run.py``, reading ``sources.py``, writing ``store.py``) and
``newslint audit-report`` (``report.py``). See docs/archive-migration.md.
"""
