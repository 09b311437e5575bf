"""Type stubs of chitieu._core, the pybind11 module over the C++ library."""
from typing import Any, Dict, List, Optional, Sequence, Tuple

import numpy as np
import numpy.typing as npt

class ChitieuError(ValueError): ...
class PhraseError(ChitieuError): ...

def units() -> List[str]: ...
def check_domain(unit: str, value: float) -> None: ...
def ratio_factor(unit: str) -> float: ...
def status_label_vi(status: str) -> str: ...

class Target:
    kind: str
    direction: str
    lower: Optional[float]
    lower_inclusive: bool
    upper: Optional[float]
    upper_inclusive: bool
    value: Optional[float]
    tolerance: Optional[float]
    base_year: Optional[int]
    period: Optional[Tuple[int, int]]
    unit: str
    text: str
    aspirational: bool
    def __init__(
        self,
        kind: str = "threshold",
        direction: str = "higher",
        lower: Optional[float] = None,
        lower_inclusive: bool = True,
        upper: Optional[float] = None,
        upper_inclusive: bool = True,
    ) -> None: ...
    @property
    def met_boundary(self) -> Optional[float]: ...
    def status(self, value: float, unit: Optional[str] = None) -> str: ...
    def margin(self, value: float, unit: Optional[str] = None) -> float: ...
    def __eq__(self, other: object) -> bool: ...

def parse_target(phrase: str, direction: str = "higher", tolerance: Optional[float] = None) -> Target: ...
def format_target(target: Target, lang: str = "vi") -> str: ...

class Localized:
    vi: str
    en: str

class Domain:
    id: str
    name: Localized

class Indicator:
    id: str
    domain: str
    name: Localized
    unit: str
    direction: str
    target_phrase: str
    target: Target
    aggregate: str
    def to_dict(self) -> Dict[str, Any]: ...

class Plan:
    id: str
    title: Localized
    issuer: str
    area: str
    adopted: str
    baseline_year: int
    target_year: int
    parent: str
    source: str
    @property
    def domains(self) -> List[Domain]: ...
    @property
    def indicators(self) -> List[Indicator]: ...
    def to_dict(self) -> Dict[str, Any]: ...
    def __eq__(self, other: object) -> bool: ...

def load_plan(id_or_path: str) -> Plan: ...
def read_plan(path: str) -> Plan: ...
def parse_plan(text: str, source_name: str = "<string>") -> Plan: ...
def write_plan(plan: Plan) -> str: ...
def embedded_plan_ids() -> List[str]: ...
def plan_problems(plan: Plan) -> List[str]: ...
def plan_file_problems(text: str, source_name: str = "<string>") -> List[str]: ...

class Panel:
    def __len__(self) -> int: ...

def make_panel(
    indicator_ids: Sequence[str],
    indicator_codes: npt.NDArray[np.int32],
    area_ids: Sequence[str],
    area_codes: npt.NDArray[np.int32],
    year: npt.NDArray[np.int32],
    value: npt.NDArray[np.float64],
    numerator: Optional[npt.NDArray[np.float64]] = None,
    denominator: Optional[npt.NDArray[np.float64]] = None,
    weight: Optional[npt.NDArray[np.float64]] = None,
    se: Optional[npt.NDArray[np.float64]] = None,
    coverage: Optional[npt.NDArray[np.float64]] = None,
) -> Panel: ...

class Evaluation:
    def __len__(self) -> int: ...
    def columns(self) -> Dict[str, Any]: ...

def status_names() -> List[str]: ...
def pace_names() -> List[str]: ...
def observation_problems(plan: Plan, panel: Panel) -> List[Tuple[str, int, str]]: ...
def evaluate(
    plan: Plan,
    panel: Panel,
    year: Optional[int] = None,
    method: str = "chitieu",
    baseline_year: Optional[int] = None,
    target_year: Optional[int] = None,
) -> Evaluation: ...

class AreaTable:
    def __init__(
        self,
        ids: Sequence[str],
        codes: Sequence[str],
        names: Sequence[str],
        levels: Sequence[str],
        parents: Sequence[str],
        valid_from: Sequence[str],
        valid_to: Sequence[str],
        source: str = "",
    ) -> None: ...

class Crosswalk:
    def __init__(
        self,
        froms: Sequence[str],
        tos: Sequence[str],
        shares: Sequence[float],
        dates: Sequence[str],
        areas: AreaTable,
    ) -> None: ...

def review(
    plan: Plan,
    panel: Panel,
    areas: Optional[AreaTable] = None,
    crosswalk: Optional[Crosswalk] = None,
    geography: Optional[str] = None,
    year: Optional[int] = None,
    method: str = "chitieu",
    baseline_year: Optional[int] = None,
    target_year: Optional[int] = None,
) -> Tuple[Evaluation, List[Dict[str, Any]]]: ...
def summarize(plan: Plan, evaluation: Evaluation, area: str, year: int, geometric: bool = False) -> Dict[str, Any]: ...
