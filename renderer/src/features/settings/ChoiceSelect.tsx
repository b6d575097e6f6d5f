// A setting picked from a fixed list, each option read as "label — what it means" (labels.ts).
import { optionText, type ChoiceLabel } from './labels';

export function ChoiceSelect<T extends string>({
  id,
  value,
  choices,
  labels,
  onChange,
}: {
  id: string;
  value: T;
  choices: readonly T[];
  labels: Readonly<Record<T, ChoiceLabel>>;
  onChange: (value: T) => void;
}) {
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value as T)}>
      {choices.map((choice) => (
        <option key={choice} value={choice}>
          {optionText(labels[choice])}
        </option>
      ))}
    </select>
  );
}
