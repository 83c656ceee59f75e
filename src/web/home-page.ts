// The front page until the full web pages arrive: what the store holds, and
// where the API is. Plain HTML, no script.
export interface Holdings {
  readonly areas: number;
  readonly metrics: number;
  readonly observations: number;
  readonly batches: number;
}

export function renderHomePage(holdings: Holdings): string {
  const n = (value: number) => value.toLocaleString('en-GB');
  return `<!doctype html>
<html lang="en-GB">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Lantern</title></head>
<body>
<main>
<h1>Lantern</h1>
<p>Performance data for English local government.</p>
<ul>
<li><a href="/api/areas?current=true">${n(holdings.areas)} areas</a></li>
<li><a href="/api/metrics">${n(holdings.metrics)} metrics</a></li>
<li><a href="/api/observations">${n(holdings.observations)} observations</a></li>
<li><a href="/api/imports">${n(holdings.batches)} import batches</a></li>
</ul>
<p>The API is described at <a href="/api/openapi.json">/api/openapi.json</a>.</p>
</main>
</body>
</html>`;
}
