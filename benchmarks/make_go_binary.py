#!/usr/bin/env python3
"""Writes and builds a large Go program for benchmarks/binary.sh: PACKAGES packages of FUNCTIONS functions
each (every one reachable from main, each calling a small helper the compiler inlines, so the pclntab has
inline trees), an embedded blob of pseudo-random bytes to bring the file to about TARGET MB, and a
dependency on github.com/bluele/gcache v0.0.1 (its LFU cache used) served from a file module proxy, so
that the audit has a finding with symbols to look for. Offline; the build cache is the tests' one.
Usage: make_go_binary.py DIR GO [PACKAGES FUNCTIONS TARGET_MB]  -> DIR/app/app"""
import os, random, subprocess, sys, zipfile

out, go = sys.argv[1], sys.argv[2]
packages, functions, target = (int(a) for a in (sys.argv[3:6] if len(sys.argv) > 5 else (100, 500, 100)))
app = os.path.join(out, "app")
os.makedirs(app, exist_ok=True)

gcache = '''package gcache

import "container/list"

type Cache interface {
\tSet(key, value interface{}) error
\tGet(key interface{}) (interface{}, error)
}

type CacheBuilder struct{ size int; kind string }

func New(size int) *CacheBuilder { return &CacheBuilder{size: size} }

func (cb *CacheBuilder) LFU() *CacheBuilder { cb.kind = "lfu"; return cb }

func (cb *CacheBuilder) Build() Cache { return &LFUCache{items: map[interface{}]*list.Element{}, freq: list.New()} }

type LFUCache struct {
\titems map[interface{}]*list.Element
\tfreq  *list.List
}

func (c *LFUCache) Set(key, value interface{}) error { c.items[key] = c.freq.PushBack(value); return nil }

func (c *LFUCache) Get(key interface{}) (interface{}, error) {
\tif e, ok := c.items[key]; ok {
\t\tc.increment(e)
\t\treturn e.Value, nil
\t}
\treturn nil, nil
}

func (c *LFUCache) increment(e *list.Element) { c.freq.MoveToBack(e) }
'''
proxy = os.path.join(out, "proxy", "github.com", "bluele", "gcache", "@v")
os.makedirs(proxy, exist_ok=True)
open(os.path.join(proxy, "list"), "w").write("v0.0.1\n")
open(os.path.join(proxy, "v0.0.1.info"), "w").write('{"Version":"v0.0.1","Time":"2017-01-01T00:00:00Z"}')
open(os.path.join(proxy, "v0.0.1.mod"), "w").write("module github.com/bluele/gcache\n")
with zipfile.ZipFile(os.path.join(proxy, "v0.0.1.zip"), "w") as z:
    z.writestr("github.com/bluele/gcache@v0.0.1/go.mod", "module github.com/bluele/gcache\n")
    z.writestr("github.com/bluele/gcache@v0.0.1/lfu.go", gcache)

open(os.path.join(app, "go.mod"), "w").write("module example.com/big\n\ngo 1.21\n\nrequire github.com/bluele/gcache v0.0.1\n")
imports, tables = [], []
for p in range(packages):
    name = f"p{p:03d}"
    os.makedirs(os.path.join(app, name), exist_ok=True)
    body = [f"// Package {name} is generated.\npackage {name}\n\nfunc helper(x int) int {{ return x*3 + {p} }}\n"]
    for f in range(functions):
        body.append(f"func F{f}(x int) int {{\n\ts := 0\n\tfor i := 0; i < x; i++ {{\n\t\ts += helper(i) ^ len(\"{name}-f{f}\")\n\t}}\n"
                    f"\tif s%{f + 7} == {f % 5} {{\n\t\tpanic(\"{name}.F{f}\")\n\t}}\n\treturn s\n}}\n")
    body.append("// Funcs lists every function, so that all are linked in.\nvar Funcs = []func(int) int{" + ", ".join(f"F{f}" for f in range(functions)) + "}\n")
    open(os.path.join(app, name, f"{name}.go"), "w").write("\n".join(body))
    imports.append(f'\t"example.com/big/{name}"')
    tables.append(f"{name}.Funcs")
blob = target * (1 << 20) - packages * functions * 700
random.seed(7)
open(os.path.join(app, "blob.bin"), "wb").write(random.randbytes(max(blob, 1 << 20)))
open(os.path.join(app, "main.go"), "w").write(
    "package main\n\nimport (\n\t_ \"embed\"\n\t\"fmt\"\n\t\"os\"\n\n\t\"github.com/bluele/gcache\"\n" + "\n".join(imports) + "\n)\n\n"
    "//go:embed blob.bin\nvar blob []byte\n\n"
    "var tables = [][]func(int) int{" + ", ".join(tables) + "}\n\n"
    "func main() {\n\tc := gcache.New(10).LFU().Build()\n\tc.Set(len(os.Args), blob[len(os.Args)])\n\tv, _ := c.Get(len(os.Args))\n"
    "\tt := tables[len(os.Args)%len(tables)]\n\tfmt.Println(v, t[len(os.Args)%len(t)](len(os.Args)))\n}\n")
env = dict(os.environ, GOPROXY="file://" + os.path.join(out, "proxy"), GOSUMDB="off", GOFLAGS="-mod=mod", GOTOOLCHAIN="local",
           GOMODCACHE=os.path.join(out, "modcache"), GOCACHE=os.path.join(os.environ.get("TMPDIR", "/tmp"), "depwatch-test-gocache"))
subprocess.run([go, "build", "-o", "app", "."], cwd=app, env=env, check=True)
print(os.path.join(app, "app"))
