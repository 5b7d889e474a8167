"""Reads `pyright --outputjson` on stdin and decides the result of the Python check.

usage: pyright --outputjson -p CONFIG MUST_FAIL_DIR EXAMPLE_DIR... | python3 pyright_report.py MUST_FAIL_DIR EXAMPLE_DIR...

- Every error or warning outside MUST_FAIL_DIR fails the check.
- In MUST_FAIL_DIR, a line marked `# expect-error: ruleA, ruleB` must get an error of each
  listed rule (other errors on that line are allowed); an unmarked line must get none.
- pyright must have analysed every .py file of those directories: a wrong path would
  otherwise make the check pass on nothing.
With PYTHON_CHECK_JUNIT=FILE, also writes a JUnit report there (one case per checked
directory, one per deliberate mistake), so CI counts these checks with the other tests.
Exit status: 0 when all holds, 1 otherwise. Python 3.8+ standard library only.
"""
import json
import os
import re
import sys
from xml.sax.saxutils import quoteattr
from collections import Counter, defaultdict
from typing import Dict, List, Tuple

LIMIT = 40  # problems printed in full
MARK = re.compile(r"#\s*expect-error:\s*(?P<rules>[\w\s,]+)$")


def expectations(path: str) -> Dict[int, Counter]:
    found: Dict[int, Counter] = {}
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, start=1):
            m = MARK.search(line.rstrip())
            if m:
                found[number] = Counter(r.strip() for r in m.group("rules").split(",") if r.strip())
    return found


def show(d: dict) -> str:
    start = d.get("range", {}).get("start", {})
    rel = os.path.relpath(d["file"])
    first = d["message"].splitlines()[0] if d.get("message") else ""
    rest = "".join("\n      " + l for l in d.get("message", "").splitlines()[1:])
    rule = f" ({d['rule']})" if d.get("rule") else ""
    return f"  {rel}:{start.get('line', 0) + 1}:{start.get('character', 0) + 1} - {d['severity']}: {first}{rule}{rest}"


def write_junit(path: str, cases: List[Tuple[str, str]]) -> None:
    """cases: (name, failure message or "")."""
    failures = sum(1 for _, failure in cases if failure)
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             f'<testsuites name="python-check" tests="{len(cases)}" failures="{failures}" errors="0">',
             f'  <testsuite name="pyright" tests="{len(cases)}" failures="{failures}" errors="0">']
    for name, failure in cases:
        if failure:
            lines.append(f'    <testcase classname="python-check" name={quoteattr(name)}>'
                         f'<failure message={quoteattr(failure)}/></testcase>')
        else:
            lines.append(f'    <testcase classname="python-check" name={quoteattr(name)}/>')
    lines += ['  </testsuite>', '</testsuites>', '']
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))


def main() -> int:
    must_fail_dir = os.path.realpath(sys.argv[1])
    sources = [
        os.path.join(root, f)
        for d in sys.argv[1:]
        for root, dirs, files in os.walk(d)
        if not any(part in ("cdk.out", "__pycache__", ".venv") for part in root.split(os.sep))
        for f in files
        if f.endswith(".py")
    ]
    raw = sys.stdin.read()
    try:
        report = json.loads(raw)
    except json.JSONDecodeError:
        print("pyright did not print a JSON report:\n" + raw, file=sys.stderr)
        return 1

    failed = False
    outside = 0
    cases: List[Tuple[str, str]] = []
    problems_in: Counter = Counter()
    checked_dirs = [os.path.realpath(d) for d in sys.argv[2:]]
    diagnostics: List[dict] = [d for d in report.get("generalDiagnostics", []) if d.get("severity") in ("error", "warning")]
    by_line: Dict[Tuple[str, int], List[dict]] = defaultdict(list)
    for d in diagnostics:
        path = os.path.realpath(d.get("file", ""))
        line = d.get("range", {}).get("start", {}).get("line", 0) + 1
        if path.startswith(must_fail_dir + os.sep):
            by_line[(path, line)].append(d)
        else:
            if not failed:
                print("pyright found problems:")
            for d_dir in checked_dirs:
                if path.startswith(d_dir + os.sep):
                    problems_in[d_dir] += 1
            outside += 1
            if outside <= LIMIT:
                print(show(d))
            failed = True
    if outside > LIMIT:
        print(f"  ... and {outside - LIMIT} more")

    checked = 0
    for name in sorted(os.listdir(must_fail_dir)):
        if not name.endswith(".py"):
            continue
        path = os.path.join(must_fail_dir, name)
        expected = expectations(path)
        for line, rules in sorted(expected.items()):
            got = Counter(d.get("rule", "") for d in by_line.get((path, line), []))
            missing = rules - got
            checked += 1
            case = f"{os.path.relpath(path)}:{line} is reported ({', '.join(sorted(rules))})"
            cases.append((case, f"pyright reported {dict(got) or 'nothing'}" if missing else ""))
            if missing:
                failed = True
                print(f"  {os.path.relpath(path)}:{line} - expected {', '.join(sorted(missing.elements()))} "
                      f"but pyright reported {dict(got) or 'nothing'}: the check no longer catches this mistake")
        for (p, line), ds in sorted(by_line.items()):
            if p == path and line not in expected:
                failed = True
                print("  unexpected error in a must-fail file (mark it or fix it):")
                for d in ds:
                    print(show(d))
    if checked == 0:
        print(f"no `# expect-error:` lines found in {os.path.relpath(must_fail_dir)}")
        failed = True

    summary = report.get("summary", {})
    analysed = summary.get("filesAnalyzed", 0)
    if analysed < len(sources):
        print(f"pyright analysed {analysed} file(s) but there are {len(sources)}: {', '.join(map(os.path.relpath, sources))}")
        failed = True
    for d_dir in checked_dirs:
        n = problems_in[d_dir]
        cases.append((f"{os.path.relpath(d_dir)} type-checks", f"{n} problem(s)" if n else ""))
    if os.environ.get("PYTHON_CHECK_JUNIT"):
        write_junit(os.environ["PYTHON_CHECK_JUNIT"], cases)
    if not failed:
        expected_errors = sum(len(ds) for ds in by_line.values())
        print(f"pyright {report.get('version', '?')}: {analysed} files clean apart from "
              f"{expected_errors} expected errors; all {checked} deliberate mistakes caught")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
