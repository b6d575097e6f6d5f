// A certificate's evidence, line by line; bdi keeps a learner's or course's right-to-left text
// from reordering the lines around it.
export function EvidenceList({ lines }: { lines: readonly string[] }) {
  return (
    <ul>
      {lines.map((line) => (
        <li key={line}>
          <bdi>{line}</bdi>
        </li>
      ))}
    </ul>
  );
}
