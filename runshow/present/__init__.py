"""What a screen, a web view or a report says: pure Python, worded through an injected translator."""
