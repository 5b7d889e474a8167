"""Mistakes that the Python check must catch (scripts/python-check.sh).

Never run. Every line marked `# expect-error: rule[, rule]` must get an error of each listed
pyright rule, and no other line may get one. If a line stops failing, the check itself has
gone blind (for example the jsii stubs turned the generated classes into Any), so the check fails.
"""
from aws_cdk import App, Duration, Stack
from aws_cdk import aws_lambda as lambda_

from cdk_assumable_roles import CrossAccountRole, PermissionsBoundary, RoleCatalog, ServiceRole, Trust, TrustRelationship

stack = Stack(App(), "MustFail")

# A misspelled prop: unknown keyword, and the required one is missing.
ServiceRole(stack, "A", servics=["lambda"])  # expect-error: reportCallIssue, reportCallIssue
# The TypeScript (camelCase) name of a prop.
ServiceRole(stack, "B", services=["lambda"], restrictToSourceAccount=True)  # expect-error: reportCallIssue
# A prop of the wrong type: a number where a Duration goes.
CrossAccountRole(stack, "C", trusted_accounts=["111122223333"], max_session_duration=2)  # expect-error: reportArgumentType
# Props are keyword-only.
ServiceRole(stack, "D", ["lambda"])  # expect-error: reportCallIssue
# A misspelled factory, and a factory given the wrong type.
Trust.github_action(repository="example-org/payments")  # expect-error: reportAttributeAccessIssue
PermissionsBoundary.from_name(42)  # expect-error: reportArgumentType
# A trust relationship is not a role (IRole is checked structurally).
lambda_.Function(stack, "E", runtime=lambda_.Runtime.NODEJS_20_X, handler="index.handler", code=lambda_.Code.from_inline("x"), role=Trust.service("lambda"))  # expect-error: reportArgumentType
# Class properties keep their type (jsii.python.classproperty).
runtime_name: str = lambda_.Runtime.NODEJS_20_X  # expect-error: reportAssignmentType
# Abstract jsii classes cannot be instantiated.
TrustRelationship()  # expect-error: reportAbstractUsage
# Return types are kept: Duration.hours() is not a number.
hours: int = Duration.hours(2)  # expect-error: reportAssignmentType
# A prop of this library given the wrong type (bool expected).
CrossAccountRole(stack, "F", trusted_accounts=["111122223333"], outputs="yes")  # expect-error: reportArgumentType
# The construct ID is required.
ServiceRole(stack, services=["lambda"])  # expect-error: reportCallIssue
# None for a required prop.
ServiceRole(stack, "G", services=None)  # expect-error: reportArgumentType
# A misspelled option of a struct expanded into keyword arguments.
Trust.github_actions(repository="example-org/payments", branch=["main"])  # expect-error: reportCallIssue
# A string where a jsii enum goes.
RoleCatalog.validate(text="version: 1", format="yaml")  # expect-error: reportArgumentType
# A construct of this library is not an IAM statement.
CrossAccountRole(stack, "H", trusted_accounts=["111122223333"]).add_to_principal_policy(ServiceRole(stack, "I", services=["lambda"]))  # expect-error: reportArgumentType

# Not caught, by design of Python typing: a str is a Sequence[str], so `services="lambda"`
# type-checks. It is not listed as a mistake here; see the README's Python section.
