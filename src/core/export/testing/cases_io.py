"""What every case runner here shares: cases in, results out, exported scripts run as modules.

A runner is called as `python <runner>.py cases.json results.json` (see python-env.ts). Each case
is {"id", ...}; each result is {"id", "error", ...} where error is the traceback of a case that
raised, so one broken case does not hide the others.
"""

import contextlib
import io
import json
import os
import sys
import traceback
import types


def run_cases(run, around=contextlib.nullcontext):
    """Runs run(case, index) over the cases file's cases and writes their results file.

    around(result) wraps each case, e.g. to record the warnings it gives into its result.
    """
    with open(sys.argv[1], encoding="utf-8") as f:
        cases = json.load(f)
    results = []
    for index, case in enumerate(cases):
        result = {"id": case["id"], "error": None}
        with around(result):
            try:
                result.update(run(case, index))
            except (Exception, SystemExit):  # the scripts exit with a message on bad data
                result["error"] = traceback.format_exc()[-3000:]
        results.append(result)
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        json.dump(results, f)


def load_module(source, name):
    """An exported script as a module, without running its main()."""
    module = types.ModuleType(name)
    exec(compile(source, f"{name}.py", "exec"), module.__dict__)
    return module


def run_main(source, folder):
    """Runs a script's main() as `python script.py` does, in its own folder; returns what it printed."""
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "script.py"), "w", encoding="utf-8") as f:
        f.write(source)
    out = io.StringIO()
    here = os.getcwd()
    os.chdir(folder)
    try:
        with contextlib.redirect_stdout(out):
            # Not as "__main__": its `if __name__ == "__main__"` would run main() twice.
            load_module(source, "exported").main()
    finally:
        os.chdir(here)
    return out.getvalue()
