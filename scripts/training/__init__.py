"""The EdgeSentiment training pipeline: corpus, augmentation, features, model, export, quantization."""
