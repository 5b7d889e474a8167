"""Computes the CloudFormation intrinsics of a template the way CloudFormation does, from what the
emulator reports about the deployed stack, so a role read back through IAM can be compared with
its template. Only the intrinsics CDK puts in roles and policies; anything else is an error."""
import re
from typing import Any, Callable, Dict

PSEUDO = {
    "AWS::Partition": "aws",
    "AWS::Region": "us-east-1",
    "AWS::URLSuffix": "amazonaws.com",
    "AWS::NoValue": None,
}


class Resolver:
    def __init__(self, template: Dict[str, Any], account: str, stack_name: str,
                 ref: Callable[[str], str], arn: Callable[[str], str]) -> None:
        """`ref(logical_id)` is what Ref gives for a resource, `arn(logical_id)` its Arn attribute."""
        self.mappings = template.get("Mappings", {})
        self.pseudo = {**PSEUDO, "AWS::AccountId": account, "AWS::StackName": stack_name}
        self.ref = ref
        self.arn = arn

    def _sub(self, text: str, variables: Dict[str, Any]) -> str:
        def value(match: "re.Match[str]") -> str:
            name = match.group(1)
            if name in variables:
                return str(self(variables[name]))
            if name.endswith(".Arn"):
                return self.arn(name[: -len(".Arn")])
            return str(self({"Ref": name}))

        return re.sub(r"\$\{([^}!]+)\}", value, text)

    def __call__(self, value: Any) -> Any:
        if isinstance(value, list):
            return [self(v) for v in value]
        if not isinstance(value, dict):
            return value
        if len(value) == 1:
            [(key, arg)] = value.items()
            if key == "Ref":
                return self.pseudo[arg] if arg in self.pseudo else self.ref(arg)
            if key == "Fn::GetAtt":
                logical_id, attribute = arg if isinstance(arg, list) else arg.split(".", 1)
                if attribute != "Arn":
                    raise ValueError(f"cannot resolve Fn::GetAtt {logical_id}.{attribute}")
                return self.arn(logical_id)
            if key == "Fn::Join":
                separator, parts = arg
                return separator.join(self(p) for p in parts)
            if key == "Fn::Select":
                index, items = arg
                return self(items)[int(index)]
            if key == "Fn::FindInMap":
                table, first, second = (self(a) for a in arg)
                return self.mappings[table][first][second]
            if key == "Fn::Sub":
                text, variables = (arg, {}) if isinstance(arg, str) else arg
                return self._sub(text, variables)
            if key == "Fn::Split":
                separator, text = arg
                return self(text).split(separator)
            if key.startswith("Fn::") or key == "Condition":
                raise ValueError(f"cannot resolve {key}")
        return {k: self(v) for k, v in value.items()}


def resources_of(template: Dict[str, Any], resource_type: str) -> Dict[str, Dict[str, Any]]:
    return {k: v for k, v in template["Resources"].items() if v["Type"] == resource_type}
