#!/usr/bin/env python3
"""Would a model learned from the labels find deadlines better than the rules?

    apt-get install -y python3-sklearn      # by hand; not a build dependency
    /usr/bin/python3 bench/detection/learned_check.py build/bench/detection_eval /tmp/enron

Runs detection_eval --dump and --features on every labels-*.tsv here, then
scores two logistic regressions by 8-fold cross-validation (each fold is
whole label sets, and messages whose own text is identical share a fold, so
a notice repeated across sets is never both trained and tested on):

  text    the message's subject and own text as a bag of words and word
          pairs (TF-IDF): what a learned filter would read without the rules;
  gates   the rules' output made soft: which rules fired, which near misses
          there were and why (each hard gate a feature with a learned
          weight), and the words of those sentences.

It prints deadline TP/FP/FN, precision and recall at several probability
thresholds, beside the rules' own figure on the same messages. Both are
optimistic: the rules and the gates were tuned on these very sets; only the
models' weights are cross-validated. Message-level, as detection_eval scores.
"""
import collections
import os
import re
import subprocess
import sys

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

FOLDS = 8
THRESHOLDS = (0.5, 0.7, 0.8, 0.9, 0.95)
HERE = os.path.dirname(os.path.abspath(__file__))


def run(tool, labels, corpus, mode):
    return subprocess.run([tool, labels, corpus, mode], check=True, capture_output=True,
                          text=True, errors='replace').stdout


def load(tool, corpus):
    """Rows of (set, path, label, flags, items, text) over every label set."""
    rows = []
    names = sorted(n for n in os.listdir(HERE) if n.startswith('labels-') and n.endswith('.tsv'))
    for name in names:
        labels = os.path.join(HERE, name)
        texts = {}
        for chunk in run(tool, labels, corpus, '--dump').split('=== ')[1:]:
            path, _, rest = chunk.partition('\n')
            texts[path.strip()] = rest
        for line in run(tool, labels, corpus, '--features').splitlines():
            parts = line.split('\t')
            rows.append((name, parts[0], int(parts[1]), parts[2].split(), parts[3:], texts.get(parts[0], '')))
    return rows


def folds(rows):
    """Whole sets per fold; identical own texts follow their first copy."""
    sets = sorted({r[0] for r in rows})
    first_fold = {}
    out = []
    for r in rows:
        subject, _, text = r[5].partition('\n')
        key = re.sub(r'\s+', ' ', (subject.split(' | ')[0] + ' ' + text).lower())[:2000]
        out.append(first_fold.setdefault(key, sets.index(r[0]) % FOLDS))
    return np.array(out)


def gate_features(row):
    features = collections.Counter('flag:' + f for f in row[3])
    for item in row[4]:
        kind, rule, *rest = item.split('|')
        sentence = rest[-1].lower()
        if kind == 'F':
            features['fired'] = 1
            features['F:' + rule] = 1
        else:
            reason = rest[0]
            excluded = re.match(r'excluded by "(.*)"', reason)
            reason = 'excluded' if excluded else re.sub(r'\(.*?\)', '', reason).strip()
            features['M:' + reason] = 1
            features['M:' + rule + ':' + reason] += 1
            if excluded:
                features['X:' + excluded.group(1).lower()] = 1
        for word in set(re.findall(r"[a-z']+", sentence)):
            features[kind + 'w:' + word] = 1
    return features


def cross_validate(make_matrix, y, fold, C):
    predicted = np.zeros(len(y))
    for f in range(FOLDS):
        train, test = fold != f, fold == f
        x_train, x_test = make_matrix(np.where(train)[0], np.where(test)[0])
        model = LogisticRegression(C=C, max_iter=3000, class_weight='balanced')
        predicted[test] = model.fit(x_train, y[train]).predict_proba(x_test)[:, 1]
    return predicted


def tally(chosen, y):
    tp = int((chosen & (y == 1)).sum())
    fp = int((chosen & (y == 0)).sum())
    fn = int((~chosen & (y == 1)).sum())
    return '%d/%d/%d P %.2f R %.2f' % (tp, fp, fn, tp / max(tp + fp, 1), tp / max(tp + fn, 1))


def main():
    if len(sys.argv) != 3:
        sys.exit('usage: learned_check.py DETECTION_EVAL CORPUS_ROOT')
    rows = load(sys.argv[1], sys.argv[2])
    y = np.array([r[2] for r in rows])
    fold = folds(rows)
    fired = np.array([any(i.startswith('F|') for i in r[4]) for r in rows])
    print('%d messages, %d deadline positives' % (len(rows), y.sum()))
    print('rules          ', tally(fired, y))

    texts = [r[5][:6000] for r in rows]

    def text_matrix(train, test):
        vectorizer = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
        return vectorizer.fit_transform([texts[i] for i in train]), vectorizer.transform([texts[i] for i in test])

    gates = [gate_features(r) for r in rows]

    def gate_matrix(train, test):
        vectorizer = DictVectorizer()
        return vectorizer.fit_transform([gates[i] for i in train]), vectorizer.transform([gates[i] for i in test])

    for name, make_matrix in (('text', text_matrix), ('gates', gate_matrix)):
        for C in (0.3, 1, 4):
            predicted = cross_validate(make_matrix, y, fold, C)
            print('%-5s C=%-4g' % (name, C),
                  ' | '.join('>=%.2f %s' % (t, tally(predicted >= t, y)) for t in THRESHOLDS))


if __name__ == '__main__':
    main()
