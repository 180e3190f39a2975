"""The text model: a linear layer over hashed n-gram features (what the ONNX graph computes)."""

import numpy as np
import scipy.optimize
import scipy.sparse
import torch


def idf_weights(batches, buckets):
    """Inverse document frequency of each bucket over the training texts, ln((1+n)/(1+df)) + 1;
    0 for a bucket no training text has, so that an unheard word leaves a text's length alone."""
    rows = np.repeat(np.arange(len(batches)), batches.lengths)
    pairs = np.unique(rows * np.int64(buckets) + batches.ids)
    df = np.bincount(pairs % buckets, minlength=buckets)
    return np.where(df > 0, np.log((1.0 + len(batches)) / (1.0 + df)) + 1.0, 0.0).astype(np.float32)


def class_spread(batches, labels, buckets):
    """How unevenly each bucket falls on the classes: the largest distance of a class's log share of
    the training texts holding the bucket (smoothed, each class's count over its texts) from the mean
    of the three. 0 for a bucket heard evenly (or never); large for one mostly in one class."""
    rows = np.repeat(np.arange(len(batches)), batches.lengths)
    pairs = np.unique(rows * np.int64(buckets) + batches.ids)
    texts, ids = pairs // buckets, pairs % buckets
    counts = np.bincount(ids * 3 + np.asarray(labels)[texts], minlength=buckets * 3).reshape(buckets, 3)
    totals = np.bincount(labels, minlength=3)
    share = np.log((counts + 1.0) / (totals + 2.0))
    spread = np.abs(share - share.mean(axis=1, keepdims=True)).max(axis=1)
    return np.where(counts.sum(axis=1) > 0, spread, 0.0).astype(np.float32)


def tfidf_values(ids, values, lengths, idf):
    """Each value times its bucket's idf, then each text's values scaled to unit length (a
    repeated id counts once per occurrence, as the graph sums them)."""
    weighted = values * idf[ids]
    texts = np.repeat(np.arange(len(lengths)), lengths)
    norms = np.sqrt(np.bincount(texts, weights=weighted.astype(np.float64) ** 2, minlength=len(lengths)))
    return (weighted / np.maximum(norms, 1e-12)[texts]).astype(np.float32)


class HashedLinear(torch.nn.Module):
    """softmax(sum_i value_i * W[id_i] + b): one row of three weights per hash bucket. With `idf`,
    each value is first multiplied by its bucket's idf and the text's values scaled to unit length."""

    def __init__(self, buckets, classes=3, idf=None):
        super().__init__()
        # Sparse gradients: a step touches a few thousand of the buckets, and a dense update of
        # every weight made a step 15 times slower.
        self.weight = torch.nn.EmbeddingBag(buckets, classes, mode="sum", sparse=True)
        torch.nn.init.zeros_(self.weight.weight)
        self.bias = torch.nn.Parameter(torch.zeros(classes))
        self.register_buffer("idf", None if idf is None else torch.as_tensor(idf, dtype=torch.float32))

    def forward(self, ids, values, offsets):
        if self.idf is not None:
            weighted = values * self.idf[ids]
            lengths = torch.diff(torch.cat([offsets, torch.tensor([len(ids)])]))
            texts = torch.repeat_interleave(torch.arange(len(offsets)), lengths)
            norms = torch.zeros(len(offsets)).index_add_(0, texts, weighted * weighted).sqrt()
            values = weighted / norms.clamp_min(1e-12)[texts]
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


def fit_lbfgs(model, batches, labels, weights, settings, log):
    """Regularised logistic regression solved to the end: full-batch L-BFGS on the weighted mean
    cross-entropy plus ||W||^2 / (2 C n), C as in the usual formulation (larger: less penalty).
    Only the buckets the training texts touch are solved for; the others stay 0. Yields once."""
    idf = model.idf.numpy() if model.idf is not None else None
    values = batches.values if idf is None else tfidf_values(batches.ids, batches.values, batches.lengths, idf)
    used, columns = np.unique(batches.ids, return_inverse=True)
    indptr = np.concatenate([[0], np.cumsum(batches.lengths)])
    a = scipy.sparse.csr_matrix((values.astype(np.float64), columns.ravel(), indptr), shape=(len(batches), len(used)))
    at = a.T.tocsr()
    class_weight = np.asarray(settings["class_weights"], dtype=np.float64)
    w = np.asarray(weights, dtype=np.float64) * class_weight[labels]
    w /= w.sum()
    onehot = np.eye(3)[labels]
    penalty = 1.0 / (settings["c"] * len(batches))
    d = len(used)
    calls = [0]

    def loss_and_gradient(theta):
        weight, bias = theta[:d * 3].reshape(d, 3), theta[d * 3:]
        logits = a @ weight + bias
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        p /= p.sum(axis=1, keepdims=True)
        loss = -(w * np.log(np.maximum((p * onehot).sum(axis=1), 1e-300))).sum() + 0.5 * penalty * (weight * weight).sum()
        g = (p - onehot) * w[:, None]
        calls[0] += 1
        if calls[0] % 50 == 0:
            log(f"  L-BFGS: {calls[0]} evaluations, loss {loss:.4f}")
        return loss, np.concatenate([(at @ g + penalty * weight).ravel(), g.sum(axis=0)])

    result = scipy.optimize.minimize(loss_and_gradient, np.zeros(d * 3 + 3), jac=True, method="L-BFGS-B",
                                     options={"maxiter": settings["iterations"]})
    log(f"  L-BFGS: {result.nit} iterations, loss {result.fun:.4f} ({result.message})")
    with torch.no_grad():
        model.weight.weight.zero_()
        model.weight.weight[torch.from_numpy(used)] = torch.from_numpy(result.x[:d * 3].reshape(d, 3).astype(np.float32))
        model.bias.copy_(torch.from_numpy(result.x[d * 3:].astype(np.float32)))
    yield 1


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
    Yields after each epoch, so the caller can score it. `lbfgs` solves to the end (fit_lbfgs)."""
    if settings["optimizer"] == "lbfgs":
        yield from fit_lbfgs(model, batches, labels, weights, settings, log)
        return
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
