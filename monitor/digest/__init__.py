"""Digests: which alerts each subscription takes, rendering them, the outbox and delivery.

Modules, one job each:

- `matching`: does an alert or a measure fall in a subscription's filter.
- `schedule`: when a subscription's next digest is due (immediate batches, cron).
- `intake`: the alerts a subscription has not taken yet, read from the log.
- `guard`: the mass-change guard: bursts of more than `delivery.hold_above` alerts held until released.
- `content`: the data one digest shows (alerts, deadlines, measures in scope).
- `render`: the Jinja2 templates (ours, overridden file by file by the user's).
- `message`: the email (multipart/alternative, headers) built from a rendering.
- `chat`: the short message a chat or webhook channel gets.
- `outbox`: digests recorded before sending, their attempts, dead letters and retries.
- `projection`, `tables`: the outbox projection (what `outbox` and flushes read) and its tables.
- `delivery/`: how a digest leaves (an extension point: `base`; mail methods `smtp`, `directory`;
  channel kinds `webhook`, `slack`, `teams`, `matrix`, `ntfy`).
- `service`: what the daemon and the CLI call (`run_due`, `queue_due`, `flush_outbox`, `preview`, `held`).
"""

from __future__ import annotations
