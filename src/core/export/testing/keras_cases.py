"""Checks Layerlab's exports in real Keras, all of a test file's cases in one process.

Usage: python keras_cases.py cases.json results.json
Each case is {"id", "kind", ...}; each result is {"id", "error", "warnings", ...} where error
is the traceback of a case that raised (the other cases still run).
"""

import contextlib
import io
import json
import math
import os
import sys
import traceback
import types
import warnings

import keras


def load_module(source, name):
    """The exported script as a module, without running its main()."""
    module = types.ModuleType(name)
    exec(compile(source, f"{name}.py", "exec"), module.__dict__)
    return module


def count(weights):
    return sum(math.prod(w.shape) for w in weights)


def build(case):
    """The model the script builds: per-layer shapes and counts, and its summary() text."""
    model = load_module(case["script"], case["id"]).build_model()
    printed = []
    model.summary(print_fn=lambda text, **_: printed.append(text), line_length=160)
    return {
        "layers": [
            {
                "name": layer.name,
                "type": type(layer).__name__,
                "output": list(layer.output.shape),
                "trainable": count(layer.trainable_weights),
                "nonTrainable": count(layer.non_trainable_weights),
            }
            for layer in model.layers
        ],
        "summary": "\n".join(printed),
    }


def run(case):
    """Runs the script as `python script.py` does, in its own folder."""
    folder = os.path.abspath(case["id"])
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, "script.py")
    with open(path, "w", encoding="utf-8") as f:
        f.write(case["script"])
    out = io.StringIO()
    here = os.getcwd()
    os.chdir(folder)
    try:
        with contextlib.redirect_stdout(out):
            # Not as "__main__": its `if __name__ == "__main__"` would run main() twice.
            load_module(case["script"], "exported").main()
    finally:
        os.chdir(here)
    saved = keras.saving.load_model(os.path.join(folder, "model.keras"))
    return {"stdout": out.getvalue()[-4000:], "params": saved.count_params()}


def from_json(case):
    """A Keras JSON export as Keras reads it, and what Keras writes back."""
    model = keras.models.model_from_json(case["json"])
    return {"params": model.count_params(), "json": json.loads(model.to_json())}


def library_deprecation(w):
    """A DeprecationWarning between two libraries (Keras 3.15 calls np.array on its variables,
    numpy 2 asks for a copy keyword): nothing an exported script says or could change."""
    site = os.sep + "site-packages" + os.sep
    return issubclass(w.category, DeprecationWarning) and site in w.filename


def predict(case):
    """The script's model with the weights tfjs saved, predicting the given inputs."""
    import numpy as np

    module = load_module(case["script"], "exported")
    model = module.build_model()
    module.load_tfjs_weights(model, case["weights"])
    inputs = np.asarray(case["inputs"], dtype="float32")
    return {"outputs": model.predict(inputs, verbose=0).tolist()}


KINDS = {"build": build, "run": run, "json": from_json, "predict": predict}


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        cases = json.load(f)
    results = []
    for case in cases:
        result = {"id": case["id"], "error": None, "warnings": []}
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            keras.utils.clear_session()
            try:
                result.update(KINDS[case["kind"]](case))
            except BaseException:  # SystemExit too: the scripts exit with a message on bad data
                result["error"] = traceback.format_exc()[-3000:]
        result["warnings"] = [
            f"{w.category.__name__}: {w.message}" for w in caught if not library_deprecation(w)
        ]
        result["libraryDeprecations"] = len(caught) - len(result["warnings"])
        results.append(result)
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        json.dump(results, f)


if __name__ == "__main__":
    main()
