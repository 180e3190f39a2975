"""The classifier: in-graph normalisation, a depthwise-separable CNN, attention pooling over time."""

import torch
from torch import nn


class WindowNorm(nn.Module):
    """Removes the level from a log-mel window inside the graph, so no host code repeats it.

    per_band=True subtracts each band's mean over the window's frames, which also removes a
    microphone's response (a constant per band in the log domain) but with it the speaker's
    spectral tilt; per_band=False subtracts the window's overall mean, which removes gain and keeps
    the tilt (training then adds random channel responses instead). Either way the result is
    divided by the window's overall standard deviation so the network sees one scale."""

    def __init__(self, scale=True, eps=1e-3, per_band=True):
        super().__init__()
        self.scale = scale
        self.eps = eps
        self.per_band = per_band

    def forward(self, x):  # x: [N, T, F]
        # per_band=False removes only the window's overall level and keeps the spectral tilt.
        x = x - (x.mean(dim=1, keepdim=True) if self.per_band else x.mean(dim=(1, 2), keepdim=True))
        if self.scale:
            std = torch.sqrt((x * x).mean(dim=(1, 2), keepdim=True) + self.eps)
            x = x / std
        return x


class FloorRemoval(nn.Module):
    """Removes a stationary noise floor from a log-mel window inside the graph (spectral
    subtraction with a minimum-statistics estimate): each band's floor is the quietest of the
    window's 9-frame block averages (90 ms) of mel power, taken `over` times to make up for the
    minimum's low bias, and subtracted in the power domain; no band falls more than `limit` below
    what it was. Ventilation, projector fans and hum stop looking like voiced energy; digital
    silence between words (the floor of a studio recording) leaves the window as it was."""

    def __init__(self, frames, bands, block=9, over=1.5, limit=0.1):
        super().__init__()
        # Plain numbers, so the exported graph has constant shapes (no Shape/Gather arithmetic).
        self.frames, self.bands, self.blocks = frames, bands, frames // block
        self.block, self.over, self.limit = block, over, limit

    def forward(self, x):  # x: [N, frames, bands] natural-log mel power
        power = torch.exp(x)
        used = power if self.blocks * self.block == self.frames else power[:, :self.blocks * self.block]
        averages = used.reshape(-1, self.blocks, self.block, self.bands).mean(dim=2)
        floor = torch.amin(averages, dim=1, keepdim=True)  # [N, 1, F]
        return torch.log(torch.maximum(power - self.over * floor, self.limit * power))


class RelaxedFrequencyNorm(nn.Module):
    """Relaxed instance frequency-wise normalisation (Kim et al., Interspeech 2022): a share
    `weight` of each early feature map has every frequency row's mean and spread (over channels
    and time) removed, the rest only the map's overall mean and spread. Those per-frequency
    statistics carry what a voice or a microphone adds to every sound in the window; the
    relative pattern within each row (what is said, and how) stays."""

    def __init__(self, weight, eps=1e-5):
        super().__init__()
        self.weight, self.eps = weight, eps

    def forward(self, x):  # [N, C, T, F]
        row = x - x.mean(dim=(1, 2), keepdim=True)
        row = row / torch.sqrt((row * row).mean(dim=(1, 2), keepdim=True) + self.eps)
        whole = x - x.mean(dim=(1, 2, 3), keepdim=True)
        whole = whole / torch.sqrt((whole * whole).mean(dim=(1, 2, 3), keepdim=True) + self.eps)
        return row * self.weight + whole * (1.0 - self.weight)


