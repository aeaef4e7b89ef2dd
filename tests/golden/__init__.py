"""Golden files: the fact YAML and the Markdown pages built from seeds/.

`make update-golden` (python -m tests.golden) rewrites them after an intended change; review the diff.
"""
