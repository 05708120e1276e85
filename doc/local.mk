# The man page: configure writes doc/memlock-planner.1 from the .in (the version).
man_MANS += doc/memlock-planner.1
EXTRA_DIST += doc/memlock-planner.1.in
EXTRA_DIST += doc/report-format.md
EXTRA_DIST += doc/snapshot-format.md
EXTRA_DIST += doc/formula.md
