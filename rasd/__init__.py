"""rasd (رصد): Arabic news to structured, geocoded, source-attributed event data.

>>> import rasd
>>> doc = rasd.extract("التقى الرئيس المصري بنظيره التونسي أمس في القاهرة.", published="2024-03-10")
>>> doc.to_dict()["places"][0]["country_code"]   # doctest: +SKIP
'EG'
"""

from __future__ import annotations

__version__ = "0.1.0"

from rasd.api import InputError, extract  # noqa: E402
from rasd.doc import Document  # noqa: E402

__all__ = ["Document", "InputError", "__version__", "extract"]
