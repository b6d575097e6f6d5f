export function TutorPanel() {
  return (
    <div className="panel-pad">
      <p>The tutor helps you think a problem through: it asks questions and gives hints instead of answers.</p>
      <p className="muted">Open a lesson to ask about it.</p>
    </div>
  );
}
