"""cfn-lint, what CloudFormation users run in CI, over every template the tests and examples produce.

Zero errors and zero warnings, except the findings listed in IGNORED, each with the reason.
cfn-lint is an independent check of our limits and of the IAM policy grammar; where it and
our validator disagree, README.md ("cfn-lint") says who is right.
"""
import fnmatch
from dataclasses import dataclass
from pathlib import Path
from typing import List

import pytest
from cfnlint.api import ManualArgs, lint_file

from templates import every_template, load, name


@dataclass(frozen=True)
class Ignored:
    rule: str
    """The cfn-lint rule id."""
    template: str
    """Glob of the template path (relative to the repository) where it is expected."""
    path: str
    """Glob of the finding's path in the template, e.g. Resources/X/DependsOn/*."""
    why: str


IGNORED = [
    Ignored(
        "W3005", "*", "Resources/*/DependsOn/*",
        "aws-cdk-lib's lambda.Function and custom resource providers add DependsOn on their role so that "
        "the role's policies exist before the function runs; redundant next to the GetAtt of the role, harmless.",
    ),
    Ignored(
        "W3037", "integ/integ.*.ts.snapshot/*", "Resources/SingletonFunction1488541a7b23466481b69b4408076b81Role*/Properties/Policies/*",
        "integ-tests-alpha grants its assertion provider `lambda:Invoke` (the SDK command name, not an IAM action) "
        "next to the real `lambda:InvokeFunction`; not our policy, and harmless.",
    ),
]


def is_ignored(rule: str, template: str, path: str) -> bool:
    return any(
        i.rule == rule and fnmatch.fnmatch(template, i.template) and fnmatch.fnmatch(path, i.path) for i in IGNORED
    )


@pytest.mark.parametrize("template", every_template(), ids=name)
def test_cfn_lint_reports_no_error_and_no_unexplained_warning(template: Path) -> None:
    load(template)  # fails with the command to run when the template is missing
    findings = lint_file(template, config=ManualArgs(regions=["us-east-1"]))
    problems: List[str] = []
    for finding in findings:
        path = "/".join(str(p) for p in finding.path)
        if finding.rule.id[0] in "EW" and not is_ignored(finding.rule.id, name(template), path):
            problems.append(f"{finding.rule.id} at {path}: {finding.message[:300]}")
    assert problems == []


def test_every_ignored_finding_still_occurs() -> None:
    """An ignore that no longer matches anything is removed, so ignores never pile up."""
    seen = set()
    for template in every_template():
        for finding in lint_file(template, config=ManualArgs(regions=["us-east-1"])):
            path = "/".join(str(p) for p in finding.path)
            for i in IGNORED:
                if i.rule == finding.rule.id and fnmatch.fnmatch(name(template), i.template) and fnmatch.fnmatch(path, i.path):
                    seen.add(i)
    assert [i.rule for i in IGNORED if i not in seen] == []
