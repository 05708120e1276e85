dist_man_MANS += doc/memlock-planner.1
EXTRA_DIST += doc/report-format.md
EXTRA_DIST += doc/snapshot-format.md
EXTRA_DIST += doc/formula.md
