#!/usr/bin/env python3
"""Draws the seeded random samples that bench/detection/labels-*.tsv label.

Usage: make_sample.py CORPUS_ROOT SEED SIZE OUT_DEV OUT_TEST

CORPUS_ROOT is the directory the Enron tarball was unpacked into (it holds
enron-inbox/cur/). The file list is sorted, then random.Random(SEED) draws
2*SIZE distinct messages: the first SIZE form the dev sample (read while
tuning rules), the next SIZE the test sample (labelled, never tuned against).
Each output row is `path<TAB>sha256<TAB>?<TAB>` - the categories column is
filled in by hand afterwards. Message text never goes into these files.
"""
import hashlib
import os
import random
import sys


def main() -> int:
    if len(sys.argv) != 6:
        print(__doc__, file=sys.stderr)
        return 2
    root, seed, size, out_dev, out_test = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
    folder = os.path.join(root, "enron-inbox", "cur")
    names = sorted(os.listdir(folder))
    chosen = random.Random(seed).sample(names, 2 * size)
    for out, part in ((out_dev, chosen[:size]), (out_test, chosen[size:])):
        with open(out, "w", encoding="utf-8") as handle:
            handle.write("# path\tsha256\tcategories\tnote\n")
            for name in sorted(part):
                path = os.path.join("enron-inbox", "cur", name)
                with open(os.path.join(root, path), "rb") as message:
                    digest = hashlib.sha256(message.read()).hexdigest()
                handle.write(f"{path}\t{digest}\t?\t\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
