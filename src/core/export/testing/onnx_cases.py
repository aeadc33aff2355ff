"""Checks Layerlab's ONNX exports with the onnx checker and ONNX Runtime, all cases in one process.

Usage: python onnx_cases.py cases.json results.json
Each case is {"id", "path", "inputs", "shape"}; each result is {"id", "error", "outputs",
"opset", "ops"}, where error is the traceback of a case that failed (the others still run).
"""

import json
import sys
import traceback

import numpy as np
import onnx
import onnxruntime


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


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        cases = json.load(f)
    results = []
    for case in cases:
        result = {"id": case["id"], "error": None}
        try:
            result.update(check(case))
        except Exception:
            result["error"] = traceback.format_exc()[-3000:]
        results.append(result)
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        json.dump(results, f)


if __name__ == "__main__":
    main()
