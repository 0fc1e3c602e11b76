"""The ``/v1`` API, one router per resource: envelopes.py, devices.py, messages.py,
keys.py, health.py. Each route gets the store, the configuration and the token holder
through ``Depends`` (common.py); app.py assembles them behind the gate."""
