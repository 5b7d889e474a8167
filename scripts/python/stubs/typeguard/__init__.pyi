# Typed stand-in for PyPI `typeguard`, which the jsii runtime uses for argument checks.
# Generated modules do not import it themselves; declared so an import resolves.
from typing import Any, TypeVar

_T = TypeVar("_T")

def check_type(value: _T, expected_type: Any, **kwargs: Any) -> _T: ...
