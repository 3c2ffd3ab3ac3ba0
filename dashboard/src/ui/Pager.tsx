/** Previous/next over a `page`/`size` listing, with where the reader is. */
export function Pager({ page, size, total, onPage, label }: {
  page: number; size: number; total: number; onPage: (page: number) => void; label: string;
}) {
  const pages = Math.max(1, Math.ceil(total / size));
  if (total <= size && page === 1) return null;
  return (
    <nav className="pager" aria-label={`${label} pages`}>
      <button type="button" onClick={() => onPage(page - 1)} disabled={page <= 1}>Previous page</button>
      <span aria-live="polite">Page {page} of {pages} ({total} in all)</span>
      <button type="button" onClick={() => onPage(page + 1)} disabled={page >= pages}>Next page</button>
    </nav>
  );
}
