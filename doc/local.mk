dist_man_MANS += doc/memlock-planner.1
