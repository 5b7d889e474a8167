"""The `cdk-assumable-roles` command installed by `pip install` (a jsii bin script), run as a user runs it."""
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
COMMAND = Path(sys.executable).parent / "cdk-assumable-roles"
PYTHON_EXAMPLE_OUT = ROOT / "examples" / "python" / "cdk.out"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(COMMAND), *args], capture_output=True, text=True, timeout=120, check=False)


def test_pip_installs_the_command() -> None:
    assert COMMAND.exists(), f"{COMMAND} is missing: the wheel's bin script was not installed"


def test_reviews_the_python_example_as_the_typescript_golden_file_says() -> None:
    # The Python example builds the same roles as the TypeScript one (test/templates checks the
    # templates); its review is the TypeScript example's golden file, line for line.
    result = run("review", str(PYTHON_EXAMPLE_OUT))
    assert (result.returncode, result.stderr) == (0, "")
    golden = (ROOT / "test" / "review" / "golden" / "example-app.md").read_text()
    assert result.stdout.splitlines() == golden.splitlines()


def test_json_format_and_exit_code_of_a_wrong_directory(tmp_path: Path) -> None:
    result = run("review", str(PYTHON_EXAMPLE_OUT), "--format", "json")
    assert result.returncode == 0
    report = json.loads(result.stdout)
    assert report["summary"]["roles"] == 12
    partner = next(r for r in report["roles"] if r["path"] == "PlatformRoles/PartnerReadOnly")
    assert [p["sentence"] for p in partner["trustedParties"]] == ["account 111122223333 (root) with ExternalId partner-7d1f3a"]

    wrong = run("review", str(tmp_path))
    assert wrong.returncode == 2
    assert "is not a cloud assembly: it has no manifest.json" in wrong.stderr
