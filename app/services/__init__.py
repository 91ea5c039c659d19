"""Use cases over a Session: the one place that writes, checks permissions and audits."""

from app.services.limits import install_limits

install_limits()
