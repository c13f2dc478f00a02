"""The live engine: clock, actions, show fold, timing and alert planning. No Qt here."""
