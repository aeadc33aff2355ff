import type { TrainingConfig } from '../share/experiment';
import {
  ADAGRAD_INITIAL_ACCUMULATOR,
  ADAM_BETA_1,
  ADAM_BETA_2,
  HUBER_DELTA,
  MOMENTUM,
  OPTIMIZER_EPSILON,
  PROBABILITY_EPSILON,
  RMSPROP_MOMENTUM,
  RMSPROP_RHO,
} from '../training/optimizer-constants';
import type { LossId } from '../training/settings';
import { pyNumber } from './python';

const f = (n: number) => pyNumber(n, { float: true });

/** The PyTorch optimizer with the constants tfjs and the Keras script use (epsilon 1e-7). */
export function torchOptimizer(t: TrainingConfig): string {
  const lr = `lr=${f(t.learningRate)}`;
  const eps = `eps=${f(OPTIMIZER_EPSILON)}`;
  const betas = `betas=(${f(ADAM_BETA_1)}, ${f(ADAM_BETA_2)})`;
  switch (t.optimizer) {
    case 'sgd':
      return `torch.optim.SGD(params, ${lr})`;
    case 'momentum':
      return `torch.optim.SGD(params, ${lr}, momentum=${f(MOMENTUM)})`;
    case 'adam':
      return `torch.optim.Adam(params, ${lr}, ${betas}, ${eps})`;
    case 'rmsprop':
      // Keras' rho is PyTorch's alpha.
      return `torch.optim.RMSprop(params, ${lr}, alpha=${f(RMSPROP_RHO)}, momentum=${f(RMSPROP_MOMENTUM)}, ${eps})`;
    case 'adagrad':
      return `torch.optim.Adagrad(params, ${lr}, initial_accumulator_value=${f(ADAGRAD_INITIAL_ACCUMULATOR)}, ${eps})`;
    case 'adamax':
      return `torch.optim.Adamax(params, ${lr}, ${betas}, ${eps})`;
  }
}

/**
 * The loss as Keras computes it on the model's outputs, which are probabilities where the last
 * layer has a sigmoid or softmax (PyTorch's own cross-entropy losses expect logits). Class
 * targets arrive as codes for both categorical losses: one-hot targets give the same loss.
 */
export function torchLoss(loss: LossId): string {
  const eps = f(PROBABILITY_EPSILON);
  const body = (() => {
    switch (loss) {
      case 'mse':
        return ['    return torch.mean((pred - y) ** 2)'];
      case 'mae':
        return ['    return torch.mean(torch.abs(pred - y))'];
      case 'huber':
        return [`    return F.huber_loss(pred, y, delta=${f(HUBER_DELTA)})`];
      case 'binary_crossentropy':
        return [
          `    p = pred.clamp(${eps}, 1 - ${eps})`,
          '    return -torch.mean(y * torch.log(p) + (1 - y) * torch.log(1 - p))',
        ];
      case 'categorical_crossentropy':
      case 'sparse_categorical_crossentropy':
        return [
          `    p = (pred / pred.sum(dim=-1, keepdim=True)).clamp(${eps}, 1 - ${eps})`,
          '    return -torch.mean(torch.log(p.gather(1, y.long().view(-1, 1))))',
        ];
    }
  })();
  return [`def loss_fn(pred, y):`, `    """Keras' ${loss}."""`, ...body].join('\n');
}
