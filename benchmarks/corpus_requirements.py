"""The block requirements (`module version` lines inside `require ( … )`) of every go.mod below a corpus
folder, walked in sorted order; shared by the benchmark generators."""
import os


def block_requirements(corpus):
    """Yields (folder, module, version) for each requirement line of each go.mod, in walk order."""
    for root, _, names in sorted(os.walk(corpus)):
        if "go.mod" not in names:
            continue
        block = False
        for line in open(os.path.join(root, "go.mod")):
            text = line.split("//")[0].strip()
            if text == "require (":
                block = True
            elif block and text == ")":
                block = False
            elif block and len(text.split()) == 2 and text.split()[1].startswith("v"):
                module, version = text.split()
                yield root, module, version
