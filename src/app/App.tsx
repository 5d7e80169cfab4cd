/**
 * The application shell. The lab screen (network graph, heatmaps, curves, controls) is built
 * on the engine in later work; for now the shell says what the lab is.
 */
export function App() {
  return (
    <main>
      <h1>Backprop Lab</h1>
      <p>An interactive laboratory for backpropagation. The training core is in place; the lab screen is being built.</p>
    </main>
  );
}
