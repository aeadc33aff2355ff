import type { TorchHelper } from './pytorch-layers';

/** The script's own modules and functions, written only where a layer uses them. */
export const TORCH_HELPERS: Record<TorchHelper, string> = {
  KerasRecurrent: `class KerasRecurrent(nn.Module):
    """A Keras LSTM, GRU or SimpleRNN computed step by step, with Keras' weight layout
    ((features, gates * units) kernels, one bias) and gate order: LSTM i, f, c, o; GRU z, r, h
    with reset_after=False, which applies the reset gate before the recurrent kernel (PyTorch's
    nn.GRU applies it after, so it cannot hold these weights)."""

    GATES = {"LSTM": 4, "GRU": 3, "SimpleRNN": 1}

    def __init__(self, kind, features, units, activation, gate_activation, use_bias, return_sequences):
        super().__init__()
        self.kind, self.units = kind, units
        self.activation, self.gate_activation = activation, gate_activation
        self.return_sequences = return_sequences
        gates = self.GATES[kind] * units
        self.kernel = nn.Parameter(nn.init.xavier_uniform_(torch.empty(features, gates)))
        self.recurrent_kernel = nn.Parameter(torch.cat([nn.init.orthogonal_(torch.empty(units, units)) for _ in range(self.GATES[kind])], 1))
        self.bias = nn.Parameter(torch.zeros(gates)) if use_bias else None

    def forward(self, x):
        inputs = x @ self.kernel
        if self.bias is not None:
            inputs = inputs + self.bias
        h = x.new_zeros(x.shape[0], self.units)
        c = x.new_zeros(x.shape[0], self.units)
        act, gate = self.activation, self.gate_activation
        outputs = []
        for step in inputs.unbind(1):
            if self.kind == "SimpleRNN":
                h = act(step + h @ self.recurrent_kernel)
            elif self.kind == "LSTM":
                i, f, g, o = (step + h @ self.recurrent_kernel).chunk(4, dim=-1)
                c = gate(f) * c + gate(i) * act(g)
                h = gate(o) * act(c)
            else:
                x_z, x_r, x_h = step.chunk(3, dim=-1)
                r_z, r_r, r_h = self.recurrent_kernel.chunk(3, dim=-1)
                z = gate(x_z + h @ r_z)
                r = gate(x_r + h @ r_r)
                h = z * h + (1 - z) * act(x_h + (r * h) @ r_h)
            outputs.append(h)
        return torch.stack(outputs, 1) if self.return_sequences else h`,
  KerasBatchNorm: `class KerasBatchNorm(nn.Module):
    """Keras' BatchNormalization: over the last axis, with Keras' momentum (PyTorch counts
    1 - momentum) and gamma or beta left out as Keras' scale=False or center=False do."""

    def __init__(self, channels, momentum, epsilon, center, scale):
        super().__init__()
        self.momentum, self.epsilon = momentum, epsilon
        self.weight = nn.Parameter(torch.ones(channels)) if scale else None
        self.bias = nn.Parameter(torch.zeros(channels)) if center else None
        self.register_buffer("running_mean", torch.zeros(channels))
        self.register_buffer("running_var", torch.ones(channels))

    def forward(self, x):
        y = F.batch_norm(
            x.movedim(-1, 1), self.running_mean, self.running_var, self.weight, self.bias,
            self.training, 1 - self.momentum, self.epsilon,
        )
        return y.movedim(1, -1)`,
  avg_pool_same: `def avg_pool_same(x, size, stride, pads):
    """TensorFlow's padding='same' average: the mean of the real values in each window."""
    total = F.avg_pool1d(F.pad(x, pads), size, stride)
    share = F.avg_pool1d(F.pad(torch.ones_like(x[:, :1]), pads), size, stride)
    return total / share`,
};
