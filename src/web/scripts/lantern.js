// Lantern's enhancements, for browsers that run scripts; every page works
// without them. Tables marked data-lantern-sortable sort by a column when its
// header is pressed; pickers marked data-lantern-picker fetch the page for a
// new choice and swap its comparison in place, without a full reload.

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
