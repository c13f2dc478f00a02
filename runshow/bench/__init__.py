"""``runshow bench``: speed and memory figures with their targets (see ``core``)."""
