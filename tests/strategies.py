"""Hypothesis strategies shared by the test modules.

Each stage adds its own section below; add to this file, never rewrite it wholesale.
"""

from __future__ import annotations