def conv_bn(cin, cout, kernel, stride, groups=1):
    padding = (kernel[0] // 2, kernel[1] // 2)
    return nn.Sequential(
        nn.Conv2d(cin, cout, kernel, stride=stride, padding=padding, groups=groups, bias=False),
        nn.BatchNorm2d(cout),
        nn.ReLU())


class SeparableBlock(nn.Module):
    """Depthwise 3x3 then pointwise 1x1, each with batch norm and ReLU."""

    def __init__(self, cin, cout, stride):
        super().__init__()
        self.depthwise = conv_bn(cin, cin, (3, 3), stride, groups=cin)
        self.pointwise = conv_bn(cin, cout, (1, 1), (1, 1))

    def forward(self, x):
        return self.pointwise(self.depthwise(x))


class AttentionPool(nn.Module):
    """Weighted mean over time (and optionally the weighted standard deviation): the network
    learns which frames carry the sentiment; the spread tells how lively the voice is."""

    def __init__(self, channels, stats=False):
        super().__init__()
        self.score = nn.Conv1d(channels, 1, 1)
        self.stats = stats

    def forward(self, x):  # x: [N, C, T]
        weights = torch.softmax(self.score(x), dim=2)
        mean = (x * weights).sum(dim=2)
        if not self.stats:
            return mean
        var = (x * x * weights).sum(dim=2) - mean * mean
        return torch.cat([mean, torch.sqrt(var.clamp(min=0.0) + 1e-5)], dim=1)


class SentimentNet(nn.Module):
    """[N, frames, bands] natural-log mel power in, [N, 3] probabilities out."""

    def __init__(self, net, bands=64, frames=198, grouping=None, spec_augment=None):
        """net: a config.NetConfig; bands and frames: the window's shape; grouping: see the head."""
        super().__init__()
        # rfn > 0: relaxed frequency-wise normalisation after the stem and after the first block.
        self.rfn = RelaxedFrequencyNorm(net.rfn) if net.rfn > 0 else None
        # floor_channel: the window with its floor removed is a second input channel next to the
        # window as it is, so the network keeps what the removal takes away and learns when to use which.
        self.floor = FloorRemoval(frames, bands, over=net.floor_over, limit=10.0 ** (-net.floor_limit_db / 10.0)) \
            if net.floor_removal or net.floor_channel else None
        self.floor_channel = net.floor_channel
        width, stem, blocks, band_groups, stats = net.width, net.stem, net.blocks, net.band_groups, net.pool == "stats"
        self.norm = WindowNorm(scale=net.scale, per_band=net.norm == "band")
        self.stem = conv_bn(2 if net.floor_channel else 1, stem, (5, 5), (2, 2))
        layers = []
        cin = stem
        for i, stride in enumerate(blocks):
            cout = width if i < 2 else int(width * 1.5)
            layers.append(SeparableBlock(cin, cout, stride))
            cin = cout
        self.blocks = nn.Sequential(*layers)
        # The remaining mel bands are averaged into band_groups groups (1: all of them), each
        # group's channels kept apart, so the pooling still knows where in the spectrum energy sits.
        remaining = bands
        for stride in [(2, 2)] + list(blocks):
            remaining = (remaining + stride[1] - 1) // stride[1]
        if remaining % band_groups:
            raise ValueError(f"{remaining} remaining mel bands do not split into {band_groups} groups")
        self.band_groups = band_groups
        self.group_width = remaining // band_groups
        cin *= band_groups
        self.pool = AttentionPool(cin, stats=stats)
        self.dropout = nn.Dropout(net.dropout)
        # With a grouping ([classes, 3], one 1 per row) the head tells the finer classes (the
        # corpus' eight emotions) apart and the output sums their probabilities per sentiment.
        # A plain tensor, not a buffer: the export writes it as a constant of each member's graph
        # (identical buffers of ensemble members would be merged into one dangling initializer).
        self.grouping = None if grouping is None else torch.as_tensor(grouping, dtype=torch.float32)
        self.head = nn.Linear(cin * 2 if stats else cin, 3 if grouping is None else self.grouping.shape[0])
        self.spec_augment = spec_augment

    def logits(self, x):
        return self.head(self.dropout(self.embedding(x)))

    def embedding(self, x):
        """The pooled statistics the head reads, [N, channels] (x2 with stats)."""
        if self.floor_channel:
            x = torch.stack([self.norm(x), self.norm(self.floor(x))], dim=1)  # [N, 2, T, F]
        else:
            x = self.norm(x if self.floor is None else self.floor(x)).unsqueeze(1)  # [N, 1, T, F]
        if self.training and self.spec_augment is not None:
            x = self.spec_augment(x)
        if self.rfn is None:
            x = self.blocks(self.stem(x))  # [N, C, T', F']
        else:
            x = self.rfn(self.blocks[0](self.rfn(self.stem(x))))
            x = self.blocks[1:](x)
        if self.band_groups == 1:
            x = x.mean(dim=3)  # over the remaining mel bands
        else:
            width = self.group_width
            # Slices with constant bounds, so the exported graph has no shape arithmetic.
            x = torch.cat([x[:, :, :, g * width:(g + 1) * width].mean(dim=3) for g in range(self.band_groups)], dim=1)
        return self.pool(x)

    def forward(self, x):
        probabilities = torch.softmax(self.logits(x), dim=1)
        return probabilities if self.grouping is None else probabilities @ self.grouping


class GradientReversal(torch.autograd.Function):
    """Identity on the way forward; the gradient times -weight on the way back."""

    @staticmethod
    def forward(ctx, x, weight):
        ctx.weight = weight
        return x.view_as(x)

    @staticmethod
    def backward(ctx, grad):
        return -ctx.weight * grad, None


class Ensemble(nn.Module):
    """Several SentimentNets in one graph; the output is the mean of their probabilities.

    Members trained on different actors disagree where a single network is unsure, so the
    average is steadier on voices none of them heard than any one member."""

    def __init__(self, members):
        super().__init__()
        self.members = nn.ModuleList(members)

    def forward(self, x):
        total = self.members[0](x)
        for member in self.members[1:]:
            total = total + member(x)
        # Written as a product with a constant so the graph stays Add/Mul (no ReduceMean over members).
        return total * (1.0 / len(self.members))


class SpecAugment:
    """Time and frequency masks on the normalised features (0 is each band's mean)."""

    def __init__(self, generator, freq_masks=2, freq_width=8, time_masks=2, time_width=20):
        self.generator = generator
        self.freq_masks, self.freq_width = freq_masks, freq_width
        self.time_masks, self.time_width = time_masks, time_width

    def _rand(self, high):
        return int(torch.randint(0, max(1, high), (1,), generator=self.generator))

    def __call__(self, x):  # [N, T, F] or [N, channels, T, F]: every channel gets the same masks
        x = x.clone()
        n, t, f = x.shape[0], x.shape[-2], x.shape[-1]
        for i in range(n):
            for _ in range(self.freq_masks):
                w = self._rand(self.freq_width + 1)
                s = self._rand(f - w)
                x[i, ..., s:s + w] = 0.0
            for _ in range(self.time_masks):
                w = self._rand(self.time_width + 1)
                s = self._rand(t - w)
                x[i, ..., s:s + w, :] = 0.0
        return x


def parameter_count(model):
    return sum(p.numel() for p in model.parameters())
