#!/usr/bin/env python3
"""Draws the seeded random samples that bench/detection/labels-*.tsv label.

Usage: make_sample.py CORPUS_ROOT SEED SIZE OUT [OUT ...] [--exclude LABELS ...]

CORPUS_ROOT is the directory the Enron tarball was unpacked into (it holds
enron-inbox/cur/). The file list is sorted, the messages named in the
--exclude label files are taken out, then random.Random(SEED) draws
SIZE * len(OUT) distinct messages: the first SIZE go to the first OUT, the
next SIZE to the second, and so on. Each output row is
`path<TAB>sha256<TAB>?<TAB>` - the categories column is filled in by hand
afterwards. Message text never goes into these files.

The sets in this folder:
  make_sample.py /tmp/enron 4 250 labels-dev.tsv labels-test.tsv
  make_sample.py /tmp/enron 5 250 labels-test2.tsv --exclude labels-dev.tsv labels-test.tsv
  labels-test3.tsv: drawn after the first tuning round; its seed was not recorded
  make_sample.py /tmp/enron 11 250 labels-test4.tsv --exclude labels-dev.tsv labels-test.tsv \
      labels-test2.tsv labels-test3.tsv audit-precision.tsv
  make_sample.py /tmp/enron 21 250 labels-test5.tsv --exclude labels-dev.tsv labels-test.tsv \
      labels-test2.tsv labels-test3.tsv labels-test4.tsv audit-precision.tsv
  make_sample.py /tmp/enron 41 250 labels-test6.tsv --exclude labels-dev.tsv labels-test.tsv \
      labels-test2.tsv labels-test3.tsv labels-test4.tsv labels-test5.tsv audit-precision.tsv
  make_sample.py /tmp/enron 43 250 labels-test7.tsv --exclude labels-dev.tsv labels-test.tsv \
      labels-test2.tsv labels-test3.tsv labels-test4.tsv labels-test5.tsv labels-test6.tsv \
      audit-precision.tsv
  make_sample.py /tmp/enron 61 250 labels-test8.tsv --exclude labels-dev.tsv labels-test.tsv \
      labels-test2.tsv labels-test3.tsv labels-test4.tsv labels-test5.tsv labels-test6.tsv \
      labels-test7.tsv audit-precision.tsv
  make_sample.py /tmp/enron 63 250 labels-test9.tsv --exclude labels-dev.tsv labels-test.tsv \
      labels-test2.tsv labels-test3.tsv labels-test4.tsv labels-test5.tsv labels-test6.tsv \
      labels-test7.tsv labels-test8.tsv audit-precision.tsv
  make_sample.py /tmp/enron 81 250 labels-test10.tsv --exclude labels-dev.tsv labels-test.tsv \
      labels-test2.tsv labels-test3.tsv labels-test4.tsv labels-test5.tsv labels-test6.tsv \
      labels-test7.tsv labels-test8.tsv labels-test9.tsv audit-precision.tsv
  make_sample.py /tmp/enron 83 250 labels-test11.tsv --exclude labels-dev.tsv labels-test.tsv \
      labels-test2.tsv labels-test3.tsv labels-test4.tsv labels-test5.tsv labels-test6.tsv \
      labels-test7.tsv labels-test8.tsv labels-test9.tsv labels-test10.tsv audit-precision.tsv
  make_sample.py /tmp/enron 101 250 labels-test12.tsv --exclude labels-dev.tsv labels-test.tsv \
      labels-test2.tsv ... labels-test11.tsv audit-precision.tsv
  make_sample.py /tmp/enron 103 250 labels-test13.tsv --exclude labels-dev.tsv labels-test.tsv \
      labels-test2.tsv ... labels-test12.tsv audit-precision.tsv
  make_sample.py /tmp/enron 121 250 labels-test14.tsv --exclude labels-dev.tsv labels-test.tsv \
      labels-test2.tsv ... labels-test13.tsv audit-precision.tsv
  make_sample.py /tmp/enron 123 250 labels-test15.tsv --exclude labels-dev.tsv labels-test.tsv \
      labels-test2.tsv ... labels-test14.tsv audit-precision.tsv
  labels-test16.tsv and labels-test17.tsv (seeds 131 and 133) also exclude the eighth round's
  unlabelled tuning samples, which used the same seeds (see README.md, "Ninth tuning round"):
  make_sample.py /tmp/enron 131 1500 /tmp/s8_1500.tsv --exclude labels-dev.tsv ... labels-test15.tsv \
      audit-precision.tsv
  make_sample.py /tmp/enron 133 3000 /tmp/s8_3000.tsv --exclude labels-dev.tsv ... labels-test15.tsv \
      audit-precision.tsv /tmp/s8_1500.tsv
  make_sample.py /tmp/enron 131 250 labels-test16.tsv --exclude labels-dev.tsv ... labels-test15.tsv \
      audit-precision.tsv /tmp/s8_1500.tsv /tmp/s8_3000.tsv
  make_sample.py /tmp/enron 133 250 labels-test17.tsv --exclude labels-dev.tsv ... labels-test15.tsv \
      audit-precision.tsv /tmp/s8_1500.tsv /tmp/s8_3000.tsv labels-test16.tsv
  labels-test18.tsv and labels-test19.tsv (seeds 171 and 173) exclude every label file, the audit and
  every earlier round's unlabelled tuning sample that can be regenerated (L9 = labels-dev.tsv ...
  labels-test9.tsv and so on; s7_* to s9_* were checked against copies those rounds left in /tmp):
  make_sample.py /tmp/enron 12 1500 s2.tsv --exclude L4 audit-precision.tsv
  make_sample.py /tmp/enron 31 1500 s3.tsv --exclude L5 audit-precision.tsv
  make_sample.py /tmp/enron 51 1500 s4.tsv --exclude L7 audit-precision.tsv
  make_sample.py /tmp/enron 71 1500 s5.tsv --exclude L9 audit-precision.tsv
  make_sample.py /tmp/enron 91 1500 s6_1500.tsv --exclude L11 audit-precision.tsv
  make_sample.py /tmp/enron 93 6000 s6_6000.tsv --exclude L11 audit-precision.tsv s6_1500.tsv
  make_sample.py /tmp/enron 111 3000 s7_3000.tsv --exclude L13 audit-precision.tsv
  make_sample.py /tmp/enron 113 6000 s7_6000.tsv --exclude L13 audit-precision.tsv s7_3000.tsv
  s8_1500.tsv and s8_3000.tsv as above (seeds 131 and 133)
  make_sample.py /tmp/enron 151 1500 s9_1500.tsv --exclude L17 audit-precision.tsv
  make_sample.py /tmp/enron 153 3000 s9_3000.tsv --exclude L17 audit-precision.tsv s9_1500.tsv
  make_sample.py /tmp/enron 171 250 labels-test18.tsv --exclude L17 audit-precision.tsv s2.tsv s3.tsv \
      s4.tsv s5.tsv s6_1500.tsv s6_6000.tsv s7_3000.tsv s7_6000.tsv s8_1500.tsv s8_3000.tsv \
      s9_1500.tsv s9_3000.tsv
  make_sample.py /tmp/enron 173 250 labels-test19.tsv --exclude (the same) labels-test18.tsv
  labels-test20.tsv to labels-test23.tsv (seeds 191, 193, 197, 199; the eleventh round's held-out
  sets) exclude every label file up to test19 (L19), the audit, the samples above, the tenth
  round's unlabelled samples and the ninth round's copies left in /tmp (u9a = s9_1500 and
  u9b = s9_3000, checked line for line), each later set also excluding the ones before it:
  make_sample.py /tmp/enron 177 1500 s10_1500.tsv --exclude L19 audit-precision.tsv
  make_sample.py /tmp/enron 179 3000 s10_3000.tsv --exclude L19 audit-precision.tsv s10_1500.tsv
  make_sample.py /tmp/enron 191 250 labels-test20.tsv --exclude L19 audit-precision.tsv s2.tsv ...
      s9_3000.tsv s10_1500.tsv s10_3000.tsv
  make_sample.py /tmp/enron 193 250 labels-test21.tsv --exclude (the same) labels-test20.tsv
  make_sample.py /tmp/enron 197 250 labels-test22.tsv --exclude (the same) labels-test20.tsv \
      labels-test21.tsv
  make_sample.py /tmp/enron 199 250 labels-test23.tsv --exclude (the same) labels-test20.tsv \
      labels-test21.tsv labels-test22.tsv
  labels-test24.tsv to labels-test27.tsv (seeds 211, 213, 217, 219; the twelfth round's held-out
  sets) exclude the same and labels-test20.tsv to labels-test23.tsv (L23), each later set also
  excluding the ones before it:
  make_sample.py /tmp/enron 211 250 labels-test24.tsv --exclude L23 audit-precision.tsv s2.tsv ...
      s10_3000.tsv
  make_sample.py /tmp/enron 213 250 labels-test25.tsv --exclude (the same) labels-test24.tsv
  make_sample.py /tmp/enron 217 250 labels-test26.tsv --exclude (the same) labels-test24.tsv \
      labels-test25.tsv
  make_sample.py /tmp/enron 219 250 labels-test27.tsv --exclude (the same) labels-test24.tsv \
      labels-test25.tsv labels-test26.tsv
  labels-test28.tsv to labels-test31.tsv (seeds 229, 231, 233, 239; held out after the twelfth
  round) exclude the same and labels-test24.tsv to labels-test27.tsv (L27), each later set also
  excluding the ones before it:
  make_sample.py /tmp/enron 229 250 labels-test28.tsv --exclude L27 audit-precision.tsv s2.tsv ...
      s10_3000.tsv
  make_sample.py /tmp/enron 231 250 labels-test29.tsv --exclude (the same) labels-test28.tsv
  make_sample.py /tmp/enron 233 250 labels-test30.tsv --exclude (the same) labels-test28.tsv \
      labels-test29.tsv
  make_sample.py /tmp/enron 239 250 labels-test31.tsv --exclude (the same) labels-test28.tsv \
      labels-test29.tsv labels-test30.tsv
"""
import argparse
import hashlib
import os
import random
import sys


