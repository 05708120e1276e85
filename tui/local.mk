# tui/: the ncurses planner. Renders models, turns keys into model edits.
