"""A scored figure with the errors behind it, and how reports print."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Figure:
    name: str
    hits: int
    total: int
    errors: list[str] = field(default_factory=list)

    @property
    def value(self) -> float:
        return self.hits / self.total if self.total else 0.0


@dataclass
class Report:
    dataset: str
    figures: list[Figure] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, name: str, hits: int, total: int, errors: list[str] | None = None) -> Figure:
        figure = Figure(name, hits, total, errors or [])
        self.figures.append(figure)
        return figure

    def get(self, name: str) -> Figure:
        return next(f for f in self.figures if f.name == name)

    def as_dict(self) -> dict:
        return {f.name: {"value": round(f.value, 4), "hits": f.hits, "total": f.total} for f in self.figures}

    def render(self, max_errors: int = 10) -> str:
        lines = [f"== {self.dataset} =="]
        width = max((len(f.name) for f in self.figures), default=10)
        for f in self.figures:
            lines.append(f"  {f.name:<{width}}  {f.value:7.1%}  ({f.hits}/{f.total})")
        for note in self.notes:
            lines.append(f"  note: {note}")
        for f in self.figures:
            if f.errors and max_errors:
                lines.append(f"  -- {f.name}: {len(f.errors)} error(s)" + (f", first {max_errors}" if len(f.errors) > max_errors else ""))
                lines.extend(f"     {e}" for e in f.errors[:max_errors])
        return "\n".join(lines)
