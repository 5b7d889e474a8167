"""What of a synthesized template the local emulator (moto_server) can really deploy.

moto's CloudFormation answers CREATE_COMPLETE for every resource, including those it cannot
create: a type it has no model for is skipped with only a log line, and a Lambda-backed custom
resource is "created" although its function never runs (moto runs Lambda code in Docker, and
there is no Docker engine here). To never report a fake deploy, such resources are removed from
the template before `cdk deploy`, together with everything that needs their values; each
removal is recorded with its reason, and the tests list them.
"""
import contextlib
import io
import json
import warnings
from dataclasses import dataclass
from typing import Any, Dict, Iterator, List, Set, Tuple

from moto.cloudformation.parsing import resource_class_from_type

CUSTOM_RESOURCE = "Lambda-backed custom resource: moto would run its function in Docker, and there is no Docker engine"


@dataclass(frozen=True)
class Removal:
    logical_id: str
    resource_type: str
    reason: str


def unsupported_reason(stack_name: str, logical_id: str, resource: Dict[str, Any]) -> str:
    """Why the emulator cannot deploy this resource, or "" when it can."""
    resource_type = resource["Type"]
    if resource_type.startswith("Custom::") or resource_type == "AWS::CloudFormation::CustomResource":
        return CUSTOM_RESOURCE
    if resource_type == "AWS::EC2::VPC":
        # moto 5.2.5 creates it, but its CloudFormation then fails to delete it ("The vpc ... has
        # dependencies and cannot be deleted"), so the stack could not be destroyed. What refers to
        # it (subnets, route tables, an EKS cluster) is left out with it.
        return "moto's CloudFormation creates a VPC but cannot delete it with its subnets (destroy fails)"
    if resource_type == "AWS::StepFunctions::StateMachine" and "StateMachineName" not in resource.get("Properties", {}):
        # moto names it "<stack>-<logical ID>-<12 characters>" without shortening, then rejects
        # that name with its own 80-character limit (CloudFormation shortens generated names).
        generated = len(stack_name) + len(logical_id) + 14
        if generated > 80:
            return f"moto would name the state machine with {generated} characters, over its 80-character limit"
    # moto's own lookup, so the list follows the installed moto; it prints and warns when it has
    # no model, which is the answer, not a problem.
    with warnings.catch_warnings(), contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        warnings.simplefilter("ignore")
        if resource_class_from_type(resource_type) is None:
            return f"moto's CloudFormation has no model for {resource_type}"
    return ""


def references(value: Any) -> Iterator[str]:
    """Logical IDs a value refers to with Ref, Fn::GetAtt or Fn::Sub."""
    if isinstance(value, list):
        for v in value:
            yield from references(v)
    elif isinstance(value, dict):
        for key, v in value.items():
            if key == "Ref" and isinstance(v, str):
                yield v
            elif key == "Fn::GetAtt":
                yield v[0] if isinstance(v, list) else v.split(".")[0]
            elif key == "Fn::Sub":
                text = v[0] if isinstance(v, list) else v
                for part in text.split("${")[1:]:
                    yield part.split("}")[0].split(".")[0]
                yield from references(v[1] if isinstance(v, list) else [])
            else:
                yield from references(v)


def deployable(template: Dict[str, Any], stack_name: str) -> Tuple[Dict[str, Any], List[Removal]]:
    """The template without what the emulator cannot deploy, and what was removed and why.

    A resource that refers to a removed one (Ref, GetAtt, Sub) is removed too, as are outputs
    that do. A DependsOn on a removed resource is only an ordering constraint, so just that
    entry is dropped and the resource is kept.
    """
    result = json.loads(json.dumps(template))
    resources: Dict[str, Any] = result["Resources"]
    removals: List[Removal] = []
    removed: Set[str] = set()
    for logical_id, resource in resources.items():
        reason = unsupported_reason(stack_name, logical_id, resource)
        if reason:
            removals.append(Removal(logical_id, resource["Type"], reason))
            removed.add(logical_id)
    changed = True
    while changed:
        changed = False
        for logical_id, resource in resources.items():
            if logical_id in removed:
                continue
            needed = sorted(set(references({k: v for k, v in resource.items() if k != "DependsOn"})) & removed)
            if needed:
                removals.append(Removal(logical_id, resource["Type"], f"needs the value of {', '.join(needed)}, which is not deployed"))
                removed.add(logical_id)
                changed = True
    for logical_id in removed:
        del resources[logical_id]
    for resource in resources.values():
        depends = resource.get("DependsOn")
        if depends is not None:
            kept = [d for d in ([depends] if isinstance(depends, str) else depends) if d not in removed]
            if kept:
                resource["DependsOn"] = kept
            else:
                del resource["DependsOn"]
    outputs = result.get("Outputs", {})
    for name in [n for n, o in outputs.items() if set(references(o)) & removed]:
        del outputs[name]
    return result, removals
