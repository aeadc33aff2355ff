"""Checks Layerlab's exports in real Keras, all of a test file's cases in one process.

Usage: python keras_cases.py cases.json results.json (framing: cases_io.py)
Each case is {"id", "kind", ...}; each result is {"id", "error", "warnings", ...}: the warnings
a case gave, from Python's warnings and, on TensorFlow, from TensorFlow's own log.
"""

import contextlib
import json
import logging
import math
import os
import warnings

import keras
from cases_io import load_module, run_cases, run_main


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
    stdout = run_main(case["script"], folder)
    saved = keras.saving.load_model(os.path.join(folder, "model.keras"))
    return {
        "firstLine": stdout.split("\n", 1)[0],
        "stdout": stdout[-4000:],
        "params": saved.count_params(),
    }


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


class Recorder(logging.Handler):
    """TensorFlow's warnings, which it logs rather than warns."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages = []

    def emit(self, record):
        message = record.getMessage()
        # tf.function counts retracings per process: several models fitted in one process (this
        # runner) retrace, one script run alone does not.
        if "triggered tf.function retracing" not in message:
            self.messages.append(f"tensorflow: {message[:500]}")


@contextlib.contextmanager
def recording_warnings(result):
    recorder = Recorder()
    tf_logger = logging.getLogger("tensorflow")
    tf_logger.addHandler(recorder)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            keras.utils.clear_session()
            yield
    finally:
        tf_logger.removeHandler(recorder)
    kept = [f"{w.category.__name__}: {w.message}" for w in caught if not library_deprecation(w)]
    result["warnings"] = kept + recorder.messages
    result["libraryDeprecations"] = len(caught) - len(kept)


if __name__ == "__main__":
    run_cases(lambda case, _: KINDS[case["kind"]](case), around=recording_warnings)
