// The catalog's filters: name, difficulty, language and status.
import type { CatalogFilters } from './catalog-filters';

export function CourseFilterBar({
  filters,
  languages,
  onChange,
}: {
  filters: CatalogFilters;
  languages: readonly string[];
  onChange(patch: Partial<CatalogFilters>): void;
}) {
  return (
    <div className="learn-filters" role="group" aria-label="Filter courses">
      <input
        type="search"
        aria-label="Filter courses by name"
        placeholder="Filter courses"
        value={filters.text}
        onChange={(event) => onChange({ text: event.target.value })}
      />
      <select aria-label="Difficulty" value={filters.difficulty} onChange={(event) => onChange({ difficulty: event.target.value })}>
        <option value="">Any difficulty</option>
        <option value="beginner">Beginner</option>
        <option value="intermediate">Intermediate</option>
        <option value="advanced">Advanced</option>
      </select>
      <select aria-label="Language" value={filters.language} onChange={(event) => onChange({ language: event.target.value })}>
        <option value="">Any language</option>
        {languages.map((language) => (
          <option key={language} value={language}>
            {language}
          </option>
        ))}
      </select>
      <select aria-label="Status" value={filters.status} onChange={(event) => onChange({ status: event.target.value })}>
        <option value="">Any status</option>
        <option value="not-started">Not started</option>
        <option value="in-progress">In progress</option>
        <option value="completed">Completed</option>
        <option value="locked">Locked</option>
      </select>
    </div>
  );
}
