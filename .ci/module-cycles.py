#!/usr/bin/env python3
"""Fails when a module of a crate imports one that imports it back (directly or round a loop).

Usage: .ci/module-cycles.py [SRC_DIR ...]   (default: the src/ of every workspace crate)

Reads the Rust sources as they are on disk: `use` trees and `crate::`/`super::`/`self::` paths outside
comments, strings and `#[cfg(test)]` modules, following `pub use` re-exports to the module that defines
the item. Prints each crate's edges with `-v`. Python 3 only, no dependencies.
"""

import collections
import pathlib
import re
import sys

IDENT = r"[A-Za-z_][A-Za-z0-9_]*"
ROOT = pathlib.Path(__file__).resolve().parent.parent


def strip(src):
    """The source without comments, with every string and char literal emptied."""
    out, i, n = [], 0, len(src)
    while i < n:
        c = src[i]
        if src.startswith("//", i):
            j = src.find("\n", i)
            i = n if j < 0 else j
            continue
        if src.startswith("/*", i):
            depth = 0
            while i < n:
                if src.startswith("/*", i):
                    depth += 1
                    i += 2
                elif src.startswith("*/", i):
                    depth -= 1
                    i += 2
                else:
                    i += 1
                if depth == 0:
                    break
            continue
        raw = re.match(r'b?r(#*)"', src[i : i + 10])
        if raw and (i == 0 or not (src[i - 1].isalnum() or src[i - 1] == "_")):
            end = '"' + raw.group(1)
            j = src.find(end, i + len(raw.group(0)))
            out.append('""')
            i = n if j < 0 else j + len(end)
            continue
        if c == '"':
            j = i + 1
            while j < n and src[j] != '"':
                j += 2 if src[j] == "\\" else 1
            out.append('""')
            i = j + 1
            continue
        if c == "'":
            char = re.match(r"'(\\.[^']*|[^\\'])'", src[i : i + 12])
            if char:
                out.append("' '")
                i += len(char.group(0))
                continue
        out.append(c)
        i += 1
    return "".join(out)


def drop_cfg_test(src):
    """The source without its inline `#[cfg(test)] mod x { ... }` blocks."""
    pattern = re.compile(
        r"#\[cfg\(test\)\]\s*(?:#\[[^\]]*\]\s*)*(?:pub(?:\([^)]*\))?\s+)?mod\s+\w+\s*\{"
    )
    while True:
        m = pattern.search(src)
        if not m:
            return src
        i, depth = m.end(), 1
        while depth:
            if src[i] == "{":
                depth += 1
            elif src[i] == "}":
                depth -= 1
            i += 1
        src = src[: m.start()] + src[i:]


def modules(srcdir):
    """Module path (a tuple) -> file, for every .rs file under srcdir but src/bin."""
    mods = {}
    for f in sorted(srcdir.rglob("*.rs")):
        parts = list(f.relative_to(srcdir).with_suffix("").parts)
        if parts[0] == "bin":
            continue
        if len(parts) == 1 and parts[0] in ("lib", "main"):
            path = ()
        elif parts[-1] == "mod":
            path = tuple(parts[:-1])
        else:
            path = tuple(parts)
        mods[path] = f
    return mods


def parse_tree(s, i):
    """The paths of the use tree at s[i:] (lists of segments), and where it ends."""
    segs = []
    while True:
        while i < len(s) and s[i].isspace():
            i += 1
        if i < len(s) and s[i] == "{":
            i += 1
            subs = []
            while True:
                while i < len(s) and s[i] in " \n\t,":
                    i += 1
                if i < len(s) and s[i] == "}":
                    i += 1
                    break
                trees, i = parse_tree(s, i)
                subs += trees
                if i >= len(s):
                    break
            return [segs + x for x in subs] or [segs], i
        if i < len(s) and s[i] == "*":
            return [segs + ["*"]], i + 1
        m = re.match(IDENT, s[i:])
        if not m:
            return [segs], i
        segs.append(m.group(0))
        i += len(m.group(0))
        if re.match(r"\s*!", s[i:]):
            return [segs[:-1] + ["!macro"]], i
        sep = re.match(r"\s*::\s*", s[i:])
        if sep and not re.match(r"\s*::\s*<", s[i:]):
            i += len(sep.group(0))
            continue
        alias = re.match(r"\s+as\s+" + IDENT, s[i:])
        if alias:
            i += len(alias.group(0))
        return [segs], i


