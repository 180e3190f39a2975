"""Figures for imbalanced classes: unweighted average recall, macro-F1, accuracy, confusion."""

import numpy as np


def confusion(truth, predicted, classes=3):
    matrix = np.zeros((classes, classes), dtype=np.int64)
    for t, p in zip(truth, predicted):
        matrix[t, p] += 1
    return matrix


def summary(truth, predicted, classes=3):
    """UAR, macro-F1, accuracy and the confusion matrix (rows: truth). uar_present averages the
    recall over the classes the clips have (BAVED has no positive clips; its UAR counts 0 for them)."""
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
        "uar_present": round(float(recall[support > 0].mean()), 4) if support.any() else 0.0,
        "confusion": matrix.tolist(),
    }

