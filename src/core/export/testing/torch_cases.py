"""Runs Layerlab's PyTorch script exports in torch, all of a test file's cases in one process.

Usage: python torch_cases.py cases.json results.json
Each case is {"id", "kind", "script", ...}; each result is {"id", "error", ...} where error is
the traceback of a case that raised (the other cases still run).
"""

import contextlib
import io
import json
import os
import sys
import traceback
import types

import numpy as np
import torch


def load_module(source, name):
    """The exported script as a module, without running its main()."""
    module = types.ModuleType(name)
    exec(compile(source, f"{name}.py", "exec"), module.__dict__)
    return module


def predict(case):
    """The script's model with the weights tfjs saved, predicting the given inputs."""
    module = load_module(case["script"], case["id"])
    model = module.LayerlabModel()
    module.load_tfjs_weights(model, case["weights"])
    model.eval()
    x = torch.from_numpy(np.asarray(case["inputs"], dtype=np.float32).reshape(case["shape"]))
    with torch.no_grad():
        y = model(x)
    return {"outputs": y.reshape(-1).tolist(), "outputShape": list(y.shape)}


def train(case):
    """Runs the script as `python script.py` does, in its own folder."""
    folder = os.path.abspath(case["id"])
    os.makedirs(folder, exist_ok=True)
    out = io.StringIO()
    here = os.getcwd()
    os.chdir(folder)
    try:
        with contextlib.redirect_stdout(out):
            load_module(case["script"], "exported").main()
    finally:
        os.chdir(here)
    state = torch.load(os.path.join(folder, "model.pt"))
    return {"stdout": out.getvalue()[-4000:], "params": sum(int(v.numel()) for v in state.values())}


KINDS = {"predict": predict, "train": train}


def main():
    torch.manual_seed(0)
    with open(sys.argv[1], encoding="utf-8") as f:
        cases = json.load(f)
    results = []
    for case in cases:
        result = {"id": case["id"], "error": None}
        try:
            result.update(KINDS[case["kind"]](case))
        except BaseException:  # SystemExit too: the scripts exit with a message on bad data
            result["error"] = traceback.format_exc()[-3000:]
        results.append(result)
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        json.dump(results, f)


if __name__ == "__main__":
    main()
