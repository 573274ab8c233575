"""newslint's built-in rule plugins.

Each subpackage is one plugin, registered through the ``newslint`` entry-point
group exactly as a third-party plugin is, with one rule per module.
"""
