import type { OptionsSection } from './options-sections';
import { i18n } from '#i18n';
import { useAdminAccess, type AdminAccess } from './use-admin-access';

/**
 * The options page: a title, the privacy policy link, and the sections this person may use, each in its own
 * `<section>`: admin sections only when the saved admin token is an admin's (`useAdminAccess`), so a staff member
 * never sees admin forms nor their errors. The page's `data-admin-access` says which answer it shows (`checking` first).
 */
export function OptionsPage(props: { sections: readonly OptionsSection[]; adminAccess?: AdminAccess }) {
  const checked = useAdminAccess();
  const access = props.adminAccess ?? checked;
  const shown = props.sections.filter((section) => !section.admin || access === 'admin');
  return (
    <main className="vfc-options" data-admin-access={access}>
      <h1>{i18n.t('options.title')}</h1>
      <p>
        <a href="/privacy.html" target="_blank" rel="noreferrer">
          {i18n.t('options.privacyLink')}
        </a>{' '}
        {i18n.t('options.privacyAbout')}
      </p>
      {shown.map(({ id, title, Component }) => (
        <section key={id} aria-labelledby={`vfc-section-${id}`} className="vfc-section">
          <h2 id={`vfc-section-${id}`}>{title}</h2>
          <Component />
        </section>
      ))}
      {access === 'refused' && (
        <p className="vfc-muted" data-testid="admin-hidden">
          {i18n.t('options.adminHidden')}
        </p>
      )}
    </main>
  );
}
