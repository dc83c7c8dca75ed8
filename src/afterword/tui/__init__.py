"""The terminal app: thin Textual screens over the headless pipeline, store and planner."""
