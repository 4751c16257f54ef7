#!/usr/bin/env python3
"""CPU seconds used by each native stack service (its process and every descendant, plus what its
exited children used), for the end-to-end bench's "where the time went" table, and the service's
peak resident memory (its main process's VmHWM: the most since it started).
  stack-cpu.py snapshot .sandbox/pids > before.json      # then, after the run:
  stack-cpu.py diff .sandbox/pids before.json             # one line per service, CPU s since the snapshot
"""
import json, os, sys

TICKS = os.sysconf("SC_CLK_TCK")

def stat(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    # fields[0] is state (field 3): utime=14, stime=15, cutime=16, cstime=17, ppid=4 (1-based, minus 3)
    return int(fields[1]), sum(int(x) for x in fields[11:15])

def children():
    tree = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                ppid, _ = stat(name)
                tree.setdefault(ppid, []).append(int(name))
            except (FileNotFoundError, ProcessLookupError, IndexError):
                pass
    return tree

def ticks_of(root, tree):
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        try:
            total += stat(pid)[1]
        except (FileNotFoundError, ProcessLookupError):
            continue
        todo.extend(tree.get(pid, []))
    return total

def snapshot(pid_dir):
    tree = children()
    result = {}
    for file in sorted(os.listdir(pid_dir)):
        if file.endswith(".pid"):
            with open(os.path.join(pid_dir, file)) as f:
                text = f.read().strip()
            if text.isdigit():
                result[file[:-4]] = ticks_of(int(text), tree)
    return result

def peak_rss_mib(pid_dir, name):
    try:
        with open(os.path.join(pid_dir, name + ".pid")) as f:
            pid = f.read().strip()
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except (FileNotFoundError, ValueError):
        pass
    return 0.0

if __name__ == "__main__":
    if len(sys.argv) < 3 or sys.argv[1] not in ("snapshot", "diff"):
        sys.exit(__doc__)
    now = snapshot(sys.argv[2])
    if sys.argv[1] == "snapshot":
        json.dump(now, sys.stdout)
    else:
        with open(sys.argv[3]) as f:
            before = json.load(f)
        for name, ticks in now.items():
            print(f"cpu: {name:<10} {(ticks - before.get(name, 0)) / TICKS:7.1f} s   peak RSS {peak_rss_mib(sys.argv[2], name):7.0f} MiB")
