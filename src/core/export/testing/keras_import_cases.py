"""Builds and trains small Keras 3 models and saves them as a tfjs user without the converter would.

Usage: python keras_import_cases.py cases.json results.json (framing: cases_io.py)
Each case is {"id"}, naming one of MODELS; each result is {"id", "error", "modelJson",
"kerasJson", "weightsBin", "inputShape", "inputs", "outputs", "weightNames"}. Per case the
folder <id>/ gets:
  keras-model.json  model.to_json(), Keras' own topology;
  model.json        that topology wrapped as tensorflowjs_converter wraps it (format
                    'layers-model', modelTopology.model_config, a weightsManifest naming
                    weights.bin with one '<layer>/<weight>' entry per array, in model.weights order);
  weights.bin       the arrays as float32 little-endian, concatenated in the manifest's order.
"""

import json
import os

import keras
import numpy as np
from cases_io import run_cases
from keras import layers

BATCH = 8


def dense():
    return keras.Sequential(
        [
            keras.Input((6,)),
            layers.Dense(8, activation="relu"),
            layers.Dropout(0.3),
            layers.Dense(3, activation="softmax"),
        ]
    )


def lstm():
    return keras.Sequential(
        [
            keras.Input((10, 3)),
            layers.LSTM(6, return_sequences=True),
            layers.LSTM(4),
            layers.Dense(1),
        ]
    )


def gru():
    return keras.Sequential(
        [keras.Input((10, 3)), layers.GRU(5, reset_after=False), layers.Dense(2)]
    )


def simple_rnn():
    return keras.Sequential(
        [
            keras.Input((10, 3)),
            layers.SimpleRNN(4, return_sequences=True),
            layers.SimpleRNN(3),
            layers.Dense(1),
        ]
    )


def conv1d():
    return keras.Sequential(
        [
            keras.Input((12, 2)),
            layers.Conv1D(4, 3, padding="same", activation="relu"),
            layers.MaxPooling1D(2),
            layers.Flatten(),
            layers.Dense(2, activation="sigmoid"),
        ]
    )


def conv2d():
    return keras.Sequential(
        [
            keras.Input((8, 8, 2)),
            layers.Conv2D(3, 3, activation="tanh"),
            layers.MaxPooling2D(2),
            layers.Flatten(),
            layers.Dense(1),
        ]
    )


def batch_norm_prelu():
    return keras.Sequential(
        [
            keras.Input((6,)),
            layers.Dense(8),
            layers.BatchNormalization(momentum=0.5),
            layers.PReLU(),
            layers.Dense(3),
        ]
    )


MODELS = {
    "dense": dense,
    "lstm": lstm,
    "gru": gru,
    "simple_rnn": simple_rnn,
    "conv1d": conv1d,
    "conv2d": conv2d,
    "batch_norm_prelu": batch_norm_prelu,
}


def manifest_entries(model):
    """model.weights order, named '<layer>/<weight>' as the tfjs converter names Keras weights."""
    entries = []
    for layer in model.layers:
        for w in layer.weights:
            value = np.asarray(keras.ops.convert_to_numpy(w), dtype="<f4")
            entries.append((f"{layer.name}/{w.name}", value))
    assert len(entries) == len(model.weights), "layer weights do not add up to model.weights"
    return entries


def save(model, folder):
    os.makedirs(folder, exist_ok=True)
    topology = json.loads(model.to_json())
    with open(os.path.join(folder, "keras-model.json"), "w", encoding="utf-8") as f:
        json.dump(topology, f)
    entries = manifest_entries(model)
    with open(os.path.join(folder, "weights.bin"), "wb") as f:
        for _, value in entries:
            f.write(value.tobytes())
    wrapped = {
        "format": "layers-model",
        "generatedBy": f"keras v{keras.__version__}",
        "convertedBy": "keras_import_cases.py (by hand, as tensorflowjs_converter would)",
        "modelTopology": {
            "keras_version": keras.__version__,
            "backend": keras.backend.backend(),
            "model_config": topology,
        },
        "weightsManifest": [
            {
                "paths": ["weights.bin"],
                "weights": [
                    {"name": name, "shape": list(value.shape), "dtype": "float32"}
                    for name, value in entries
                ],
            }
        ],
    }
    with open(os.path.join(folder, "model.json"), "w", encoding="utf-8") as f:
        json.dump(wrapped, f)
    return [name for name, _ in entries]


def run(case, index):
    keras.utils.set_random_seed(index)
    model = MODELS[case["id"]]()
    shape = tuple(model.input_shape[1:])
    units = model.output_shape[-1]
    rng = np.random.default_rng(index)
    x = rng.uniform(-1, 1, (32, *shape)).astype("float32")
    y = rng.uniform(0, 1, (32, units)).astype("float32")
    model.compile(optimizer=keras.optimizers.Adam(0.01), loss="mse")
    model.fit(x, y, epochs=2, batch_size=BATCH, shuffle=False, verbose=0)
    folder = os.path.abspath(case["id"])
    names = save(model, folder)
    inputs = rng.uniform(-1, 1, (BATCH, *shape)).astype("float32")
    outputs = np.asarray(model.predict(inputs, verbose=0), dtype="float32")
    return {
        "modelJson": os.path.join(folder, "model.json"),
        "kerasJson": os.path.join(folder, "keras-model.json"),
        "weightsBin": os.path.join(folder, "weights.bin"),
        "weightNames": names,
        "inputShape": [BATCH, *shape],
        "inputs": inputs.reshape(-1).tolist(),
        "outputs": outputs.reshape(-1).tolist(),
    }


if __name__ == "__main__":
    run_cases(run)
