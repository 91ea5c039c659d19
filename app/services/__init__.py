"""Use cases over a Session: the one place that writes, checks permissions and audits."""
