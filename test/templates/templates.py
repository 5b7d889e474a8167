"""Where the templates that test/templates checks are written, and how to load them.

`npx projen test:wheel` (scripts/python-test.sh) synthesizes them before running pytest.
"""
import json
from pathlib import Path
from typing import Any, Dict, List

REPO = Path(__file__).resolve().parents[2]
EXAMPLE_STACKS = ["PlatformRoles", "CatalogRoles"]
TYPESCRIPT_EXAMPLE = REPO / "examples" / "typescript" / "cdk.out"
PYTHON_EXAMPLE = REPO / "examples" / "python" / "cdk.out"
ALL_OPTIONS = REPO / "dist" / "all-options"


def every_template() -> List[Path]:
    """Every template the tests and examples produce: both example apps, the integ snapshots and
    the stack with every construct and every Trust kind (test/templates/all-options.ts)."""
    examples = [d / f"{stack}.template.json" for d in (TYPESCRIPT_EXAMPLE, PYTHON_EXAMPLE) for stack in EXAMPLE_STACKS]
    snapshots = sorted(REPO.glob("integ/integ.*.ts.snapshot/*.template.json"))
    return examples + snapshots + [ALL_OPTIONS / "AllOptions.template.json"]


def load(path: Path) -> Dict[str, Any]:
    """The template at `path`; fails with the command that writes it when it is missing."""
    if not path.exists():
        raise FileNotFoundError(f"{path.relative_to(REPO)} is missing: run `npx projen test:wheel`, which synthesizes it")
    return json.loads(path.read_text())


def name(path: Path) -> str:
    """A short test id for a template: its path in the repository."""
    return str(path.relative_to(REPO))
