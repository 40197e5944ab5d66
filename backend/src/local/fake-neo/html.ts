import type { FakeNeoClient, FakeNeoConsultation } from './fixtures.js';

/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/**
 * The in-page router: like Neo, moving between consultations does not reload the page. Links marked `data-spa`
 * use `history.pushState`, then the page fetches its own page-data (same origin, session cookie) and re-renders.
 */
const SPA_SCRIPT = `
(() => {
  const esc = (t) => String(t ?? '').replace(/[&<>"']/g, (c) => ({'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;',"'":'&#39;'})[c]);
  const main = document.getElementById('neo-main');
  async function render(path) {
    const m = /^\\/consultations\\/(?:view\\/|edit\\/)?(\\d+)/.exec(path);
    if (!m) { main.innerHTML = '<h1>Appointments</h1><p>No appointments selected.</p>'; document.title = 'Appointments | IDEXX Neo (fake)'; return; }
    const res = await fetch('/consultations/' + m[1] + '/page-data', { credentials: 'include', headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' } });
    if (!res.ok) { main.innerHTML = '<p>Could not load consultation ' + esc(m[1]) + '</p>'; return; }
    const d = await res.json();
    document.title = 'Consultation ' + m[1] + ' | IDEXX Neo (fake)';
    main.innerHTML = '<h1>Consultation #' + esc(d.consultation.id) + ' <small data-status>' + esc(d.consultation.status) + '</small></h1>'
      + '<section class="patient"><h2>Patient</h2><p data-patient-name>' + esc(d.patient.name) + '</p><p>' + esc(d.patient.species) + ', ' + esc(d.patient.breed) + '</p></section>'
      + '<section class="owner"><h2>Client</h2><p><a href="/clients/view/' + esc(d.client.id) + '">' + esc(d.client.firstName) + ' ' + esc(d.client.lastName) + '</a></p></section>'
      + '<section class="notes"><h2>Reason</h2><p>' + esc(d.consultation.reason) + '</p><h2>Clinical notes</h2><div>' + (d.consultation.dischargeSummary || d.consultation.notes || '') + '</div></section>';
  }
  document.addEventListener('click', (event) => {
    const a = event.target instanceof Element ? event.target.closest('a[data-spa]') : null;
    if (!a) return;
    event.preventDefault();
    history.pushState({}, '', a.getAttribute('href'));
    render(location.pathname);
  });
  window.addEventListener('popstate', () => render(location.pathname));
})();
`;

function layout(title: string, nav: string, main: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} | IDEXX Neo (fake)</title>
<style>body{font-family:sans-serif;margin:0}header{background:#00467f;color:#fff;padding:8px 16px}
nav{display:flex;gap:12px;padding:8px 16px;background:#eef}main{padding:16px;max-width:900px}small{font-size:60%;color:#555}</style>
</head><body>
<header><strong>IDEXX Neo</strong> <span>(fake, for tests)</span></header>
<nav id="neo-nav">${nav}</nav>
<main id="neo-main">${main}</main>
<script>${SPA_SCRIPT}</script>
</body></html>`;
}

/** The navigation bar: in-page links to every consultation and to a non-consultation page. */
export function navLinks(consultations: readonly FakeNeoConsultation[]): string {
  return [
    ...consultations.map(
      (c) => `<a data-spa href="/consultations/view/${c.id}">${escapeHtml(c.pageData.patient.name)} (#${c.id})</a>`,
    ),
    '<a data-spa href="/appointments">Appointments</a>',
  ].join(' ');
}

/** A consultation page (`/consultations/view/<id>` or `/edit/<id>`), rendered server-side on first load. */
export function consultationPage(c: FakeNeoConsultation, all: readonly FakeNeoConsultation[]): string {
  const { consultation, patient } = c.pageData;
  const main = `<h1>Consultation #${consultation.id} <small data-status>${escapeHtml(consultation.status)}</small></h1>
<section class="patient"><h2>Patient</h2><p data-patient-name>${escapeHtml(patient.name)}</p><p>${escapeHtml(patient.species)}, ${escapeHtml(patient.breed)}</p></section>
<section class="owner"><h2>Client</h2><p><a href="/clients/view/${c.client.id}">${escapeHtml(c.client.firstName)} ${escapeHtml(c.client.lastName)}</a></p></section>
<section class="notes"><h2>Reason</h2><p>${escapeHtml(consultation.reason)}</p><h2>Clinical notes</h2><div>${consultation.dischargeSummary ?? consultation.notes}</div></section>`;
  return layout(`Consultation ${c.id}`, navLinks(all), main);
}

/** A client page with the labelled phone numbers ("Mobile No:", "Home No:", "Work No:"). */
export function clientPage(client: FakeNeoClient, all: readonly FakeNeoConsultation[]): string {
  const row = (label: string, value: string | undefined) =>
    `<tr><th>${label}</th><td>${value ? escapeHtml(value) : ''}</td></tr>`;
  const main = `<h1>${escapeHtml(client.firstName)} ${escapeHtml(client.lastName)}</h1>
<table class="client-details">
${row('Mobile No:', client.clientPage.mobile)}
${row('Home No:', client.clientPage.home)}
${row('Work No:', client.clientPage.work)}
${row('Email:', client.email)}
</table>`;
  return layout(`${client.firstName} ${client.lastName}`, navLinks(all), main);
}

/** Any other page of the app (e.g. `/appointments`). */
export function otherPage(all: readonly FakeNeoConsultation[]): string {
  return layout('Appointments', navLinks(all), '<h1>Appointments</h1><p>No appointments selected.</p>');
}
