#!/usr/bin/env python3
"""Independent check of a swanlog folder written by our writer (test oracle, stdlib only).

    python3 swanlogOracle.py SWANLOG_DIR DUMP_RECORDS_PY

Prints one JSON object: the DB rows as Python's sqlite3 sees them, and per run the `.log`
points as Python's json parses them, plus `reserialized_mismatches`: lines (and `_summary.json`
files) that differ from what `json.dumps(obj, ensure_ascii=False)` would write — i.e. from
what the SDK itself writes. Record files are decoded with the conformance dump_records.py.
Floats are reported as repr() strings so NaN/inf survive strict JSON.
"""
import json
import os
import sqlite3
import subprocess
import sys


def fl(v):
    return repr(v) if isinstance(v, float) else v


def read_db(root):
    path = os.path.join(root, "runs.swanlab")
    if not os.path.exists(path):
        return None
    with open(path, "rb") as f:
        header = f.read(100)
    con = sqlite3.connect("file:%s?mode=ro" % path, uri=True)
    con.row_factory = sqlite3.Row
    out = {"header_18_19": [header[18], header[19]],
           "journal_mode": con.execute("pragma journal_mode").fetchone()[0],
           "integrity": con.execute("pragma integrity_check").fetchone()[0],
           "foreign_key_violations": len(con.execute("pragma foreign_key_check").fetchall())}
    for table in ["project", "experiment", "chart", "namespace", "display", "tag", "source"]:
        out[table] = [dict(r) for r in con.execute("select * from %s order by id" % table)]
    out["schema"] = [r[0] for r in con.execute("select sql from sqlite_master where sql is not null order by rowid")]
    con.close()
    return out


def read_logs(run_dir, mismatches):
    logs = {}
    base = os.path.join(run_dir, "logs")
    if not os.path.isdir(base):
        return None
    for folder in sorted(os.listdir(base), key=lambda s: int(s) if s.isdigit() else s):
        d = os.path.join(base, folder)
        files = sorted([f for f in os.listdir(d) if f.endswith(".log")], key=lambda s: int(s[:-4]))
        entry = {"files": {}, "points": [], "summary": None}
        for f in files:
            with open(os.path.join(d, f), encoding="utf-8") as fh:
                text = fh.read()
            lines = text.split("\n")
            assert lines[-1] == "", "%s/%s does not end with a newline" % (d, f)
            entry["files"][f] = len(lines) - 1
            for line in lines[:-1]:
                obj = json.loads(line)
                if json.dumps(obj, ensure_ascii=False) != line:
                    mismatches.append({"file": os.path.join(d, f), "line": line, "python": json.dumps(obj, ensure_ascii=False)})
                data = obj["data"]
                entry["points"].append([obj["index"], [fl(x) for x in data] if isinstance(data, list) else fl(data),
                                        obj["create_time"], obj.get("more")])
        sp = os.path.join(d, "_summary.json")
        if os.path.exists(sp):
            with open(sp, encoding="utf-8") as fh:
                text = fh.read()
            obj = json.loads(text)
            if json.dumps(obj, ensure_ascii=False) != text:
                mismatches.append({"file": sp, "line": text, "python": json.dumps(obj, ensure_ascii=False)})
            entry["summary"] = {k: fl(v) for k, v in obj.items()}
            entry["summary_keys"] = list(obj.keys())
        logs[folder] = entry
    return logs


def read_records(run_dir, dump_py):
    files = [f for f in os.listdir(run_dir) if f.startswith("run-") and f.endswith(".swanlab")]
    if not files:
        return None
    res = subprocess.run([sys.executable, dump_py, os.path.join(run_dir, files[0])], capture_output=True, text=True, check=True)
    out = []
    for line in res.stdout.splitlines():
        obj = json.loads(line)  # dump_records prints NaN/Infinity tokens, Python reads them
        out.append(obj)
    return {"file": files[0], "header": out[0], "records": out[1:]}


def stringify_floats(o):
    if isinstance(o, float):
        return repr(o)
    if isinstance(o, dict):
        return {k: stringify_floats(v) for k, v in o.items()}
    if isinstance(o, list):
        return [stringify_floats(v) for v in o]
    return o


def main():
    root, dump_py = sys.argv[1], sys.argv[2]
    result = {"db": read_db(root), "runs": {}, "reserialized_mismatches": []}
    for name in sorted(os.listdir(root)):
        run_dir = os.path.join(root, name)
        if not (name.startswith("run-") and os.path.isdir(run_dir)):
            continue
        console = {}
        cdir = os.path.join(run_dir, "console")
        if os.path.isdir(cdir):
            for f in sorted(os.listdir(cdir)):
                with open(os.path.join(cdir, f), encoding="utf-8") as fh:
                    console[f] = fh.read()
        media = {}
        mdir = os.path.join(run_dir, "media")
        if os.path.isdir(mdir):
            for sub in sorted(os.listdir(mdir)):
                entries = sorted(os.listdir(os.path.join(mdir, sub)))
                media[sub] = [{"name": e, "link": os.readlink(os.path.join(mdir, sub, e)) if os.path.islink(os.path.join(mdir, sub, e)) else None,
                               "size": os.path.getsize(os.path.join(mdir, sub, e))} for e in entries]
        files = {}
        fdir = os.path.join(run_dir, "files")
        if os.path.isdir(fdir):
            for f in sorted(os.listdir(fdir)):
                with open(os.path.join(fdir, f), encoding="utf-8") as fh:
                    files[f] = fh.read()
        result["runs"][name] = {
            "logs": read_logs(run_dir, result["reserialized_mismatches"]),
            "console": console,
            "media": media,
            "files": files,
            "metadata": json.loads(files["swanlab-metadata.json"]) if "swanlab-metadata.json" in files else None,
            "records": read_records(run_dir, dump_py),
        }
    print(json.dumps(stringify_floats(result), ensure_ascii=False))


if __name__ == "__main__":
    main()
