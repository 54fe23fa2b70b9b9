const SHORTCUTS: readonly [string, string][] = [
  ['/', 'Search the knowledge base'],
  ['↓ ↑', 'Move between answers'],
  ['Enter', 'Open or close the answer'],
  ['i', 'Insert the answer into the reply'],
  ['c', 'Copy the answer'],
  ['l', 'Copy the answer’s link'],
  ['Esc', 'Clear the search, close this list'],
  ['?', 'Show or hide this list'],
];

export function Shortcuts({ onClose }: { onClose(): void }) {
  return (
    <section class="card shortcuts" role="dialog" aria-label="Keyboard shortcuts">
      <h2>Keyboard shortcuts</h2>
      <dl>
        {SHORTCUTS.map(([keys, what]) => (
          <div key={keys}>
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <button type="button" onClick={onClose}>
        Close
      </button>
    </section>
  );
}
