import type { OptionsSection } from './options-sections';

/** The options page: a title and its sections, each in its own `<section>`. */
export function OptionsPage(props: { sections: readonly OptionsSection[] }) {
  return (
    <main className="vfc-options">
      <h1>Vet Follow-up Calls — options</h1>
      <p>
        <a href="/privacy.html" target="_blank" rel="noreferrer">
          Privacy policy
        </a>{' '}
        — what the extension reads on IDEXX Neo pages, what it sends where, and how long it is kept.
      </p>
      {props.sections.map(({ id, title, Component }) => (
        <section key={id} aria-labelledby={`vfc-section-${id}`} className="vfc-section">
          <h2 id={`vfc-section-${id}`}>{title}</h2>
          <Component />
        </section>
      ))}
    </main>
  );
}
