"""Format readers: bytes of one file -> a parsed article."""
