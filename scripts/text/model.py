"""The text model: a linear layer over hashed n-gram features (what the ONNX graph computes)."""

import numpy as np
import torch


class HashedLinear(torch.nn.Module):
    """softmax(sum_i value_i * W[id_i] + b): one row of three weights per hash bucket."""

    def __init__(self, buckets, classes=3):
        super().__init__()
        # Sparse gradients: a step touches a few thousand of the buckets, and a dense update of
        # every weight made a step 15 times slower.
        self.weight = torch.nn.EmbeddingBag(buckets, classes, mode="sum", sparse=True)
        torch.nn.init.zeros_(self.weight.weight)
        self.bias = torch.nn.Parameter(torch.zeros(classes))

    def forward(self, ids, values, offsets):
        return self.weight(ids, offsets, per_sample_weights=values) + self.bias


class Batches:
    """Feature lists packed once into flat arrays, served as (ids, values, offsets) batches."""

    def __init__(self, features):
        lengths = np.array([len(ids) for ids, _ in features], dtype=np.int64)
        self.starts = np.concatenate([[0], np.cumsum(lengths)[:-1]]).astype(np.int64)
        self.lengths = lengths
        self.ids = np.fromiter((i for ids, _ in features for i in ids), dtype=np.int64, count=int(lengths.sum()))
        self.values = np.fromiter((v for _, vs in features for v in vs), dtype=np.float32, count=int(lengths.sum()))

    @classmethod
    def from_arrays(cls, ids, values, lengths):
        batches = cls([])
        batches.ids, batches.values, batches.lengths = ids, values, lengths
        batches.starts = np.concatenate([[0], np.cumsum(lengths)[:-1]]).astype(np.int64)
        return batches

    def __len__(self):
        return len(self.lengths)

    def batch(self, rows):
        lengths = self.lengths[rows]
        index = np.concatenate([np.arange(s, s + n) for s, n in zip(self.starts[rows], lengths)]) \
            if len(rows) else np.zeros(0, dtype=np.int64)
        offsets = np.concatenate([[0], np.cumsum(lengths)[:-1]]).astype(np.int64)
        return (torch.from_numpy(self.ids[index]), torch.from_numpy(self.values[index]),
                torch.from_numpy(offsets))


def predict(model, batches, size=1024):
    model.eval()
    out = []
    with torch.no_grad():
        for start in range(0, len(batches), size):
            rows = np.arange(start, min(start + size, len(batches)))
            out.append(torch.softmax(model(*batches.batch(rows)), dim=1))
    return torch.cat(out).numpy() if out else np.zeros((0, 3), dtype=np.float32)


def _optimizers(model, settings):
    if settings["optimizer"] == "adagrad":
        return [torch.optim.Adagrad(model.parameters(), lr=settings["lr"])]
    if settings["optimizer"] == "adam":
        # Lazy Adam: the moments of a bucket move only when a batch touches it.
        return [torch.optim.SparseAdam([model.weight.weight], lr=settings["lr"]),
                torch.optim.Adam([model.bias], lr=settings["lr"])]
    raise ValueError(f"optimizer must be adagrad or adam, not {settings['optimizer']}")


def fit(model, batches, labels, weights, settings, log):
    """Adagrad (the sparse linear model's classic) or lazy Adam over shuffled mini-batches;
    `weights` scale each example's loss (sentences against phrases). `l2` penalises the squared
    weights of the buckets a batch touches (a dense penalty would touch every bucket every step).
    Yields after each epoch, so the caller can score it."""
    torch.manual_seed(settings["seed"])
    torch.set_num_threads(1)
    rng = np.random.default_rng(settings["seed"])
    labels = torch.as_tensor(labels, dtype=torch.int64)
    weights = torch.as_tensor(weights, dtype=torch.float32)
    class_weight = torch.as_tensor(settings["class_weights"], dtype=torch.float32)
    optimizers = _optimizers(model, settings)
    l2 = settings["l2"]
    loss_fn = torch.nn.CrossEntropyLoss(weight=class_weight, reduction="none")
    for epoch in range(settings["epochs"]):
        model.train()
        order = rng.permutation(len(batches))
        total = 0.0
        for start in range(0, len(order), settings["batch"]):
            rows = order[start:start + settings["batch"]]
            ids, values, offsets = batches.batch(rows)
            logits = model(ids, values, offsets)
            loss = (loss_fn(logits, labels[rows]) * weights[rows]).sum() / weights[rows].sum()
            if l2:
                touched = torch.nn.functional.embedding(torch.unique(ids), model.weight.weight, sparse=True)
                loss = loss + l2 * touched.pow(2).sum()
            for optimizer in optimizers:
                optimizer.zero_grad()
            loss.backward()
            for optimizer in optimizers:
                optimizer.step()
            total += float(loss) * len(rows)
        log(f"epoch {epoch + 1}/{settings['epochs']}: loss {total / len(order):.4f}")
        yield epoch + 1
