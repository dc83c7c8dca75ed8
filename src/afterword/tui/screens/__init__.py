"""The app screens: dashboard, notes editor, draft and review, variants, help."""
