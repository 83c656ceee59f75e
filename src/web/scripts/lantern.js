// Lantern's enhancements, for browsers that run scripts; every page works
// without them. GOV.UK Frontend's radios and checkboxes are started as its
// documentation says, one component at a time, so that a choice's
// conditional reveal opens. Tables marked data-lantern-sortable sort by a
// column when its header is pressed; pickers marked data-lantern-picker
// fetch the page for a new choice and swap its comparison in place, without
// a full reload.
import { Checkboxes, createAll, Radios } from './govuk-frontend.min.js';

createAll(Radios);
createAll(Checkboxes);
withoutExpandedOnChoices();

/**
 * GOV.UK's script marks a radio or checkbox that reveals more with
 * aria-expanded, which ARIA does not allow on those roles (a known issue of
 * GOV.UK Frontend's, alphagov/govuk-frontend#979), and axe refuses; every
 * Lantern page passes axe. The attribute is taken off as soon as it is set;
 * aria-controls, which ARIA allows, still names what each choice reveals,
 * and the revealed fields follow their choice in reading order.
 */
function withoutExpandedOnChoices() {
  const choices = '.govuk-radios__input[aria-controls], .govuk-checkboxes__input[aria-controls]';
  const strip = (/** @type {Element} */ input) => input.removeAttribute('aria-expanded');
  document.querySelectorAll(choices).forEach(strip);
  const observer = new window.MutationObserver((changes) => {
    for (const change of changes) if (change.target instanceof window.Element && change.target.matches(choices) && change.target.hasAttribute('aria-expanded')) strip(change.target);
  });
  observer.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['aria-expanded'] });
}

/** @param {HTMLTableElement} table */
function makeSortable(table) {
  const headers = Array.from(table.tHead?.rows[0]?.cells ?? []);
  headers.forEach((header, column) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'lantern-sort';
    button.textContent = header.textContent;
    header.textContent = '';
    header.append(button);
    header.setAttribute('aria-sort', 'none');
    button.addEventListener('click', () => {
      const ascending = header.getAttribute('aria-sort') !== 'ascending';
      headers.forEach((h) => h.setAttribute('aria-sort', 'none'));
      header.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      sortRows(table, column, ascending);
    });
  });
}

/** @param {HTMLTableElement} table @param {number} column @param {boolean} ascending */
function sortRows(table, column, ascending) {
  const body = table.tBodies[0];
  if (!body) return;
  const key = (/** @type {HTMLTableRowElement} */ row) => {
    const cell = row.cells[column];
    const sort = cell?.dataset.sort;
    if (sort !== undefined) return sort === '' ? Number.POSITIVE_INFINITY : Number(sort);
    return (cell?.textContent ?? '').trim().toLowerCase();
  };
  const rows = Array.from(body.rows);
  rows.sort((a, b) => {
    const x = key(a);
    const y = key(b);
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'en-GB');
    return ascending ? order : -order;
  });
  body.append(...rows);
}

/** @param {HTMLFormElement} form */
function enhancePicker(form) {
  const target = document.getElementById('comparison');
  if (!target) return;
  form.addEventListener('change', async () => {
    const address = `${form.action}?${new URLSearchParams(/** @type {any} */ (new FormData(form))).toString()}`;
    target.setAttribute('aria-busy', 'true');
    try {
      const response = await fetch(address, { headers: { Accept: 'text/html' } });
      if (!response.ok) throw new Error(String(response.status));
      const page = new DOMParser().parseFromString(await response.text(), 'text/html');
      const replacement = page.getElementById('comparison');
      if (!replacement) throw new Error('no comparison');
      target.replaceWith(replacement);
      replacement.querySelectorAll('table[data-lantern-sortable]').forEach((t) => makeSortable(/** @type {HTMLTableElement} */ (t)));
      history.replaceState(null, '', address);
    } catch {
      form.submit();
    } finally {
      target.removeAttribute('aria-busy');
    }
  });
}

document.querySelectorAll('table[data-lantern-sortable]').forEach((t) => makeSortable(/** @type {HTMLTableElement} */ (t)));
document.querySelectorAll('form[data-lantern-picker]').forEach((f) => enhancePicker(/** @type {HTMLFormElement} */ (f)));
