"""The analyst's dashboard: server-rendered pages over the views, added to a FastAPI app by ``mount``.

Every page renders a view from ``dragoman.views`` (the models the static
report and the REST API use) or a store role's answer; nothing here computes
a fact.  Assets are vendored (``static/vendor``, see ``tools/vendor_web.py``)
and every page is sent with a Content-Security-Policy that allows no inline
script, no eval and nothing from another origin.
"""

from dragoman.web.app import CSP, SignIn, mount

__all__ = ["CSP", "SignIn", "mount"]
