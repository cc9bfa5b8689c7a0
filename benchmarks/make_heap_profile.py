#!/usr/bin/env python3
"""Writes a large Go heap profile (profile.proto, uncompressed, and gzipped beside it) and the go.mod of
a project whose modules its frames belong to, for benchmarks/heap.sh.
Usage: make_heap_profile.py OUT_DIR MEGABYTES
The profile has Go's four sample types, 400 modules of 25 packages of 12 functions each (generic ones
[...], closures .func1, pointer receivers (*T)), locations with up to three inlined lines, and samples
with stacks of 8 to 40 frames that end in runtime and start in main, until the file reaches MEGABYTES."""
import gzip, os, random, sys

out, megabytes = sys.argv[1], int(sys.argv[2])
os.makedirs(out, exist_ok=True)
random.seed(7)

def varint(v):
    b = bytearray()
    while v >= 0x80:
        b.append((v & 0x7f) | 0x80)
        v >>= 7
    b.append(v)
    return bytes(b)

def field(n, wire, payload):
    return varint(n << 3 | wire) + payload

def msg(n, body):
    return field(n, 2, varint(len(body)) + body)

def vint(n, v):
    return field(n, 0, varint(v))

strings, index = [""], {"": 0}
def s(text):
    if text not in index:
        index[text] = len(strings)
        strings.append(text)
    return index[text]

modules = [f"github.com/org{m % 40}/mod{m}" for m in range(400)]
names = []
for module in modules:
    for p in range(25):
        package = module if p == 0 else f"{module}/pkg{p}"
        for f in range(12):
            kind = f % 4
            if kind == 0: names.append(f"{package}.(*Type{f}).Method{f}")
            elif kind == 1: names.append(f"{package}.Generic[...].Get")
            elif kind == 2: names.append(f"{package}.handler.func{f}")
            else: names.append(f"{package}.Func{f}")
std = ["runtime.mallocgc", "runtime.newobject", "runtime.makeslice", "runtime.growslice", "container/list.(*List).insertValue",
       "encoding/json.(*decodeState).object", "strings.(*Builder).grow", "bytes.growSlice", "runtime.mapassign_faststr"]
names = std + names + ["main.main", "main.serve.func1"]

body = bytearray()
body += msg(1, vint(1, s("alloc_objects")) + vint(2, s("count")))
body += msg(1, vint(1, s("alloc_space")) + vint(2, s("bytes")))
body += msg(1, vint(1, s("inuse_objects")) + vint(2, s("count")))
body += msg(1, vint(1, s("inuse_space")) + vint(2, s("bytes")))
for i, name in enumerate(names, 1):
    body += msg(5, vint(1, i) + vint(2, s(name)) + vint(3, s(name)) + vint(4, s(f"/src/{i % 997}.go")))
locations = 0
def location(functions):
    global locations, body
    locations += 1
    lines = b"".join(msg(4, vint(1, f) + vint(2, 10 + f % 300)) for f in functions)
    body += msg(4, vint(1, locations) + vint(3, 0x400000 + locations * 16) + lines)
    return locations
std_locations = [location([i + 1]) for i in range(len(std))]
main_location = location([len(names) - 1])
user = range(len(std) + 1, len(names) - 1)
user_locations = [location([random.choice(user) for _ in range(random.choice([1, 1, 1, 2, 3]))]) for _ in range(60000)]
target = megabytes << 20
while len(body) < target:
    for _ in range(1000):
        depth = random.randint(6, 38)
        stack = random.sample(std_locations, 2) + random.sample(user_locations, depth) + [main_location]
        objects = random.randint(1, 5000)
        size = objects * random.choice([8, 16, 32, 64, 128, 512, 4096])
        inuse = random.randint(0, objects)
        sample = msg(1, b"".join(varint(l) for l in stack)) + msg(2, b"".join(varint(v) for v in
                 [objects, size, inuse, inuse * (size // objects)]))
        body += msg(2, sample)
for text in strings:
    body += msg(6, text.encode())
body += vint(14, s("inuse_space"))
with open(os.path.join(out, "heap.pb"), "wb") as f:
    f.write(body)
with gzip.open(os.path.join(out, "heap.pb.gz"), "wb") as f:
    f.write(body)
os.makedirs(os.path.join(out, "project"), exist_ok=True)
with open(os.path.join(out, "project", "go.mod"), "w") as f:
    f.write("module example.com/service\n\ngo 1.21\n\nrequire (\n")
    for m in modules:
        f.write(f"\t{m} v1.{len(m) % 9}.0\n")
    f.write(")\n")
print(f"{len(body)} bytes, {locations} locations, {len(names)} functions")
