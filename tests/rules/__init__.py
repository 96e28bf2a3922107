"""Tests of boardreport.rules: the registry, the engine and every rule pack."""
