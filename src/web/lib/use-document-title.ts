import { useEffect } from 'react';

/** Names the browser tab after the page: "Người dùng · IZIS". */
export function useDocumentTitle(title: string | null | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · IZIS` : 'IZIS';
  }, [title]);
}
