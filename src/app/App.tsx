import { BackendBadge } from '../features/status/BackendBadge';
import { useTrainer } from './useTrainer';

export function App() {
  useTrainer();
  return (
    <div className="app">
      <header className="app-header">
        <h1 className="brand">
          <span aria-hidden="true" className="brand-mark" />
          Layerlab
        </h1>
        <BackendBadge />
      </header>
      <main className="app-main">
        <p>Build a Keras-style model, train it in your browser, share it as a link.</p>
      </main>
    </div>
  );
}
