"""Accounts for the people Seedbed knows: a steward invites a person to claim their profile."""
