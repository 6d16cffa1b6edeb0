"""Outputs: a ``Timeline`` -> text, JSON and TimeML (and TimeML back in).
"""
