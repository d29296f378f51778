"""A finding of the pre-flight checks: what is wrong, how bad, what it concerns, what to do."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

SEVERITIES = ("blocker", "warning", "info")


@dataclass
class Finding:
    code: str  # stable, e.g. "missing-translation"
    severity: str  # blocker | warning | info
    message: str
    todo: str
    documents: list[int] = field(default_factory=list)
    factors: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return asdict(self)


@dataclass
class Report:
    case: int
    as_of: str  # YYYY-MM-DD
    findings: list[Finding] = field(default_factory=list)

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    @property
    def blocked(self) -> bool:
        return self.count("blocker") > 0

    def to_json(self) -> dict:
        return {
            "case": self.case,
            "as_of": self.as_of,
            "findings": [f.to_json() for f in self.findings],
        }
