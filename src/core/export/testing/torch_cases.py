"""Runs Layerlab's PyTorch script exports in torch, all of a test file's cases in one process.

Usage: python torch_cases.py cases.json results.json (framing: cases_io.py)
Each case is {"id", "kind", "script", ...}; each result is {"id", "error", ...}.
"""

import os

import numpy as np
import torch
from cases_io import load_module, run_cases, run_main


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
    stdout = run_main(case["script"], folder)
    state = torch.load(os.path.join(folder, "model.pt"))
    return {"stdout": stdout[-4000:], "params": sum(int(v.numel()) for v in state.values())}


KINDS = {"predict": predict, "train": train}


if __name__ == "__main__":
    torch.manual_seed(0)
    run_cases(lambda case, _: KINDS[case["kind"]](case))
