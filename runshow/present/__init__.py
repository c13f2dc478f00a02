"""What screens, web views and reports say: pure, no Qt."""
