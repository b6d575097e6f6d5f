export function TerminalPanel() {
  return (
    <div className="panel-pad">
      <p className="muted">A terminal opens in the workspace folder of the lesson you are working on.</p>
    </div>
  );
}