def main() -> int:
    parser = argparse.ArgumentParser(usage=__doc__)
    parser.add_argument("root")
    parser.add_argument("seed", type=int)
    parser.add_argument("size", type=int)
    parser.add_argument("outputs", nargs="+")
    parser.add_argument("--exclude", nargs="*", default=[])
    args = parser.parse_args()
    excluded = set()
    for labels in args.exclude:
        with open(labels, encoding="utf-8") as handle:
            for line in handle:
                if line.strip() and not line.startswith("#"):
                    excluded.add(line.split("\t")[0])
    folder = os.path.join(args.root, "enron-inbox", "cur")
    names = [n for n in sorted(os.listdir(folder)) if os.path.join("enron-inbox", "cur", n) not in excluded]
    chosen = random.Random(args.seed).sample(names, args.size * len(args.outputs))
    for index, out in enumerate(args.outputs):
        part = chosen[index * args.size:(index + 1) * args.size]
        with open(out, "w", encoding="utf-8") as handle:
            handle.write("# path\tsha256\tcategories\tnote\n")
            for name in sorted(part):
                path = os.path.join("enron-inbox", "cur", name)
                with open(os.path.join(args.root, path), "rb") as message:
                    digest = hashlib.sha256(message.read()).hexdigest()
                handle.write(f"{path}\t{digest}\t?\t\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