def analyse(srcdir):
    """The crate's modules and its module -> modules-it-uses edges."""
    mods = modules(srcdir)
    raw = {p: f.read_text(encoding="utf-8") for p, f in mods.items()}
    text = {p: drop_cfg_test(strip(t)) for p, t in raw.items()}
    # File modules declared `#[cfg(test)] mod x;` are test code: leave them and their children out.
    for p, t in list(text.items()):
        for m in re.finditer(
            r"#\[cfg\(test\)\]\s*(?:pub(?:\([^)]*\))?\s+)?mod\s+(" + IDENT + r")\s*;", strip(raw[p])
        ):
            test_mod = p + (m.group(1),)
            for q in list(mods):
                if q[: len(test_mod)] == test_mod:
                    mods.pop(q)
                    text.pop(q, None)
    alias = {}
    for p in mods:
        for m in re.finditer(
            r'#\[path\s*=\s*"([^"]+)"\]\s*(?:#\[[^\]]*\]\s*)*(?:pub(?:\([^)]*\))?\s+)?mod\s+(\w+)',
            raw[p],
        ):
            target = m.group(1)[:-3].split("/")
            if target[-1] == "mod":
                target = target[:-1]
            alias[p + (m.group(2),)] = p + tuple(target)
    children = collections.defaultdict(set)
    for p in mods:
        if p:
            children[p[:-1]].add(p[-1])
    for a in alias:
        children[a[:-1]].add(a[-1])

    def unalias(segs):
        for a, t in alias.items():
            if tuple(segs[: len(a)]) == a:
                return list(t) + segs[len(a) :]
        return segs

    def absolutize(p, segs):
        if not segs:
            return None
        if segs[0] == "crate":
            return unalias(segs[1:])
        if segs[0] == "self":
            return list(p) + segs[1:]
        if segs[0] == "super":
            q = list(p)
            while segs and segs[0] == "super":
                q, segs = q[:-1], segs[1:]
            return q + segs
        if segs[0] in children[p]:
            return unalias(list(p) + segs)
        return None

    uses = {p: {} for p in mods}
    refs = {p: [] for p in mods}
    for p, t in text.items():
        for m in re.finditer(r"\buse\s+(?:::)?", t):
            for segs in parse_tree(t, m.end())[0]:
                a = absolutize(p, segs)
                if a is None:
                    continue
                refs[p].append(a)
                if segs and segs[-1] not in ("*", "self"):
                    uses[p][segs[-1]] = a
        for m in re.finditer(r"(?<![\w:])(crate|super|self)\s*::", t):
            for segs in parse_tree(t, m.start())[0]:
                a = absolutize(p, segs)
                if a is not None:
                    refs[p].append(a)
        for child in children[p]:
            for m in re.finditer(r"(?<![\w:])" + child + r"\s*::\s*" + IDENT, t):
                for segs in parse_tree(t, m.start())[0]:
                    refs[p].append(list(p) + segs)

    def resolve(a, depth=0):
        """The module that defines the item at path a, through up to four re-exports."""
        q = ()
        for k, s in enumerate(a):
            if s == "!macro":
                return None
            if q + (s,) in mods:
                q = q + (s,)
                continue
            target = uses.get(q, {}).get(s)
            if depth < 4 and target is not None and target != list(q) + [s]:
                return resolve(target + a[k + 1 :], depth + 1)
            return q
        return q

    edges = collections.defaultdict(set)
    for p in mods:
        for a in refs[p]:
            q = resolve(a)
            if q is not None and q != p:
                edges[p].add(q)
    return mods, edges


def name(p):
    return "::".join(p) if p else "(root)"


def cycles(nodes, edges):
    """The strongly connected components of more than one module (Tarjan)."""
    index, low, stack, on, found, counter = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in edges.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(name(x) for x in component))

    sys.setrecursionlimit(10000)
    for v in nodes:
        if v not in index:
            visit(v)
    return found


def workspace_src_dirs():
    """The src/ of every workspace member listed in the root Cargo.toml."""
    manifest = (ROOT / "Cargo.toml").read_text(encoding="utf-8")
    members = re.search(r"members\s*=\s*\[([^\]]*)\]", manifest)
    names = re.findall(r'"([^"]+)"', members.group(1)) if members else []
    return [ROOT / m / "src" for m in names if (ROOT / m / "src").is_dir()]


def main(argv):
    verbose = "-v" in argv
    dirs = [pathlib.Path(a) for a in argv if a != "-v"] or workspace_src_dirs()
    failed = False
    for srcdir in dirs:
        mods, edges = analyse(srcdir)
        found = cycles(sorted(mods), edges)
        shown = srcdir.resolve().relative_to(ROOT) if srcdir.resolve().is_relative_to(ROOT) else srcdir
        print(f"{shown}: {len(mods)} modules, {len(found)} import cycle(s)")
        if verbose:
            for p in sorted(mods):
                if edges.get(p):
                    print(f"  {name(p)} -> " + ", ".join(name(q) for q in sorted(edges[p])))
        for component in found:
            failed = True
            print(f"  error: these modules import each other: {', '.join(component)}; move what they "
                  "share into a module that imports neither")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
