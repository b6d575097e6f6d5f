/**
 * The window's frame while the first calls are in flight (status, profile, settings over IPC or
 * the WebSocket): the top bar and status bar paint at once instead of a blank page.
 */
export function StartupFrame() {
  return (
    <div className="app-shell" aria-busy="true">
      <header className="top-bar">
        <div className="brand">
          <img src="/icon.svg" alt="" width={18} height={18} /> Dronacharya
        </div>
      </header>
      <main className="center-screen muted" role="status">
        Starting…
      </main>
      <footer className="status-bar" />
    </div>
  );
}
