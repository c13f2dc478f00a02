"""What screens, web views and reports say: pure, no Qt, wording through an injected translator."""
