"""Checks Layerlab's ONNX exports with the onnx checker and ONNX Runtime, all cases in one process.

Usage: python onnx_cases.py cases.json results.json (framing: cases_io.py)
Each case is {"id", "path", "inputs", "shape"}; each result is {"id", "error", "outputs",
"opset", "ops"}.
"""

import numpy as np
import onnx
import onnxruntime
from cases_io import run_cases


def check(case):
    model = onnx.load(case["path"])
    onnx.checker.check_model(model, full_check=True)
    session = onnxruntime.InferenceSession(case["path"], providers=["CPUExecutionProvider"])
    [inp] = session.get_inputs()
    x = np.asarray(case["inputs"], dtype=np.float32).reshape(case["shape"])
    [y] = session.run(None, {inp.name: x})
    return {
        "outputs": y.reshape(-1).tolist(),
        "outputShape": list(y.shape),
        "opset": model.opset_import[0].version,
        "ops": sorted({n.op_type for n in model.graph.node}),
        "inputShape": [d if isinstance(d, int) else str(d) for d in inp.shape],
    }


if __name__ == "__main__":
    run_cases(lambda case, _: check(case))
