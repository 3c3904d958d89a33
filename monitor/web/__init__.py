"""The read-only web pages, JSON API, calendar and metrics, served by the daemon or `trade-monitor serve`.

`app.build_app` makes the ASGI application; `server` runs it with uvicorn,
in the foreground (`serve`) or in a thread beside the daemon's scheduler.
Everything read from the other rooms goes through `reads`.
"""
