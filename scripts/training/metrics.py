"""Figures for imbalanced classes: unweighted average recall, macro-F1, accuracy, confusion."""

import numpy as np


def confusion(truth, predicted, classes=3):
    matrix = np.zeros((classes, classes), dtype=np.int64)
    for t, p in zip(truth, predicted):
        matrix[t, p] += 1
    return matrix


def summary(truth, predicted, classes=3):
    matrix = confusion(truth, predicted, classes)
    support = matrix.sum(axis=1)
    found = matrix.sum(axis=0)
    diagonal = np.diag(matrix).astype(float)
    recall = np.divide(diagonal, support, out=np.zeros(classes), where=support > 0)
    precision = np.divide(diagonal, found, out=np.zeros(classes), where=found > 0)
    denominator = precision + recall
    f1 = np.divide(2 * precision * recall, denominator, out=np.zeros(classes), where=denominator > 0)
    return {
        "uar": round(float(recall.mean()), 4),
        "macro_f1": round(float(f1.mean()), 4),
        "accuracy": round(float(diagonal.sum() / max(1, matrix.sum())), 4),
        "confusion": matrix.tolist(),
    }


def fit_class_weights(truth, probabilities, span=1.5, step=0.05):
    """Weights w (neutral's fixed at 1) such that argmax(p * w) scores best (UAR + macro-F1) on
    held-out clips: a correction of the class priors a network learned from its training voices.
    A grid over log-weights in [-span, span]; among equal scores the smallest correction wins."""
    truth = np.asarray(truth)
    logp = np.log(np.clip(probabilities, 1e-9, 1.0))
    grid = np.arange(-span, span + step / 2, step)
    best, best_key = (0.0, 0.0), None
    for a in grid:
        for c in grid:
            figures = summary(truth, (logp + np.array([a, 0.0, c])).argmax(axis=1))
            key = (round(figures["uar"] + figures["macro_f1"], 6), -(abs(a) + abs(c)))
            if best_key is None or key > best_key:
                best, best_key = (a, c), key
    return [float(np.exp(best[0])), 1.0, float(np.exp(best[1]))]
